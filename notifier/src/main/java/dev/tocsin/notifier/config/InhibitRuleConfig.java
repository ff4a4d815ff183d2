package dev.tocsin.notifier.config;

import dev.tocsin.model.LabelMatcher;
import java.util.List;

/**
 * An inhibition rule as loaded (validated but not applied yet): alerts matching the target
 * matchers are muted while an alert matching the source matchers has equal values for the {@code
 * equal} labels. The older {@code source_match}/{@code source_match_re} forms are folded into the
 * matcher lists.
 */
public record InhibitRuleConfig(String name, List<LabelMatcher> sourceMatchers, List<LabelMatcher> targetMatchers,
    List<String> equal) {
  public InhibitRuleConfig {
    name = name == null ? "" : name;
    sourceMatchers = List.copyOf(sourceMatchers);
    targetMatchers = List.copyOf(targetMatchers);
    equal = List.copyOf(equal);
  }
}
