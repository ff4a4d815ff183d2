package dev.tocsin.model.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process for an integration test (a peer binary or the built Tocsin
 * jar) on 127.0.0.1: started and awaited on its readiness URL, signalled, and stopped by its PID.
 * Its standard output and error go to a log file that survives restarts.
 */
public final class PeerProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final List<String> command;
  private final Path dir;
  private final Path log;
  private final String url;
  private final String readyPath;
  private final Process process;

  private PeerProcess(List<String> command, Path dir, Path log, String url, String readyPath, Process process) {
    this.command = List.copyOf(command);
    this.dir = dir;
    this.log = log;
    this.url = url;
    this.readyPath = readyPath;
    this.process = process;
  }

  /** A loopback port free at the time of asking. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts {@code command} in {@code dir}, appending its output to {@code log}, and waits up to 30
   * seconds until {@code url + readyPath} answers 200.
   *
   * @throws AssertionError with the log when the process exits or is not ready in time
   */
  public static PeerProcess start(List<String> command, Path dir, Path log, String url, String readyPath)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    PeerProcess peer = new PeerProcess(command, dir, log, url, readyPath, p);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new AssertionError(command.get(0) + " exited with " + p.exitValue() + ":\n" + peer.logText());
      }
      if (status(url + readyPath) == 200) {
        return peer;
      }
      Thread.sleep(100);
    }
    peer.close();
    throw new AssertionError(command.get(0) + " not ready within " + START_TIMEOUT + ":\n" + peer.logText());
  }

  /** Starts the same command again, on the same address, once this process has stopped. */
  public PeerProcess restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      throw new IllegalStateException("still running: " + command.get(0) + " (pid " + process.pid() + ")");
    }
    return start(command, dir, log, url, readyPath);
  }

  /** The base URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return url;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean alive() {
    return process.isAlive();
  }

  /** Everything the process (and earlier runs of the same command) printed so far. */
  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<cannot read " + log + ": " + e.getMessage() + ">";
    }
  }

  /** Sends a signal by name ({@code HUP}, {@code STOP}, {@code CONT}, …) with {@code kill(1)}. */
  public void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Kills the process at once (SIGKILL), as a crash would, and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("pid " + process.pid() + " still running 10s after SIGKILL");
    }
  }

  /** Stops the process gracefully (SIGTERM), forcibly when it has not exited within 10 seconds. */
  @Override
  public void close() throws InterruptedException {
    // A stopped (SIGSTOP) process must be continued to act on SIGTERM.
    ProcessHandle.of(process.pid()).ifPresent(h -> {
      try {
        new ProcessBuilder("kill", "-CONT", Long.toString(h.pid())).start().waitFor(5, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Continuing is best effort; destroyForcibly below still ends it.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      h.destroy();
    });
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** The exit code once the process has stopped. */
  public int exitCode() {
    return process.exitValue();
  }

  /** The HTTP status of a GET, or -1 when nothing answers. */
  public static int status(String url) throws InterruptedException {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }
}
