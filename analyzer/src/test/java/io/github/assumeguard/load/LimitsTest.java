package io.github.assumeguard.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void limitsAreEqualWhenEveryBoundIs() {
    Limits a = Limits.defaults();
    assertThat(a).isEqualTo(Limits.defaults()).hasSameHashCodeAs(Limits.defaults());
    assertThat(a).isNotEqualTo(new Limits(a.maxFileBytes() - 1, a.maxDepth(), a.maxStringLength(),
        a.maxNumberLength(), a.maxAliases()));
    assertThat(a).isNotEqualTo(new Limits(a.maxFileBytes(), a.maxDepth(), a.maxStringLength(),
        a.maxNumberLength(), a.maxAliases() + 1));
    assertThat(a).isNotEqualTo(null);
  }

  @Test
  void parserFactoriesAreSharedPerLimits() {
    Limits small = new Limits(1024, 10, 100, 10, 1);
    assertThat(TreeReader.jsonFactory(Limits.defaults())).isSameAs(TreeReader.jsonFactory(Limits.defaults()));
    assertThat(TreeReader.yamlFactory(Limits.defaults())).isSameAs(TreeReader.yamlFactory(Limits.defaults()));
    assertThat(TreeReader.jsonFactory(small)).isNotSameAs(TreeReader.jsonFactory(Limits.defaults()));
    assertThat(TreeReader.jsonFactory(small).streamReadConstraints().getMaxNestingDepth()).isEqualTo(10);
  }
}
