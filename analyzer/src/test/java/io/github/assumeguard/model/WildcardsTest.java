package io.github.assumeguard.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardsTest {

  @Test
  void matchesLikeIam() {
    assertThat(Wildcards.matches("sts:*", "sts:AssumeRole", false)).isTrue();
    assertThat(Wildcards.matches("sts:Assume*", "STS:ASSUMEROLE", true)).isTrue();
    assertThat(Wildcards.matches("sts:Assume*", "STS:ASSUMEROLE", false)).isFalse();
    assertThat(Wildcards.matches("repo:acme/?pp:*", "repo:acme/app:ref:refs/heads/main", false)).isTrue();
    assertThat(Wildcards.matches("repo:acme*", "repo:acme-evil/x", false)).isTrue();
    assertThat(Wildcards.matches("a*b*c", "axxbyyc", false)).isTrue();
    assertThat(Wildcards.matches("a*b*c", "axxbyy", false)).isFalse();
    assertThat(Wildcards.matches("", "", false)).isTrue();
    assertThat(Wildcards.matches("*".repeat(50) + "x", "y".repeat(2000), false)).isFalse();
  }

  @Test
  void literalPatternsCompareWholeValues() {
    assertThat(Wildcards.matches("sts:AssumeRole", "sts:assumerole", true)).isTrue();
    assertThat(Wildcards.matches("sts:AssumeRole", "sts:assumerole", false)).isFalse();
    assertThat(Wildcards.matches("sts:AssumeRole", "sts:AssumeRoleWithSAML", true)).isFalse();
    assertThat(Wildcards.matches("sts:AssumeRole", "sts:AssumeRole", false)).isTrue();
    assertThat(Wildcards.matches("", "x", true)).isFalse();
  }

  @Test
  void caseIsIgnoredOnBothSidesOfAWildcard() {
    assertThat(Wildcards.matches("STS:assume*WITH?aml", "sts:AssumeRoleWithSAML", true)).isTrue();
    assertThat(Wildcards.matches("STS:assume*WITH?aml", "sts:AssumeRoleWithSAML", false)).isFalse();
    assertThat(Wildcards.matches("*rOLE", "sts:AssumeRole", true)).isTrue();
  }

  @Test
  void prefixesAndCoverage() {
    assertThat(Wildcards.fixedPrefix("repo:acme/*:ref")).isEqualTo("repo:acme/");
    assertThat(Wildcards.isMatchAll("**")).isTrue();
    assertThat(Wildcards.isMatchAll("")).isFalse();
    assertThat(Wildcards.covers("sts:*", "sts:Assume*", true)).isTrue();
    assertThat(Wildcards.covers("sts:AssumeRole", "sts:Assume*", true)).isFalse();
    assertThat(Wildcards.covers("*", "anything*", false)).isTrue();
  }
}
