package dev.tocsin.engine.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tocsin.engine.cli.Processes;
import dev.tocsin.model.testing.PeerProcess;
import java.io.IOException;
import java.nio.file.Path;

/** The built {@code tocsin run} as a child process with the lifecycle API, and what the tests ask of it. */
final class TocsinProcess implements AutoCloseable {
  private PeerProcess process;

  private TocsinProcess(PeerProcess process) {
    this.process = process;
  }

  /** Starts {@code tocsin run} on a free port, logging to {@code dir/tocsin.log}, and waits until it is ready. */
  static TocsinProcess start(Path config, Path dir) throws IOException, InterruptedException {
    int port = PeerProcess.freePort();
    return new TocsinProcess(PeerProcess.start(Processes.tocsinCommand("run", "--config.file", config.toString(),
        "--web.listen-address", "127.0.0.1:" + port, "--web.enable-lifecycle"), dir, dir.resolve("tocsin.log"),
        "http://127.0.0.1:" + port, "/-/ready"));
  }

  String url() {
    return process.url();
  }

  PeerProcess process() {
    return process;
  }

  /** {@code data.alerts} of {@code /api/v1/alerts}. */
  JsonNode alerts() throws IOException, InterruptedException {
    return Http.json(url() + "/api/v1/alerts").path("data").path("alerts");
  }

  /** The active alert whose label {@code name} is {@code value}, or null. */
  JsonNode alert(String name, String value) throws IOException, InterruptedException {
    for (JsonNode a : alerts()) {
      if (a.path("labels").path(name).asText().equals(value)) {
        return a;
      }
    }
    return null;
  }

  /** The rule named {@code name} in {@code /api/v1/rules}, or null. */
  JsonNode rule(String name) throws IOException, InterruptedException {
    for (JsonNode g : Http.json(url() + "/api/v1/rules").path("data").path("groups")) {
      for (JsonNode r : g.path("rules")) {
        if (r.path("name").asText().equals(name)) {
          return r;
        }
      }
    }
    return null;
  }

  /** The sum of the samples of {@code name} on {@code /metrics} whose labels contain {@code fragment}. */
  double metric(String name, String fragment) throws IOException, InterruptedException {
    double sum = 0;
    for (String line : Http.get(url() + "/metrics").body().split("\n")) {
      if (line.startsWith(name + "{") && line.contains(fragment)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** The sums of the samples of several metrics, all from one scrape so that they are consistent. */
  double[] metrics(String... names) throws IOException, InterruptedException {
    double[] sums = new double[names.length];
    for (String line : Http.get(url() + "/metrics").body().split("\n")) {
      for (int i = 0; i < names.length; i++) {
        if (line.startsWith(names[i] + "{")) {
          sums[i] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sums;
  }

  /** {@code POST /-/reload}. */
  Http.Reply reload() throws IOException, InterruptedException {
    return Http.post(url() + "/-/reload");
  }

  /** Kills Tocsin with SIGKILL, as a crash would. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /** Starts Tocsin again with the same command and address, and waits until it is ready. */
  void restart() throws IOException, InterruptedException {
    process = process.restart();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
  }
}
