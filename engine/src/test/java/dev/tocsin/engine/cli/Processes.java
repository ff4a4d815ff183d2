package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code tocsin} jar and peer binaries as child processes for integration tests. */
public final class Processes {
  private Processes() {}

  /** The jar built by the package phase. */
  public static Path tocsinJar() {
    Path jar = Path.of(System.getProperty("tocsin.jar", "target/tocsin.jar"));
    assertThat(jar).as("the tocsin jar (run mvn package first)").exists();
    return jar;
  }

  /** The command line {@code java -jar tocsin.jar args...}, with this JVM's java. */
  public static List<String> tocsinCommand(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-jar", tocsinJar().toString()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs {@code java -jar tocsin.jar args...}. */
  public static ProcessResult tocsin(String stdin, String... args) {
    return run(tocsinCommand(args), stdin, null);
  }

  /** Runs a command with optional standard input in a working directory. */
  static ProcessResult run(List<String> cmd, String stdin, Path dir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + cmd);
      }
      return new ProcessResult(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable: " + e.getMessage() + ">";
    }
  }

  /** Writes a file in a folder and returns its path. */
  public static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }
}
