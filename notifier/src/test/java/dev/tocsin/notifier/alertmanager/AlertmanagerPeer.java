package dev.tocsin.notifier.alertmanager;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tocsin.model.testing.SharedDir;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A real Alertmanager 0.25 for a test class, started on 127.0.0.1 with a free port and clustering
 * off, stopped by its PID; skips the test when the peer or Debian's template folder is missing
 * (fails under CI=true).
 */
public final class AlertmanagerPeer implements AutoCloseable {
  /** Debian's Alertmanager build reads its default templates from here; scripts/peers.sh provides them. */
  private static final Path DEBIAN_TEMPLATES = Path.of("/usr/share/prometheus/alertmanager");

  private final Process process;
  private final String url;

  private AlertmanagerPeer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts Alertmanager with a config file, its storage and log in {@code dir}, and extra flags. */
  public static AlertmanagerPeer start(Path dir, Path config, OkHttpClient client, String... flags)
      throws IOException, InterruptedException {
    Path binary = SharedDir.peers().resolve("usr/bin/prometheus-alertmanager");
    requirePresent(binary, "the Alertmanager binary (run scripts/peers.sh)");
    requirePresent(DEBIAN_TEMPLATES, "Debian Alertmanager's template folder " + DEBIAN_TEMPLATES
        + " (scripts/peers.sh copies it there; it needs root)");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--config.file=" + config,
        "--storage.path=" + dir, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="));
    command.addAll(List.of(flags));
    Path log = dir.resolve("alertmanager.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AlertmanagerPeer peer = new AlertmanagerPeer(p, "http://127.0.0.1:" + port);
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        fail("Alertmanager exited: " + Files.readString(log));
      }
      try (Response r = client.newCall(new Request.Builder().url(peer.url + "/-/ready").build()).execute()) {
        if (r.code() == 200) {
          return peer;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    peer.close();
    fail("Alertmanager not ready within 30s: " + Files.readString(log));
    return peer;
  }

  private static void requirePresent(Path p, String what) {
    if (Files.exists(p)) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("missing " + what + "; under CI=true this is a failure, not a skip");
    }
    assumeTrue(false, "missing " + what + "; skipping");
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
