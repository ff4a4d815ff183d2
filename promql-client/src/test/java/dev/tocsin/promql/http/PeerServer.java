package dev.tocsin.promql.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A peer binary (Prometheus, VictoriaMetrics) run on 127.0.0.1 for an integration test and stopped by PID. */
final class PeerServer implements AutoCloseable {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  final String url;

  private PeerServer(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** A port free at the time of asking. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts the command and waits until {@code readyPath} answers 200. */
  static PeerServer start(List<String> cmd, Path dir, String url, String readyPath) throws Exception {
    Path log = dir.resolve("server.log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    PeerServer server = new PeerServer(p, log, url);
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new AssertionError(cmd.get(0) + " exited with " + p.exitValue() + ":\n" + Files.readString(log));
      }
      if (get(url + readyPath) == 200) {
        return server;
      }
      Thread.sleep(100);
    }
    server.close();
    throw new AssertionError(cmd.get(0) + " not ready within 30s:\n" + Files.readString(log));
  }

  private static int get(String url) {
    try (Response r = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
      return r.code();
    } catch (IOException e) {
      return -1;
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
    assertThat(process.isAlive()).as("peer stopped; log: " + log).isFalse();
  }
}
