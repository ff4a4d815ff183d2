package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code bin/tocsin} as users run it: its class-data-sharing archive is made once, used, and remade for another java. */
class BinTocsinIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("bin/tocsin");
  private static final Path ARCHIVE = ROOT.resolve("engine/target/tocsin.jsa");
  private static final Path STAMP = ROOT.resolve("engine/target/tocsin.jsa.java");

  @BeforeAll
  static void jarIsCurrent() throws IOException {
    // bin/tocsin rebuilds a jar older than the sources, which must not happen inside this build.
    FileTime jar = Files.getLastModifiedTime(Processes.tocsinJar());
    List<Path> newer = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
              && !p.toString().contains("/.peers/"))
          .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".g4") || p.endsWith("pom.xml"))
          .filter(p -> {
            try {
              return Files.getLastModifiedTime(p).compareTo(jar) > 0;
            } catch (IOException e) {
              return false;
            }
          })
          .limit(1)
          .forEach(newer::add);
    }
    if (!newer.isEmpty()) {
      assertThat(System.getenv("CI")).as("sources newer than the jar under CI: %s", newer).isNotEqualTo("true");
      Assumptions.abort("the jar is older than " + newer.get(0) + "; run mvn package first");
    }
  }

  private static ProcessResult tocsin(String... args) {
    List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString()));
    cmd.addAll(List.of(args));
    return Processes.run(cmd, null, ROOT);
  }

  @Test
  void makesTheArchiveOnceAndRunsWithIt() throws Exception {
    Files.deleteIfExists(ARCHIVE);
    Files.deleteIfExists(STAMP);

    ProcessResult first = tocsin("check", "rules", "examples/p1b_alerts.yml");
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("SUCCESS: 8 rules found");
    assertThat(first.stderr()).isEmpty();
    assertThat(ARCHIVE).exists();
    assertThat(Files.readString(STAMP).strip()).isNotEmpty();
    FileTime made = Files.getLastModifiedTime(ARCHIVE);

    ProcessResult second = tocsin("check", "rules", "examples/p1b_alerts.yml");
    assertThat(second.exitCode()).isZero();
    assertThat(second.stdout()).isEqualTo(first.stdout());
    assertThat(second.stderr()).isEmpty();
    assertThat(Files.getLastModifiedTime(ARCHIVE)).as("not made again").isEqualTo(made);

    // The point of a static archive: picocli's Java 5 classes come from it (a dynamic one skips them).
    ProcessResult classes = Processes.run(List.of("java", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Processes.tocsinJar().toAbsolutePath().toString(),
        "check", "rules", "examples/p1b_alerts.yml"), null, ROOT);
    assertThat(classes.stdout()).containsPattern("picocli\\.CommandLine source: shared objects file")
        .containsPattern("dev\\.tocsin\\.promql\\.parser\\.PromqlParser source: shared objects file");
  }

  @Test
  void anArchiveOfAnotherJavaIsMadeAgainWithoutErrors() throws Exception {
    ProcessResult warm = tocsin("--version");
    assertThat(warm.exitCode()).isZero();
    Files.writeString(STAMP, "/opt/some-other-jdk/bin/java\n");

    ProcessResult r = tocsin("check", "rules", "examples/p1b_alerts.yml");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(Files.readString(STAMP)).doesNotContain("some-other-jdk");
  }
}
