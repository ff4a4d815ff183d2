package dev.tocsin.engine.unittest;

import dev.tocsin.engine.unittest.UnitTestFile.InputSeries;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.MemoryStorage;
import dev.tocsin.promql.promqltest.SeriesValues;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A series file (ARCHITECTURE.md "Shared formats"): {@code interval} and {@code input_series} as in
 * a promtool test group, plus an optional {@code start} (RFC 3339 or Unix seconds).
 */
public final class SeriesFile {
  private static final Set<String> FIELDS = Set.of("interval", "input_series", "start");
  private static final Set<String> SERIES = Set.of("series", "values");

  private final Duration interval;
  private final Instant start;
  private final List<InputSeries> series;

  private SeriesFile(Duration interval, Instant start, List<InputSeries> series) {
    this.interval = interval;
    this.start = start;
    this.series = List.copyOf(series);
  }

  /** The file's read result: the file, or the errors (file:line:column) that kept it from loading. */
  public record Result(SeriesFile file, List<String> errors) {}

  /** Reads a series file; {@code defaultStart} applies when the file has no {@code start}. */
  public static Result read(String name, byte[] bytes, Instant defaultStart) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, YamlLimits.DEFAULT);
    } catch (YamlException e) {
      return new Result(null, List.of(Diagnostic.error("yaml/syntax", name, e.position(), e.getMessage()).format()));
    }
    NodeReader r = new NodeReader(doc, name);
    Map<String, NodeTuple> f = r.mapping(doc.root(), "series file", FIELDS, false);
    Duration interval = f.containsKey("interval") ? r.duration(f.get("interval").getValueNode()) : null;
    if (interval == null || interval.isZero()) {
      interval = Duration.ofMinutes(1);
    }
    Instant start = StartTimes.read(r, f.get("start"), defaultStart);
    List<InputSeries> series = new ArrayList<>();
    if (f.containsKey("input_series")) {
      for (Node n : r.sequence(f.get("input_series").getValueNode(), "[]series")) {
        Map<String, NodeTuple> sf = r.mapping(n, "series", SERIES, false);
        String sel = sf.containsKey("series") ? r.string(sf.get("series").getValueNode()) : "";
        String vals = sf.containsKey("values") ? r.string(sf.get("values").getValueNode()) : "";
        series.add(new InputSeries(sel == null ? "" : sel, vals == null ? "" : vals, r.position(n)));
      }
    }
    if (!r.errors().isEmpty()) {
      return new Result(null, r.errors().stream().map(Diagnostic::format).toList());
    }
    return new Result(new SeriesFile(interval, start, series), List.of());
  }

  /** The first sample's time. */
  public Instant start() {
    return start;
  }

  /**
   * Loads every sample into storage.
   *
   * @throws IllegalArgumentException naming the series when its notation is bad
   */
  public void loadInto(MemoryStorage storage, String fileName) {
    for (InputSeries s : series) {
      Labels labels;
      List<Double> values;
      try {
        labels = SeriesLabels.parse(s.series());
        values = SeriesValues.parse(s.values());
      } catch (ExpressionException e) {
        throw new IllegalArgumentException(fileName + ": " + s.position() + ": " + e.errors().get(0).format(e.text()), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(fileName + ": " + s.position() + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < values.size(); i++) {
        Double v = values.get(i);
        if (v == null) {
          continue;
        }
        if (v == SeriesValues.HISTOGRAM) {
          throw new IllegalArgumentException(fileName + ": " + s.position() + ": native histograms are not supported");
        }
        storage.append(labels, start.toEpochMilli() + i * interval.toMillis(), v);
      }
    }
  }
}
