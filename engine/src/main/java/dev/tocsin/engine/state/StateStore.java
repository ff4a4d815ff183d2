package dev.tocsin.engine.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.jpountz.xxhash.XXHashFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory: one JSON file per rule group ({@link SnapshotJson}), named from a hash of
 * the rule file path and group name, replaced atomically (temporary file in the same directory,
 * fsync, rename, fsync of the directory where the OS allows it) so a crash leaves either the old
 * or the new file, never a torn one.
 *
 * <p>Saving after every evaluation stays cheap because a group is written only when its alerts
 * changed state since its last save, when it has pending alerts (their progress depends on the
 * exact evaluation time), or when it holds alerts and its file is {@code refreshInterval} old
 * (so the outage-tolerance check errs by at most that much). Groups may be saved concurrently,
 * each from one thread at a time.
 *
 * <p>Reading never throws for a bad file: a corrupt, truncated, empty, unreadable or
 * wrong-version file is logged as a warning, returned as a {@link StateFileProblem} and ignored.
 */
public final class StateStore {
  /** The refresh interval used unless another is given. */
  public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
  private static final long MAX_FILE_BYTES = 64L << 20;
  private static final String SUFFIX = ".json";

  /** Writes the whole buffer to the temporary file's channel; a seam for failure tests. */
  interface ChannelWriter {
    void write(FileChannel channel, ByteBuffer content) throws IOException;
  }

  private final Path directory;
  private final Duration refreshInterval;
  private final ChannelWriter writer;
  private final Map<String, GroupSnapshot> lastSaved = new ConcurrentHashMap<>();

  public StateStore(Path directory, Duration refreshInterval) {
    this(directory, refreshInterval, StateStore::writeFully);
  }

  StateStore(Path directory, Duration refreshInterval, ChannelWriter writer) {
    this.directory = Objects.requireNonNull(directory, "directory is null");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval is null");
    this.writer = writer;
  }

  /** The directory the files live in. */
  public Path directory() {
    return directory;
  }

  /** The file that holds the state of group {@code group} of rule file {@code file}. */
  public Path fileFor(String file, String group) {
    byte[] key = (file + '\0' + group).getBytes(StandardCharsets.UTF_8);
    long h = XXHashFactory.fastestJavaInstance().hash64().hash(key, 0, key.length, 0);
    return directory.resolve("group-" + HexFormat.of().toHexDigits(h) + SUFFIX);
  }

  /**
   * Writes {@code s} unless nothing worth writing changed since this group's last save (see the
   * class comment); creates the directory when missing.
   *
   * @return whether the file was written
   * @throws IOException when the file could not be replaced; the previous file is left intact
   *     and the next save tries again
   */
  public boolean save(GroupSnapshot s) throws IOException {
    Path target = fileFor(s.file(), s.group());
    String key = target.getFileName().toString();
    GroupSnapshot last = lastSaved.get(key);
    if (last != null && last.sameStateAs(s) && !s.hasPendingAlerts()
        && (s.alertCount() == 0 || last.evaluatedAt().plus(refreshInterval).isAfter(s.evaluatedAt()))) {
      return false;
    }
    Files.createDirectories(directory);
    Path tmp = directory.resolve(key + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        writer.write(ch, ByteBuffer.wrap(SnapshotJson.encode(s)));
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    syncDirectory();
    lastSaved.put(key, s);
    return true;
  }

  private static void writeFully(FileChannel ch, ByteBuffer content) throws IOException {
    while (content.hasRemaining()) {
      ch.write(content);
    }
  }

  /** Makes the rename durable; Windows cannot open a directory for this, and there it is skipped. */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync state directory {}: {}", directory, e.toString());
    }
  }

  /** Deletes the file of a group that no longer exists, if there is one. */
  public void remove(String file, String group) throws IOException {
    Path target = fileFor(file, group);
    lastSaved.remove(target.getFileName().toString());
    Files.deleteIfExists(target);
  }

  /** Every group's snapshot in the directory; a missing directory holds none. */
  public LoadedState loadAll() {
    List<GroupSnapshot> snapshots = new ArrayList<>();
    List<StateFileProblem> problems = new ArrayList<>();
    if (!Files.exists(directory)) {
      return new LoadedState(snapshots, problems);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
      for (Path f : files) {
        read(f, snapshots, problems);
      }
    } catch (IOException e) {
      problems.add(problem(directory, "cannot list the state directory: " + describe(e)));
    }
    snapshots.sort((a, b) -> a.file().equals(b.file()) ? a.group().compareTo(b.group()) : a.file().compareTo(b.file()));
    return new LoadedState(snapshots, problems);
  }

  /** The snapshot of one group: none when its file is missing or was ignored (see problems). */
  public LoadedState load(String file, String group) {
    List<GroupSnapshot> snapshots = new ArrayList<>();
    List<StateFileProblem> problems = new ArrayList<>();
    Path f = fileFor(file, group);
    if (Files.exists(f)) {
      read(f, snapshots, problems);
    }
    return new LoadedState(snapshots, problems);
  }

  private void read(Path f, List<GroupSnapshot> snapshots, List<StateFileProblem> problems) {
    byte[] content;
    try {
      if (!Files.isRegularFile(f)) {
        problems.add(problem(f, "not a regular file"));
        return;
      }
      if (Files.size(f) > MAX_FILE_BYTES) {
        problems.add(problem(f, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
        return;
      }
      content = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return; // replaced or removed while listing: nothing to read
    } catch (IOException e) {
      problems.add(problem(f, "cannot read: " + describe(e)));
      return;
    }
    GroupSnapshot s;
    try {
      s = SnapshotJson.decode(content);
    } catch (StateFormatException e) {
      problems.add(problem(f, e.getMessage()));
      return;
    }
    Path expected = fileFor(s.file(), s.group());
    if (!expected.getFileName().equals(f.getFileName())) {
      problems.add(problem(f, "holds group \"" + s.group() + "\" of " + s.file() + ", whose state belongs in "
          + expected.getFileName()));
      return;
    }
    snapshots.add(s);
  }

  /** The cause without the path, which the problem already names. */
  private static String describe(IOException e) {
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static StateFileProblem problem(Path f, String reason) {
    StateFileProblem p = new StateFileProblem(f, reason);
    LOG.warn("ignoring state file {}", p);
    return p;
  }
}
