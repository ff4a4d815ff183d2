package dev.tocsin.bench;

import dev.tocsin.model.Labels;
import dev.tocsin.promql.engine.MemoryStorage;
import java.util.SplittableRandom;

/**
 * Generates the issue-4 benchmark data: {@code x} counters, {@code x_bucket} classic histograms and
 * {@code x_info} info series, one day at a 15 s scrape interval, into a compacted {@link MemoryStorage}.
 */
final class PromqlDataSet {
  static final long SCRAPE_MS = 15_000;
  static final long DAY_MS = 86_400_000;
  /** The last sample's time; queries are evaluated here so every range window is full. */
  static final long END_MS = DAY_MS - SCRAPE_MS;
  static final int JOBS = 10;
  static final String[] LE = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};

  private PromqlDataSet() {}

  /**
   * Loads {@code series} counters named {@code x} (10 jobs × series/10 instances), as many
   * {@code x_bucket} series (series/100 histograms of 10 buckets) and one {@code x_info} per
   * instance. Series are written one at a time, as a scrape-ordered load would leave them.
   */
  static MemoryStorage load(int series) {
    MemoryStorage storage = new MemoryStorage();
    SplittableRandom rnd = new SplittableRandom(42);
    int instances = series / JOBS;
    int samples = (int) (DAY_MS / SCRAPE_MS);
    for (int j = 0; j < JOBS; j++) {
      for (int i = 0; i < instances; i++) {
        Labels l = Labels.of("__name__", "x", "job", "job-" + j, "instance", instance(i));
        double v = 0;
        for (int k = 0; k < samples; k++) {
          v += rnd.nextInt(100);
          storage.append(l, k * SCRAPE_MS, v);
        }
      }
    }
    loadHistograms(storage, rnd, series / LE.length / JOBS, samples);
    for (int i = 0; i < instances; i++) {
      Labels l = Labels.of("__name__", "x_info", "instance", instance(i), "node", "node-" + (i % 50), "version", "1.2." + (i % 7));
      for (int k = 0; k < samples; k++) {
        storage.append(l, k * SCRAPE_MS, 1);
      }
    }
    storage.compact();
    return storage;
  }

  /** Cumulative bucket counters: each observation lands in one bucket and every bucket above it. */
  private static void loadHistograms(MemoryStorage storage, SplittableRandom rnd, int perJob, int samples) {
    double[][] counts = new double[LE.length][samples];
    for (int j = 0; j < JOBS; j++) {
      for (int i = 0; i < perJob; i++) {
        double[] running = new double[LE.length];
        for (int k = 0; k < samples; k++) {
          for (int obs = 0; obs < 20; obs++) {
            int b = Math.min(LE.length - 1, (int) (Math.abs(rnd.nextGaussian()) * 3));
            for (int up = b; up < LE.length; up++) {
              running[up]++;
            }
          }
          for (int b = 0; b < LE.length; b++) {
            counts[b][k] = running[b];
          }
        }
        for (int b = 0; b < LE.length; b++) {
          Labels l = Labels.of("__name__", "x_bucket", "job", "job-" + j, "instance", instance(i), "le", LE[b]);
          for (int k = 0; k < samples; k++) {
            storage.append(l, k * SCRAPE_MS, counts[b][k]);
          }
        }
      }
    }
  }

  static String instance(int i) {
    return "host-" + i + ":9100";
  }
}
