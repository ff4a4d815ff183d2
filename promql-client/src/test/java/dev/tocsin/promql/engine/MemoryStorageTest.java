package dev.tocsin.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.model.MatchType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryStorageTest {
  private final MemoryStorage storage = new MemoryStorage();

  private List<Labels> select(LabelMatcher... matchers) {
    return storage.select(List.of(matchers)).stream().map(MemorySeries::labels).toList();
  }

  @Test
  void selectsByPostingsAndReturnsSeriesSortedByLabels() {
    storage.append(Labels.of("__name__", "x", "job", "b"), 0, 1);
    storage.append(Labels.of("__name__", "x", "job", "a"), 0, 1);
    storage.append(Labels.of("__name__", "y", "job", "a"), 0, 1);
    assertThat(select(LabelMatcher.equal("__name__", "x")))
        .containsExactly(Labels.of("__name__", "x", "job", "a"), Labels.of("__name__", "x", "job", "b"));
    assertThat(select(LabelMatcher.of(MatchType.REGEX, "job", "a|c"), LabelMatcher.of(MatchType.NOT_EQUAL, "__name__", "y")))
        .containsExactly(Labels.of("__name__", "x", "job", "a"));
  }

  @Test
  void matcherAcceptingTheEmptyValueAlsoSelectsSeriesWithoutTheLabel() {
    storage.append(Labels.of("__name__", "x", "env", "prod"), 0, 1);
    storage.append(Labels.of("__name__", "x"), 0, 1);
    assertThat(select(LabelMatcher.equal("__name__", "x"), LabelMatcher.equal("env", "")))
        .containsExactly(Labels.of("__name__", "x"));
    assertThat(select(LabelMatcher.equal("__name__", "x"), LabelMatcher.of(MatchType.NOT_REGEX, "env", "dev")))
        .hasSize(2);
  }

  @Test
  void emptyLabelValuesAreNotStored() {
    storage.append(Labels.of("__name__", "x", "env", ""), 0, 1);
    assertThat(storage.get(Labels.of("__name__", "x"))).isNotNull();
  }

  @Test
  void samplesAreKeptInTimeOrderAndAReloadReplacesTheValue() {
    Labels x = Labels.of("__name__", "x");
    storage.append(x, 20, 2);
    storage.append(x, 0, 0);
    storage.append(x, 10, 1);
    storage.append(x, 10, 5);
    MemorySeries s = storage.get(x);
    assertThat(s.size()).isEqualTo(3);
    assertThat(new long[] {s.timestamp(0), s.timestamp(1), s.timestamp(2)}).containsExactly(0, 10, 20);
    assertThat(s.value(1)).isEqualTo(5);
  }

  @Test
  void compactedStorageTakesSixteenBytesPerSample() {
    for (int i = 0; i < 10; i++) {
      Labels l = Labels.of("__name__", "x", "i", Integer.toString(i));
      for (int t = 0; t < 1_000; t++) {
        storage.append(l, t * 15_000L, t);
      }
    }
    storage.compact();
    assertThat(storage.sampleCount()).isEqualTo(10_000);
    assertThat(storage.sampleBytes()).isEqualTo(16L * 10_000);
  }
}
