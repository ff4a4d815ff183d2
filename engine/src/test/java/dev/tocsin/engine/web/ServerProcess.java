package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server run as a child process for an integration test (the built tocsin jar or a peer such as
 * Prometheus), its standard output and error kept in files, stopped by its PID.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;
  private final String name;

  private ServerProcess(Process process, Path out, Path err, String name) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.name = name;
  }

  /** Starts a command in {@code dir}, its output going to {@code NAME.out} and {@code NAME.err} there. */
  static ServerProcess start(List<String> cmd, Path dir, String name) throws IOException {
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    return new ServerProcess(p, out, err, name);
  }

  /** Starts {@code java -jar tocsin.jar args...}. */
  static ServerProcess tocsin(Path dir, String... args) throws IOException {
    Path jar = Path.of(System.getProperty("tocsin.jar", "target/tocsin.jar")).toAbsolutePath();
    assertThat(jar).as("the tocsin jar (run mvn package first)").exists();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return start(cmd, dir, "tocsin");
  }

  /** Polls {@code uri} until the response passes {@code ready}, failing with the process output after {@code timeout}. */
  HttpResponse<String> await(HttpClient client, HttpRequest request, Predicate<HttpResponse<String>> ready,
      Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    HttpResponse<String> last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        last = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (ready.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + ": " + request.uri() + " not ready within " + timeout + "; last answer: "
        + (last == null ? "none" : last.statusCode() + " " + last.body()) + "\n" + output());
  }

  /** {@link #await} for a plain GET. */
  HttpResponse<String> await(HttpClient client, String uri, Predicate<HttpResponse<String>> ready, Duration timeout)
      throws Exception {
    return await(client, HttpRequest.newBuilder(URI.create(uri)).build(), ready, timeout);
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as(name + " exits").isTrue();
    return process.exitValue();
  }

  String stdout() throws IOException {
    return Files.readString(out);
  }

  String stderr() throws IOException {
    return Files.readString(err);
  }

  private String output() {
    try {
      return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
    } catch (IOException e) {
      return "(output unreadable: " + e.getMessage() + ")";
    }
  }

  /** Stops the process by its PID, forcibly if it does not exit within 10 seconds. */
  @Override
  public void close() throws Exception {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
