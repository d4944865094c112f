package io.github.assumeguard.rules.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionDurationTest {

  @Test
  void acceptsWholeSecondsInRangeAsNumberOrDigits() {
    assertThat(SessionDuration.seconds("3600")).hasValue(3600);
    assertThat(SessionDuration.seconds("43200")).hasValue(43200);
    assertThat(SessionDuration.seconds("07200")).hasValue(7200);
    assertThat(SessionDuration.seconds("3600.0")).hasValue(3600);
    assertThat(SessionDuration.seconds("3.6e3")).hasValue(3600);
  }

  @Test
  void rejectsValuesIamRejects() {
    assertThat(SessionDuration.problem("900")).hasValueSatisfying(p -> assertThat(p).contains("below"));
    assertThat(SessionDuration.problem("43201")).hasValueSatisfying(p -> assertThat(p).contains("above"));
    assertThat(SessionDuration.problem("-3600")).hasValueSatisfying(p -> assertThat(p).contains("below"));
    assertThat(SessionDuration.problem("3600.5")).hasValueSatisfying(p -> assertThat(p).contains("whole"));
    assertThat(SessionDuration.problem("1h")).hasValueSatisfying(p -> assertThat(p).contains("not a number"));
    assertThat(SessionDuration.problem("")).isPresent();
    assertThat(SessionDuration.problem("true")).isPresent();
    assertThat(SessionDuration.seconds("1h")).isEmpty();
  }

  @Test
  void hugeValuesAreComparedNotExpanded() {
    assertThat(SessionDuration.problem("9".repeat(5000))).hasValueSatisfying(p -> assertThat(p).contains("above"));
    assertThat(SessionDuration.problem("1e999999")).hasValueSatisfying(p -> assertThat(p).contains("above"));
    assertThat(SessionDuration.problem("1e-999999")).hasValueSatisfying(p -> assertThat(p).contains("whole"));
    assertThat(SessionDuration.problem("0." + "0".repeat(5000) + "1e999999")).isPresent();
    assertThat(SessionDuration.problem("1e9999999")).hasValueSatisfying(p -> assertThat(p).contains("not a number"));
    assertThat(SessionDuration.shown("9".repeat(5000))).isEqualTo("999999999999999999999999... (5000 characters)");
  }

  @Test
  void humanDurations() {
    assertThat(SessionDuration.human(43200)).isEqualTo("12 h");
    assertThat(SessionDuration.human(5400)).isEqualTo("1 h 30 min");
    assertThat(SessionDuration.human(900)).isEqualTo("15 min");
    assertThat(SessionDuration.human(3601)).isEqualTo("1 h 1 s");
    assertThat(SessionDuration.human(0)).isEqualTo("0 s");
  }
}
