package dev.tocsin.engine.web;

import dev.tocsin.engine.daemon.GroupKey;
import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.RuleStatus;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.state.Alert;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.model.Labels;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import dev.tocsin.rules.model.Rule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rule groups as the daemon would report them, built from rule-file text, for API and page tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private Fixtures() {}

  /** Loads rule-file text; fails the test on errors. */
  static RuleFile ruleFile(String name, String yaml) {
    LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load(name, yaml.getBytes(StandardCharsets.UTF_8));
    if (r.hasErrors()) {
      throw new AssertionError(r.errors());
    }
    return r.file();
  }

  /**
   * Every group of a file as evaluated at {@link #NOW}: alerting rules get one alert firing since a
   * minute ago with the given labels, annotations from the rule with {@code <b>} in them.
   */
  static List<GroupStatus> evaluated(RuleFile file) {
    List<GroupStatus> out = new ArrayList<>();
    for (RuleGroup g : file.groups()) {
      List<RuleStatus> rules = new ArrayList<>();
      for (Rule r : g.rules()) {
        if (r instanceof AlertingRule a) {
          Alert alert = new Alert(a.labels().toBuilder().put("alertname", a.name()).build(),
              Labels.of("summary", "<b>bold</b> & \"quoted\""), 3, AlertStatus.FIRING, NOW.minusSeconds(60),
              NOW.minusSeconds(30), null, null, null, null);
          rules.add(new RuleStatus(r, RuleHealth.OK, null, NOW, Duration.ofMillis(2), List.of(alert),
              AlertStatus.FIRING));
        } else {
          rules.add(new RuleStatus(r, RuleHealth.ERR, "query failed: <script>", NOW, Duration.ofMillis(1), List.of(),
              AlertStatus.INACTIVE));
        }
      }
      out.add(new GroupStatus(new GroupKey(file.path(), g.name()), g, Duration.ofSeconds(15), NOW,
          Duration.ofMillis(3), rules));
    }
    return out;
  }
}
