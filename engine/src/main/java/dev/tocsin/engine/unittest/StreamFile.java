package dev.tocsin.engine.unittest;

import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.logql.logqltest.LoadLine;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A stream file (ARCHITECTURE.md "Shared formats"): {@code input_streams} as in a unit-test group,
 * each a stream selector and lines in Loki's load-line notation, plus an optional {@code start}.
 */
public final class StreamFile {
  private static final Set<String> FIELDS = Set.of("input_streams", "start");
  private static final Set<String> STREAM = Set.of("stream", "lines");

  private final Instant start;
  private final List<UnitTestFile.InputStream> streams;

  private StreamFile(Instant start, List<UnitTestFile.InputStream> streams) {
    this.start = start;
    this.streams = List.copyOf(streams);
  }

  /** The file read, or its errors. */
  public record Result(StreamFile file, List<String> errors) {}

  /** Reads a stream file; {@code defaultStart} applies when it has no {@code start}. */
  public static Result read(String name, byte[] bytes, Instant defaultStart) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, YamlLimits.DEFAULT);
    } catch (YamlException e) {
      return new Result(null, List.of(Diagnostic.error("yaml/syntax", name, e.position(), e.getMessage()).format()));
    }
    NodeReader r = new NodeReader(doc, name);
    Map<String, NodeTuple> f = r.mapping(doc.root(), "stream file", FIELDS, false);
    Instant start = StartTimes.read(r, f.get("start"), defaultStart);
    List<UnitTestFile.InputStream> streams = new ArrayList<>();
    if (f.containsKey("input_streams")) {
      for (Node n : r.sequence(f.get("input_streams").getValueNode(), "[]stream")) {
        Map<String, NodeTuple> sf = r.mapping(n, "stream", STREAM, false);
        String sel = sf.containsKey("stream") ? r.string(sf.get("stream").getValueNode()) : "";
        List<String> lines = new ArrayList<>();
        if (sf.containsKey("lines")) {
          for (Node l : r.sequence(sf.get("lines").getValueNode(), "[]string")) {
            String s = r.string(l);
            if (s != null) {
              lines.add(s);
            }
          }
        }
        streams.add(new UnitTestFile.InputStream(sel == null ? "" : sel, lines, r.position(n)));
      }
    }
    if (!r.errors().isEmpty()) {
      return new Result(null, r.errors().stream().map(Diagnostic::format).toList());
    }
    return new Result(new StreamFile(start, streams), List.of());
  }

  /** The time offsets count from. */
  public Instant start() {
    return start;
  }

  /**
   * Loads every line into a log store.
   *
   * @throws IllegalArgumentException naming the file and position when a stream or line is bad
   */
  public void loadInto(MemoryLogStore store, String fileName) {
    load(store, streams, start, fileName);
  }

  /** Loads input streams into a store, their offsets counted from {@code start}. */
  static void load(MemoryLogStore store, List<UnitTestFile.InputStream> streams, Instant start, String where) {
    long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    for (UnitTestFile.InputStream in : streams) {
      Labels stream;
      try {
        stream = SeriesLabels.parse(in.stream());
      } catch (ExpressionException e) {
        throw new IllegalArgumentException(prefix(where, in.position()) + "stream " + RuleUnitTester.goQuote(in.stream())
            + ": " + e.errors().get(0).format(e.text()), e);
      }
      for (String line : in.lines()) {
        try {
          for (LogEntry entry : LoadLine.parse(line)) {
            store.append(stream, new LogEntry(startNanos + entry.timestampNanos(), entry.line(), entry.structuredMetadata()));
          }
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(prefix(where, in.position()) + "stream "
              + RuleUnitTester.goQuote(in.stream()) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private static String prefix(String where, Position p) {
    return where == null ? "input_streams " : where + ": " + p + ": ";
  }
}
