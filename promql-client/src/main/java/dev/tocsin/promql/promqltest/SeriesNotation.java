package dev.tocsin.promql.promqltest;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.MemoryStorage;
import java.util.List;

/**
 * Prometheus' notation for test series, as promtool's {@code input_series} and the {@code load}
 * command use it: a series ({@code metric{l="v"}}) and values in expanding notation ({@code 1+1x10
 * _ stale Inf}), for anyone who needs to load such series into a {@link MemoryStorage}.
 */
public final class SeriesNotation {
  private SeriesNotation() {}

  /** The labels of a series written as {@code metric{l="v"}}, {@code {__name__="m"}} or {@code {}}. */
  public static Labels series(String text) {
    SeriesDescriptor.Parsed p = SeriesDescriptor.parse(text);
    if (!p.rest().isEmpty()) {
      throw new IllegalArgumentException("unexpected text after the series: " + p.rest());
    }
    return p.labels();
  }

  /**
   * The expanded values; a {@code null} entry is a missing sample ({@code _}), the stale marker is
   * {@code stale}.
   *
   * @throws IllegalArgumentException for malformed values and native histogram samples
   */
  public static List<Double> values(String text) {
    List<Double> values = SeriesValues.parse(text);
    if (values.contains(SeriesValues.HISTOGRAM)) {
      throw new IllegalArgumentException("native histogram samples are not supported: " + text);
    }
    return values;
  }

  /** Loads values at {@code start + i * interval} (ms) into the storage, skipping missing ones. */
  public static void load(MemoryStorage storage, Labels series, List<Double> values, long start, long interval) {
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v != null) {
        storage.append(series, start + i * interval, v);
      }
    }
  }
}
