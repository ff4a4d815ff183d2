package dev.tocsin.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code and both output streams. */
record Run(int exit, String stdout, String stderr) {
  /** Generous: the whole batch of cases runs in one process. */
  private static final long TIMEOUT_SECONDS = 600;

  /** {@code java -jar tocsin.jar} with the jar the package phase built. */
  static List<String> tocsinCommand() {
    Path jar = Path.of(System.getProperty("tocsin.jar", "target/tocsin.jar")).toAbsolutePath();
    assertThat(jar).as("the tocsin jar (run mvn package first)").exists();
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
  }

  /** Runs {@code cmd} in {@code dir} with no standard input and waits for it. */
  static Run of(List<String> cmd, Path dir) {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
      p.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + cmd.subList(0, Math.min(4, cmd.size())));
      }
      return new Run(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
