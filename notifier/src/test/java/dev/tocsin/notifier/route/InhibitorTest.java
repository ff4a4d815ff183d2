package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.InhibitRuleConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InhibitorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static OutgoingAlert alert(boolean resolved, String... labels) {
    return new OutgoingAlert(Labels.of(labels), Labels.EMPTY, NOW.minusSeconds(60),
        resolved ? NOW.minusSeconds(1) : NOW.plusSeconds(60), "", "");
  }

  private static Inhibitor rule(String source, String target, String... equal) throws Exception {
    return new Inhibitor(List.of(new InhibitRuleConfig("", MatcherParser.parse(source), MatcherParser.parse(target),
        List.of(equal))));
  }

  @Test
  void equalLabelsMustMatchWithMissingCountingAsEmpty() throws Exception {
    Inhibitor i = rule("severity=critical", "severity=warning", "zone");
    List<OutgoingAlert> known = List.of(alert(false, "severity", "critical", "zone", "a"),
        alert(false, "severity", "critical"));
    Inhibitor.Sources s = i.sources(known, NOW);
    assertThat(s.inhibit(Labels.of("severity", "warning", "zone", "a"))).isTrue();
    assertThat(s.inhibit(Labels.of("severity", "warning", "zone", "b"))).isFalse();
    assertThat(s.inhibit(Labels.of("severity", "warning"))).as("both lack zone").isTrue();
    assertThat(s.inhibit(Labels.of("severity", "info", "zone", "a"))).as("not a target").isFalse();
  }

  @Test
  void resolvedSourcesDoNotInhibit() throws Exception {
    Inhibitor i = rule("severity=critical", "severity=warning");
    assertThat(i.inhibited(Labels.of("severity", "warning"), List.of(alert(true, "severity", "critical")), NOW))
        .isFalse();
  }

  @Test
  void anAlertMatchingBothSidesCannotInhibitAnotherMatchingBoth() throws Exception {
    Inhibitor i = rule("team=db", "severity=warning", "cluster");
    List<OutgoingAlert> known = List.of(alert(false, "team", "db", "severity", "warning", "cluster", "x"));
    Inhibitor.Sources s = i.sources(known, NOW);
    assertThat(s.inhibit(Labels.of("team", "db", "severity", "warning", "cluster", "x"))).isFalse();
    assertThat(s.inhibit(Labels.of("team", "web", "severity", "warning", "cluster", "x")))
        .as("a target that is not a source is inhibited by it").isTrue();
  }
}
