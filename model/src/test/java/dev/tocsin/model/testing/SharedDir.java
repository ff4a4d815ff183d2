package dev.tocsin.model.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves {@code ../shared} (the conformance suites, corpus and references) and the unpacked
 * peer binaries for tests. When a folder is missing the test is skipped with a message, except
 * under {@code CI=true}, where a missing folder fails the test instead of hiding it.
 */
public final class SharedDir {
  private SharedDir() {}

  /** The shared folder, or a skip (a failure under CI) when it is absent. */
  public static Path shared() {
    return require("tocsin.shared", "../shared");
  }

  /** A path inside the shared folder that must exist. */
  public static Path shared(String relative) {
    Path p = shared().resolve(relative);
    if (!Files.exists(p)) {
      fail("missing " + p + " in the shared folder");
    }
    return p;
  }

  /** The folder of unpacked peer binaries (scripts/peers.sh), or a skip (a failure under CI). */
  public static Path peers() {
    return require("tocsin.peers", ".peers (run scripts/peers.sh)");
  }

  /**
   * A file or folder a test needs outside the shared folder (for example Debian Alertmanager's
   * templates), or a skip (a failure under CI) when it is absent.
   */
  public static Path present(Path p, String what) {
    if (!Files.exists(p)) {
      skipOrFail("missing " + what + " at " + p);
    }
    return p;
  }

  private static void skipOrFail(String msg) {
    if ("true".equals(System.getenv("CI"))) {
      fail(msg + "; under CI=true this is a failure, not a skip");
    }
    assumeTrue(false, msg + "; skipping");
  }

  private static Path require(String property, String what) {
    String value = System.getProperty(property);
    Path p = value == null ? null : Path.of(value).toAbsolutePath().normalize();
    boolean present = p != null && Files.isDirectory(p);
    if (!present) {
      skipOrFail(what + " is not available (system property " + property + " = " + value + ")");
    }
    return p;
  }
}
