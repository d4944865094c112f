package io.github.assumeguard.rules.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

  @Test
  void distanceCountsTranspositionsAsOneEditAndIgnoresCase() {
    assertThat(Spelling.distance("aws:SoruceArn", "aws:SourceArn")).isEqualTo(1);
    assertThat(Spelling.distance("STRINGEQUALS", "StringEquals")).isZero();
    assertThat(Spelling.distance("", "Bool")).isEqualTo(4);
  }

  @Test
  void nearestOnlySuggestsPlausibleTypos() {
    assertThat(Spelling.nearest("StringEqual", OperatorNames.ALL)).contains("StringEquals");
    assertThat(Spelling.nearest("ForAnyValues:StringLike", OperatorNames.ALL)).contains("ForAnyValue:StringLike");
    assertThat(Spelling.nearest("Boolean", List.of("Bool"))).isEmpty();
  }

  @Test
  void suggestsDefinedKeysAndTagPrefixes() {
    assertThat(UnknownConditionKey.suggestKey("aws:SourceAcount")).contains("aws:SourceAccount");
    assertThat(UnknownConditionKey.suggestKey("aws:PrincipalTags/team")).contains("aws:PrincipalTag/team");
    assertThat(UnknownConditionKey.suggestKey("aws:PrincipalTag")).contains("aws:PrincipalTag/<tag-key>");
    assertThat(UnknownConditionKey.suggestKey("sts:ExternalIds")).contains("sts:ExternalId");
    assertThat(UnknownConditionKey.suggestKey("aws:SomethingElseEntirely")).isEmpty();
  }

  @Test
  void operatorNamesHoldEveryFormButNullIfExists() {
    assertThat(OperatorNames.ALL).contains("ForAllValues:StringLikeIfExists", "Null", "ForAnyValue:Null")
        .doesNotContain("NullIfExists").hasSize(3 * (27 + 26));
  }
}
