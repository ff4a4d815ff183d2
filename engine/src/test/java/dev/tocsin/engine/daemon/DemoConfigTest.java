package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.config.ConfigLoadResult;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.config.TocsinConfigLoader;
import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.eval.RuleHealth;
import dev.tocsin.engine.eval.RuleOutcome;
import dev.tocsin.engine.state.AlertStatus;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The demo of the README's main job, on a virtual clock: examples/demo/tocsin.yml as the daemon
 * loads it, every group ticked at its real slots for three minutes after start.
 */
class DemoConfigTest {
  @Test
  void atLeastThreeP1bAlertsGoPendingAndFireWithinThreeMinutes() {
    ConfigLoadResult loaded = new TocsinConfigLoader().load(Path.of("..", "examples", "demo", "tocsin.yml"));
    assertThat(loaded.hasErrors()).as(loaded.errors().toString()).isFalse();
    TocsinConfig config = loaded.config();
    Instant start = Instant.parse("2026-11-29T10:00:03.250Z");
    MutableClock clock = new MutableClock(start);
    Datasources ds = Datasources.create(config.datasources(), start, "http://tocsin:9097", null);

    Map<String, Instant> pendingAt = new TreeMap<>();
    Map<String, Instant> firedAt = new TreeMap<>();
    List<GroupRunner> runners = new ArrayList<>();
    for (Path p : config.ruleFiles()) {
      LoadResult r = new RuleFileLoader(LoadOptions.DEFAULT).load(p);
      RuleFile f = r.file();
      for (RuleGroup g : f.groups()) {
        EvaluationSettings settings = new EvaluationSettings(config.global().evaluationInterval(), Duration.ZERO,
            config.alerting().resendDelay(), config.global().externalLabels(), "http://tocsin:9097",
            "http://tocsin:9097");
        GroupEvaluator evaluator = new GroupEvaluator(g, ds.clients(), settings, ds.sink(),
            new PrometheusTemplateExpander(ds.templateQueries(), config.global().externalLabels(), "http://tocsin:9097"),
            System::nanoTime);
        runners.add(new GroupRunner(new GroupKey(f.path(), g.name()), settings.interval(), evaluator, clock,
            (runner, evaluation, missed, id) -> {
              for (RuleOutcome o : evaluation.rules()) {
                assertThat(o.health()).as(o.rule().name() + ": " + o.lastError()).isEqualTo(RuleHealth.OK);
              }
              evaluation.notifications().forEach(n -> firedAt.putIfAbsent(n.rule().name(), evaluation.timestamp()));
              for (RuleStatus s : runner.status().rules()) {
                if (s.state() != AlertStatus.INACTIVE) {
                  pendingAt.putIfAbsent(s.rule().name(), evaluation.timestamp());
                }
              }
            }));
      }
    }
    Instant end = start.plus(Duration.ofMinutes(3));
    for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(1)) {
      clock.set(t);
      for (GroupRunner r : runners) {
        Instant next = r.firstSlotAfter(t.minusSeconds(1));
        if (!next.isAfter(t)) {
          r.tick();
        }
      }
    }
    assertThat(firedAt.keySet()).hasSizeGreaterThanOrEqualTo(3)
        .contains("LokiDown", "RedisConnectionLoss", "ContainerRestartLoop", "OrderSubmitWithoutResponse");
    // Each went pending before it fired.
    firedAt.forEach((name, t) -> assertThat(pendingAt.get(name)).as(name).isBefore(t));
  }
}
