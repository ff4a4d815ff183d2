package dev.tocsin.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.template.funcs.LokiFunctions;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code golden/template}: {@code NAME.tmpl} (one trailing newline is dropped),
 * an optional {@code NAME.data} of {@code key=value} lines, and the expected {@code NAME.out}.
 * Data keys: {@code set} ({@code prometheus} by default, {@code loki} or {@code go}), {@code value},
 * {@code label.NAME}, {@code external.NAME}, {@code externalURL}, {@code time} (Unix seconds),
 * {@code line} (Loki), {@code query} ({@code k=v,k=v VALUE;...} returned for every query). Run
 * with {@code -Dgolden.update=true} to rewrite the {@code .out} files.
 */
class GoldenTemplateTest {
  private static final Path SOURCE_DIR = Paths.get("src/test/resources/golden/template");

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path dir = Paths.get(GoldenTemplateTest.class.getResource("/golden/template").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".tmpl"))
          .map(n -> n.substring(0, n.length() - ".tmpl".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsRecorded(String name) throws Exception {
    Path dir = Paths.get(GoldenTemplateTest.class.getResource("/golden/template").toURI());
    String text = Files.readString(dir.resolve(name + ".tmpl"), StandardCharsets.UTF_8);
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    Map<String, String> data = new LinkedHashMap<>();
    Path dataFile = dir.resolve(name + ".data");
    if (Files.exists(dataFile)) {
      for (String line : Files.readAllLines(dataFile, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
          data.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n"));
        }
      }
    }
    String actual = render(name, text, data);
    Path out = dir.resolve(name + ".out");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SOURCE_DIR.resolve(name + ".out"), actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.exists(out)).as("missing %s.out (run with -Dgolden.update=true)", name).isTrue();
    assertThat(actual).isEqualTo(Files.readString(out, StandardCharsets.UTF_8));
  }

  private static String render(String name, String text, Map<String, String> data) {
    Labels.Builder labels = Labels.builder();
    Labels.Builder external = Labels.builder();
    boolean anyLabel = false;
    for (var e : data.entrySet()) {
      if (e.getKey().startsWith("label.")) {
        labels.put(e.getKey().substring(6), e.getValue());
        anyLabel = true;
      } else if (e.getKey().startsWith("external.")) {
        external.put(e.getKey().substring(9), e.getValue());
      }
    }
    Labels l = anyLabel ? labels.build() : Labels.of("__name__", "up", "instance", "localhost:9090", "job", "node");
    Instant time = Instant.ofEpochMilli((long) (Double.parseDouble(data.getOrDefault("time", "0")) * 1000));
    String set = data.getOrDefault("set", "prometheus");
    try {
      switch (set) {
        case "go":
          return Template.parse(name, text, FunctionSet.EMPTY).execute(l);
        case "loki":
          long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
          FunctionSet loki = LokiFunctions.create(new LokiFunctions.FixedEntry(data.getOrDefault("line", ""), nanos));
          return Template.parse(name, text, loki).execute(LokiFunctions.data(l.toMap()));
        default:
          List<QuerySample> samples = new ArrayList<>();
          for (String s : data.getOrDefault("query", "").split(";")) {
            if (s.isBlank()) {
              continue;
            }
            String[] parts = s.trim().split(" ");
            Labels.Builder b = Labels.builder();
            for (String kv : parts[0].split(",")) {
              int eq = kv.indexOf('=');
              b.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
            samples.add(new QuerySample(b.build(), Double.parseDouble(parts[1])));
          }
          String url = data.get("externalURL");
          var ctx = new PrometheusFunctions.Context((expr, t) -> samples, time, url);
          double value = Double.parseDouble(data.getOrDefault("value", "1234.5678"));
          return AlertTemplates.expand(name, text, l, value, external.build(), url == null ? "" : url, ctx);
      }
    } catch (TemplateException e) {
      return "ERROR: " + e.getMessage();
    }
  }
}
