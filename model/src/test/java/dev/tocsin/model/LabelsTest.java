package dev.tocsin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelsTest {
  @Test
  void sortsAndDeduplicates() {
    Labels l = Labels.of("job", "api", "__name__", "up", "job", "web");
    assertThat(l.names()).containsExactly("__name__", "job");
    assertThat(l.get("job")).isEqualTo("web");
    assertThat(l.toString()).isEqualTo("{__name__=\"up\", job=\"web\"}");
  }

  @Test
  void equalityIsByContent() {
    assertThat((Object) Labels.of("a", "1", "b", "2")).isEqualTo(Labels.of("b", "2", "a", "1"))
        .hasSameHashCodeAs(Labels.of("b", "2", "a", "1"));
    assertThat((Object) Labels.of("a", "1")).isNotEqualTo(Labels.of("a", "2"));
  }

  @Test
  void keepsEmptyValuesUntilAskedToDropThem() {
    Labels l = Labels.of("a", "", "b", "x");
    assertThat(l.size()).isEqualTo(2);
    assertThat((Object) l.withoutEmpty()).isEqualTo(Labels.of("b", "x"));
  }

  @Test
  void quotesUtf8Names() {
    assertThat(Labels.of("my.label", "v\"q").toString()).isEqualTo("{\"my.label\"=\"v\\\"q\"}");
  }

  @Test
  void regexMatchersAreAnchoredAndUseRe2() {
    LabelMatcher m = LabelMatcher.of(MatchType.REGEX, "job", "api|web");
    assertThat(m.matches("api")).isTrue();
    assertThat(m.matches("apix")).isFalse();
    assertThat(LabelMatcher.of(MatchType.REGEX, "x", "a.b").matches("a\nb")).isTrue();
    assertThatThrownBy(() -> LabelMatcher.of(MatchType.REGEX, "x", "(?=a)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(LabelMatcher.of(MatchType.NOT_EQUAL, "x", "").matchesEmpty()).isFalse();
  }
}
