package dev.tocsin.engine.unittest;

import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A promtool unit-test file: the rule files under test, the evaluation step and the test groups. */
public record UnitTestFile(
    List<String> ruleFiles, Duration evaluationInterval, List<String> groupEvalOrder, boolean fuzzyCompare,
    List<TestGroup> tests) {

  public UnitTestFile {
    ruleFiles = List.copyOf(ruleFiles);
    groupEvalOrder = List.copyOf(groupEvalOrder);
    tests = List.copyOf(tests);
  }

  /** One test group: input series and the checks run against them. */
  public record TestGroup(
      String name,
      Duration interval,
      List<InputSeries> inputSeries,
      List<InputStream> inputStreams,
      List<AlertTest> alertTests,
      List<ExprTest> exprTests,
      List<ExprTest> logqlTests,
      Labels externalLabels,
      String externalUrl,
      Instant start) {
    public TestGroup {
      inputSeries = List.copyOf(inputSeries);
      inputStreams = List.copyOf(inputStreams);
      alertTests = List.copyOf(alertTests);
      exprTests = List.copyOf(exprTests);
      logqlTests = List.copyOf(logqlTests);
    }
  }

  /**
   * An input log stream (Tocsin's extension for LogQL rules): a stream selector and lines in Loki's
   * logqltest load-line notation ({@code '"line" @ 10s [repeat every 10s for 6]'}).
   */
  public record InputStream(String stream, List<String> lines, Position position) {
    public InputStream {
      lines = List.copyOf(lines);
    }
  }

  /** An input series: the selector text and the values in expanding notation, with its position. */
  public record InputSeries(String series, String values, Position position) {}

  /**
   * An alert check: at {@code evalTime}, exactly these alerts named {@code alertname} fire. With
   * {@code subsetAnnotations} (Tocsin's {@code annotations_match: subset}) only the annotations an
   * expected alert lists are compared.
   */
  public record AlertTest(
      Duration evalTime, String alertname, List<ExpectedAlert> expected, boolean subsetAnnotations, Position position) {
    public AlertTest {
      expected = List.copyOf(expected);
    }
  }

  /** One expected alert: its labels (without alertname) and annotations. */
  public record ExpectedAlert(Labels labels, Labels annotations) {}

  /** A PromQL check: at {@code evalTime}, {@code expr} returns exactly these samples. */
  public record ExprTest(String expr, Duration evalTime, List<ExpectedSample> expected, Position position) {
    public ExprTest {
      expected = List.copyOf(expected);
    }
  }

  /** One expected sample: labels in series notation and the value. */
  public record ExpectedSample(String labels, double value) {}
}
