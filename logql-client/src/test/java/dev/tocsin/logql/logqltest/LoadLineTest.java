package dev.tocsin.logql.logqltest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.value.LogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load-line notation shared by logqltest scripts, {@code input_streams} and stream files. */
class LoadLineTest {
  @Test
  void singleQuotedLineAtAnOffset() {
    assertThat(LoadLine.parse("\"hello world\" @ 10s")).containsExactly(new LogEntry(10_000_000_000L, "hello world", Labels.EMPTY));
  }

  @Test
  void repeatWithCounterAndMetadata() {
    List<LogEntry> e = LoadLine.parse("`{\"n\":{{.i}}}` @ 1m30s [repeat every 500ms for 3] [metadata trace_id=\"t-1\" pod=\"\"]  # comment");
    Labels md = Labels.of("trace_id", "t-1", "pod", "");
    assertThat(e)
        .containsExactly(
            new LogEntry(90_000_000_000L, "{\"n\":0}", md),
            new LogEntry(90_500_000_000L, "{\"n\":1}", md),
            new LogEntry(91_000_000_000L, "{\"n\":2}", md));
  }

  @Test
  void quotedLinesAreTakenAsWritten() {
    assertThat(LoadLine.parse("\"a \\\"b\\\" # not a comment\" @ 0s").get(0).line()).isEqualTo("a \\\"b\\\" # not a comment");
  }

  @Test
  void selectorFormSplitsStreamLabels() {
    LoadLine.StreamLoad l = LoadLine.parseWithSelector("{app=\"a\", level=\"x\"} \"msg\" @ 2s");
    assertThat((Object) l.stream()).isEqualTo(Labels.of("app", "a", "level", "x"));
    assertThat(l.entries()).hasSize(1);
  }

  @Test
  void streamLoaderFillsAStoreForInputStreams() {
    dev.tocsin.logql.engine.MemoryLogStore store = new dev.tocsin.logql.engine.MemoryLogStore();
    StreamLoader.load(store, "{app=\"a\", env=\"\"}", List.of("\"x\" @ 10s [repeat every 10s for 3]", "`y` @ 5s"));
    List<dev.tocsin.logql.engine.MemoryLogStore.Stream> streams = store.select(List.of(dev.tocsin.model.LabelMatcher.equal("app", "a")));
    assertThat(streams).hasSize(1);
    assertThat((Object) streams.get(0).labels()).isEqualTo(Labels.of("app", "a"));
    assertThat(streams.get(0).snapshot().entries()).extracting(LogEntry::line).containsExactly("y", "x", "x", "x");
    assertThatThrownBy(() -> StreamLoader.load(store, "{app=\"a\"}", List.of("\"ok\" @ 1s", "\"bad\"")))
        .hasMessageStartingWith("{app=\"a\"} line 2: missing '@ <offset>'");
  }

  @Test
  void malformedLinesAreRejectedWithAReason() {
    assertThatThrownBy(() -> LoadLine.parse("\"unterminated @ 1s")).hasMessageContaining("unterminated quoted line");
    assertThatThrownBy(() -> LoadLine.parse("\"x\"")).hasMessageContaining("missing '@ <offset>'");
    assertThatThrownBy(() -> LoadLine.parse("\"x\" @ 10q")).hasMessageContaining("invalid duration");
    assertThatThrownBy(() -> LoadLine.parse("\"x\" @ 1s [repeat every 1s]")).hasMessageContaining("unexpected text");
    assertThatThrownBy(() -> LoadLine.parse("x @ 1s")).hasMessageContaining("expected a quoted or raw line");
  }
}
