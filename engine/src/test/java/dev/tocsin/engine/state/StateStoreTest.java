package dev.tocsin.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  private static final Duration REFRESH = Duration.ofMinutes(1);

  @TempDir Path dir;

  private static Instant sec(long s) {
    return Instant.ofEpochSecond(s);
  }

  private static Alert firing(double value, Instant lastSentAt) {
    return new Alert(Labels.of("alertname", "Down", "instance", "a"), Labels.of("v", String.valueOf(value)), value,
        AlertStatus.FIRING, sec(0), sec(60), null, lastSentAt, null, null);
  }

  private static GroupSnapshot snapshot(String group, Instant at, Alert... alerts) {
    List<RuleSnapshot> rules = alerts.length == 0 ? List.of()
        : List.of(new RuleSnapshot("Down", 0, Labels.EMPTY, List.of(alerts)));
    return new GroupSnapshot("rules/a.yml", group, at, rules);
  }

  private static Map<String, String> reasonsByFile(LoadedState s) {
    return s.problems().stream().collect(Collectors.toMap(p -> p.file().getFileName().toString(), StateFileProblem::reason));
  }

  @Test
  void savesOneFilePerGroupAndLoadsThemBack() throws IOException {
    StateStore store = new StateStore(dir, REFRESH);
    GroupSnapshot a = snapshot("a", sec(120), firing(1, sec(60)));
    GroupSnapshot b = snapshot("b", sec(120));
    assertThat(store.save(b)).isTrue();
    assertThat(store.save(a)).isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(store.fileFor("rules/a.yml", "a").getFileName().toString(),
              store.fileFor("rules/a.yml", "b").getFileName().toString());
    }
    assertThat(store.fileFor("rules/a.yml", "a").getFileName().toString()).matches("group-[0-9a-f]{16}\\.json");
    LoadedState loaded = new StateStore(dir, REFRESH).loadAll();
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.snapshots()).containsExactly(a, b);
    assertThat(new StateStore(dir, REFRESH).load("rules/a.yml", "a").snapshots()).containsExactly(a);
  }

  @Test
  void createsAMissingDirectoryAndReadsAMissingOneAsEmpty() throws IOException {
    Path nested = dir.resolve("data/state");
    StateStore store = new StateStore(nested, REFRESH);
    assertThat(store.loadAll()).isEqualTo(new LoadedState(List.of(), List.of()));
    assertThat(store.load("rules/a.yml", "a").snapshots()).isEmpty();
    store.save(snapshot("a", sec(0)));
    assertThat(Files.isDirectory(nested)).isTrue();
    assertThat(store.loadAll().snapshots()).hasSize(1);
  }

  @Test
  void aFailedWriteLeavesTheOldFileIntactAndTheNextSaveRetries() throws IOException {
    GroupSnapshot old = snapshot("a", sec(60), firing(1, sec(60)));
    new StateStore(dir, REFRESH).save(old);
    Path file = new StateStore(dir, REFRESH).fileFor("rules/a.yml", "a");
    byte[] before = Files.readAllBytes(file);

    boolean[] fail = {true};
    StateStore flaky = new StateStore(dir, REFRESH, (ch, content) -> {
      if (fail[0]) {
        ch.write(ByteBuffer.wrap(Arrays.copyOf(content.array(), content.remaining() / 2)));
        throw new IOException("No space left on device");
      }
      while (content.hasRemaining()) {
        ch.write(content);
      }
    });
    GroupSnapshot next = snapshot("a", sec(120), firing(1, sec(120)));
    assertThatThrownBy(() -> flaky.save(next)).isInstanceOf(IOException.class).hasMessage("No space left on device");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(flaky.loadAll().snapshots()).containsExactly(old);

    fail[0] = false;
    assertThat(flaky.save(next)).isTrue();
    assertThat(flaky.loadAll().snapshots()).containsExactly(next);
  }

  @Test
  void badFilesAreIgnoredWithTheirReasonAndGoodOnesStillLoad() throws IOException {
    StateStore store = new StateStore(dir, REFRESH);
    GroupSnapshot good = snapshot("good", sec(0), firing(1, null));
    store.save(good);
    byte[] valid = SnapshotJson.encode(snapshot("other", sec(0), firing(2, null)));
    Files.write(dir.resolve("empty.json"), new byte[0]);
    Files.writeString(dir.resolve("garbage.json"), "\u00ff\u00fe not json at all");
    Files.write(dir.resolve("truncated.json"), Arrays.copyOf(valid, valid.length - 10));
    Files.writeString(dir.resolve("future.json"),
        new String(valid, StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":9"));
    Files.write(dir.resolve("copied.json"), valid);
    Files.createDirectory(dir.resolve("folder.json"));
    Files.writeString(dir.resolve("notes.txt"), "not a state file, not looked at");

    LoadedState loaded = store.loadAll();
    assertThat(loaded.snapshots()).containsExactly(good);
    Map<String, String> reasons = reasonsByFile(loaded);
    assertThat(reasons).containsOnlyKeys("empty.json", "garbage.json", "truncated.json", "future.json",
        "copied.json", "folder.json");
    assertThat(reasons.get("empty.json")).isEqualTo("the file is empty");
    assertThat(reasons.get("garbage.json")).startsWith("not valid JSON at line 1 column ");
    assertThat(reasons.get("truncated.json")).startsWith("not valid JSON at line 1 column ")
        .contains("end-of-input");
    assertThat(reasons.get("future.json"))
        .isEqualTo("format version 9 is not supported (this Tocsin reads version 1)");
    assertThat(reasons.get("copied.json")).isEqualTo("holds group \"other\" of rules/a.yml, whose state belongs in "
        + store.fileFor("rules/a.yml", "other").getFileName());
    assertThat(reasons.get("folder.json")).isEqualTo("not a regular file");
    assertThat(loaded.problems().get(0).toString()).startsWith(dir.toString());
  }

  @Test
  void loadOfOneCorruptGroupReportsIt() throws IOException {
    StateStore store = new StateStore(dir, REFRESH);
    store.save(snapshot("a", sec(0)));
    Files.writeString(store.fileFor("rules/a.yml", "a"), "{\"version\":1,");
    LoadedState loaded = store.load("rules/a.yml", "a");
    assertThat(loaded.snapshots()).isEmpty();
    assertThat(loaded.problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).startsWith("not valid JSON at line 1 column 14: "));
  }

  @Test
  void aStateDirectoryThatIsAFileFailsSavesAndIsReportedOnLoad() throws IOException {
    Path notADir = Files.writeString(dir.resolve("state"), "x");
    StateStore store = new StateStore(notADir, REFRESH);
    assertThatThrownBy(() -> store.save(snapshot("a", sec(0)))).isInstanceOf(IOException.class);
    assertThat(store.loadAll().problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("cannot list the state directory: not a directory"));
  }

  @Test
  void writesOnlyWhenTheStateChangedOrPendingOrTheFileIsDueForRefresh() throws IOException {
    StateStore store = new StateStore(dir, REFRESH);
    assertThat(store.save(snapshot("a", sec(0), firing(1, sec(0))))).isTrue();
    assertThat(store.save(snapshot("a", sec(15), firing(7, sec(0))))).as("only the value changed").isFalse();
    assertThat(store.save(snapshot("a", sec(30), firing(7, sec(30))))).as("sent again").isTrue();
    assertThat(store.save(snapshot("a", sec(75), firing(7, sec(30))))).as("45 s after the last write").isFalse();
    assertThat(store.save(snapshot("a", sec(90), firing(7, sec(30))))).as("refresh interval").isTrue();
    assertThat(store.loadAll().snapshots()).singleElement()
        .satisfies(s -> assertThat(s.evaluatedAt()).isEqualTo(sec(90)));

    Alert pending = new Alert(Labels.of("alertname", "Down"), Labels.EMPTY, 1, AlertStatus.PENDING, sec(0), null,
        null, null, null, null);
    assertThat(store.save(snapshot("p", sec(0), pending))).isTrue();
    assertThat(store.save(snapshot("p", sec(15), pending))).as("pending progress needs the exact time").isTrue();

    assertThat(store.save(snapshot("empty", sec(0)))).isTrue();
    assertThat(store.save(snapshot("empty", sec(3600)))).as("nothing to restore, ever").isFalse();
  }

  @Test
  void removeDeletesTheGroupsFile() throws IOException {
    StateStore store = new StateStore(dir, REFRESH);
    store.save(snapshot("a", sec(0)));
    store.remove("rules/a.yml", "a");
    assertThat(store.loadAll().snapshots()).isEmpty();
    assertThat(store.save(snapshot("a", sec(0)))).as("written again after removal").isTrue();
  }
}
