package dev.tocsin.bench;

import dev.tocsin.promql.engine.MemoryStorage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Prints the compacted storage size per sample for the issue-4 data set: the sample arrays alone
 * ({@link MemoryStorage#sampleBytes()}) and the whole heap the storage holds, labels and postings
 * included. Run: {@code java -Xmx8g -cp bench/target/benchmarks.jar dev.tocsin.bench.StorageFootprint [series]}.
 */
public final class StorageFootprint {
  private StorageFootprint() {}

  public static void main(String[] args) {
    int series = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long before = usedAfterGc();
    long t0 = System.nanoTime();
    MemoryStorage storage = PromqlDataSet.load(series);
    long loadMillis = (System.nanoTime() - t0) / 1_000_000;
    long heap = usedAfterGc() - before;
    long samples = storage.sampleCount();
    System.out.printf("series stored:         %,d%n", storage.seriesCount());
    System.out.printf("samples stored:        %,d%n", samples);
    System.out.printf("load + compact:        %,d ms%n", loadMillis);
    System.out.printf("sampleBytes()/sample:  %.2f%n", (double) storage.sampleBytes() / samples);
    System.out.printf("heap retained/sample:  %.2f (%,d bytes)%n", (double) heap / samples, heap);
    // Keeps the storage reachable until the heap was measured.
    if (storage.seriesCount() < 0) {
      System.out.println(storage);
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return mem.getHeapMemoryUsage().getUsed();
  }
}
