package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.engine.eval.EvaluationSettings;
import dev.tocsin.engine.eval.GroupEvaluator;
import dev.tocsin.engine.eval.PrometheusTemplateExpander;
import dev.tocsin.engine.eval.SampleSink;
import dev.tocsin.engine.logging.LogFormat;
import dev.tocsin.engine.logging.TocsinLayout;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.EngineOptions;
import dev.tocsin.promql.engine.MemoryPromqlEngine;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.rules.model.QueryLanguage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every log line a group evaluation produces on its thread carries that evaluation's correlation id. */
class EvaluationLogTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger tocsin = context.getLogger("dev.tocsin");
  private final TocsinLayout layout = new TocsinLayout();
  /** Formats each event as it is logged, as the console appender does (the MDC is read then). */
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> captured = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      lines.add(layout.doLayout(e));
    }
  };
  private Level previous;

  @BeforeEach
  void capture() {
    previous = tocsin.getLevel();
    tocsin.setLevel(Level.DEBUG);
    captured.setContext(context);
    captured.start();
    tocsin.addAppender(captured);
  }

  @AfterEach
  void release() {
    tocsin.detachAppender(captured);
    tocsin.setLevel(previous);
  }

  @Test
  void linesOfOneEvaluationShareItsIdAndTheNextGetsAnother() throws Exception {
    MemoryStorage storage = new MemoryStorage();
    Datasources ds = new Datasources(Map.of(QueryLanguage.PROMQL, new MemoryPromqlEngine(storage, EngineOptions.DEFAULT)),
        SampleSink.DISCARD, null).timed(new SimpleMeterRegistry());
    EvaluationSettings settings = new EvaluationSettings(INTERVAL, Duration.ZERO, Duration.ofMinutes(1), Labels.EMPTY,
        "http://tocsin:9097", "http://prometheus:9090");
    GroupEvaluator evaluator = new GroupEvaluator(GroupRunnerTest.group("""
        groups:
          - name: g
            rules:
              - alert: Up
                expr: up == 1
                annotations: {summary: '{{ $value | humanize "extra" }}'}
              - alert: Broken
                expr: 'label_replace(up, "x", "$1", "job", "(")'
        """), ds.clients(), settings, SampleSink.DISCARD,
        new PrometheusTemplateExpander(ds.templateQueries(), Labels.EMPTY, "http://tocsin:9097"), System::nanoTime);
    List<String> evaluationIds = new ArrayList<>();
    org.slf4j.Logger notifierLike = LoggerFactory.getLogger("dev.tocsin.notifier.Test");
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    GroupRunner runner = new GroupRunner(new GroupKey("rules.yml", "g"), INTERVAL, evaluator, clock,
        (r, evaluation, missed, id) -> {
          evaluationIds.add(id);
          // What a notifier logs while the evaluation hands it alerts, on the same thread.
          notifierLike.atInfo().addKeyValue("event", "alerts_queued").log("queued {}", evaluation.notifications().size());
        });
    Instant slot = runner.firstSlotAfter(clock.instant());
    storage.append(Labels.of("__name__", "up", "job", "api"), slot.toEpochMilli() - 1000, 1);
    layout.setFormat(LogFormat.JSON);

    Set<String> idsSeen = new HashSet<>();
    for (int tick = 0; tick < 2; tick++) {
      lines.clear();
      clock.set(slot.plus(INTERVAL.multipliedBy(tick)));
      runner.tick();
      assertThat(MDC.get("correlation_id")).isNull();
      String id = evaluationIds.get(tick);
      assertThat(id).matches("[0-9a-f]{16}");
      Set<String> events = new HashSet<>();
      for (String text : lines) {
        JsonNode line = JSON.readTree(text);
        events.add(line.get("event").asText());
        assertThat(line.get("correlation_id").asText()).as(line.toString()).isEqualTo(id);
      }
      assertThat(events).contains("datasource_query", "rule_evaluation_failed", "template_expansion_failed",
          "group_evaluated", "alerts_queued");
      idsSeen.add(id);
    }
    assertThat(idsSeen).hasSize(2);
  }
}
