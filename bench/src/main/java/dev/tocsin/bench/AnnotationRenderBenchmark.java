package dev.tocsin.bench;

import dev.tocsin.model.Labels;
import dev.tocsin.template.AlertTemplates;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders a typical alert annotation from a pre-parsed template (issue target: under 1 µs).
 * Run: {@code mvn -q -Pbench -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar AnnotationRender}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnnotationRenderBenchmark {
  private static final String TEXT = "{{ $labels.instance }} has {{ $value | humanize }} errors";
  private final Labels labels = Labels.of("__name__", "errors_total", "instance", "api-1:9090", "job", "api");
  private final PrometheusFunctions.Context ctx =
      new PrometheusFunctions.Context((expr, t) -> List.of(), Instant.ofEpochSecond(1_700_000_000), "http://tocsin:9097");

  @Benchmark
  public String renderAnnotation() {
    return AlertTemplates.expand("HighErrorRate", TEXT, labels, 1234.5678, Labels.EMPTY, "http://tocsin:9097", ctx);
  }
}
