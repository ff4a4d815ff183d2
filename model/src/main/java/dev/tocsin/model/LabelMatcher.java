package dev.tocsin.model;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;

/**
 * A label matcher ({@code name op "value"}) with RE2 regex semantics, fully anchored as in
 * Prometheus and Loki. Regex matchers compile their pattern once, at construction.
 */
public final class LabelMatcher {
  private final MatchType type;
  private final String name;
  private final String value;
  private final Pattern pattern;

  private LabelMatcher(MatchType type, String name, String value, Pattern pattern) {
    this.type = type;
    this.name = name;
    this.value = value;
    this.pattern = pattern;
  }

  /**
   * Creates a matcher.
   *
   * @throws IllegalArgumentException with RE2's message if a regex does not compile
   */
  public static LabelMatcher of(MatchType type, String name, String value) {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
    Pattern p = null;
    if (type == MatchType.REGEX || type == MatchType.NOT_REGEX) {
      try {
        // (?s) because Prometheus 3.x lets '.' match a newline in label matchers.
        p = Pattern.compile("^(?s:(?:" + value + "))$");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(rawError(value, e), e);
      }
    }
    return new LabelMatcher(type, name, value, p);
  }

  /** RE2's message for the pattern as the user wrote it, not for our anchored wrapper. */
  private static String rawError(String value, PatternSyntaxException anchored) {
    try {
      Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      return "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`";
    }
    return "error parsing regexp: " + anchored.getDescription() + ": `" + value + "`";
  }

  /** Shorthand for an equality matcher. */
  public static LabelMatcher equal(String name, String value) {
    return of(MatchType.EQUAL, name, value);
  }

  public MatchType type() {
    return type;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  /** Whether the value of the label (empty when absent) satisfies this matcher. */
  public boolean matches(String v) {
    return switch (type) {
      case EQUAL -> value.equals(v);
      case NOT_EQUAL -> !value.equals(v);
      case REGEX -> pattern.matches(v);
      case NOT_REGEX -> !pattern.matches(v);
    };
  }

  /** Whether this matcher accepts the empty string, i.e. also series that lack the label. */
  public boolean matchesEmpty() {
    return matches("");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher m && m.type == type && m.name.equals(name) && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, name, value);
  }

  /** The matcher as written in PromQL, names quoted when they are not legacy names. */
  @Override
  public String toString() {
    String n = LabelNames.isLegacyLabelName(name) ? name : Labels.quote(name);
    return n + type.symbol() + Labels.quote(value);
  }
}
