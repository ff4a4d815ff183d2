package dev.tocsin.notifier.route;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.template.value.GoTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the router's {@link DispatcherState} in one JSON file ({@code notification-log.json} in
 * the state directory), written atomically (a temporary file, forced to disk, then renamed) so a
 * crash leaves either the old or the new file. A file that cannot be read is reported and ignored.
 */
public final class DispatcherStateStore {
  /** The file's name inside the state directory. */
  public static final String FILE_NAME = "notification-log.json";
  private static final int FORMAT = 1;

  private final Path file;
  private final ObjectMapper mapper = new ObjectMapper();

  public DispatcherStateStore(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  /** The file this store writes. */
  public Path file() {
    return file;
  }

  /** The saved state; empty when there is no file. */
  public Optional<DispatcherState> load() throws StateFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StateFileException(file + ": cannot read: " + e.getMessage());
    }
    try {
      JsonNode root = mapper.readTree(bytes);
      if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT) {
        throw new StateFileException(file + ": not a notification log of format " + FORMAT);
      }
      List<DispatcherState.Group> groups = new ArrayList<>();
      for (JsonNode g : root.path("groups")) {
        List<OutgoingAlert> alerts = new ArrayList<>();
        for (JsonNode a : g.path("alerts")) {
          alerts.add(new OutgoingAlert(labels(a.path("labels")), labels(a.path("annotations")),
              instant(a, "startsAt"), instant(a, "endsAt"), a.path("generatorURL").asText(""),
              a.path("evaluationId").asText("")));
        }
        groups.add(new DispatcherState.Group(g.path("routeIndex").asInt(-1), text(g, "routeKey"),
            labels(g.path("groupLabels")), instant(g, "nextFlush"), g.path("hasFlushed").asBoolean(), alerts));
      }
      List<NotificationLog.Entry> log = new ArrayList<>();
      for (JsonNode e : root.path("log")) {
        log.add(new NotificationLog.Entry(text(e, "integration"), text(e, "groupKey"), fingerprints(e.path("firing")),
            fingerprints(e.path("resolved")), instant(e, "timestamp"), instant(e, "expiresAt")));
      }
      return Optional.of(new DispatcherState(groups, log));
    } catch (IOException | RuntimeException e) {
      throw new StateFileException(file + ": corrupt notification log: " + e.getMessage());
    }
  }

  /** Writes the state atomically. */
  public void save(DispatcherState state) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(json(state));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The file's content, streamed rather than built as a tree: with thousands of alerts the tree
   * cost the saving thread more than the deliveries it records, and it runs beside them.
   */
  private byte[] json(DispatcherState state) throws IOException {
    int alerts = 0;
    for (DispatcherState.Group group : state.groups()) {
      alerts += group.alerts().size();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096 + 320 * alerts + 400 * state.log().size());
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("format", FORMAT);
      g.writeArrayFieldStart("groups");
      for (DispatcherState.Group group : state.groups()) {
        g.writeStartObject();
        g.writeNumberField("routeIndex", group.routeIndex());
        g.writeStringField("routeKey", group.routeKey());
        labels(g, "groupLabels", group.groupLabels());
        g.writeStringField("nextFlush", GoTime.rfc3339Nano(group.nextFlush()));
        g.writeBooleanField("hasFlushed", group.hasFlushed());
        g.writeArrayFieldStart("alerts");
        for (OutgoingAlert a : group.alerts()) {
          g.writeStartObject();
          labels(g, "labels", a.labels());
          labels(g, "annotations", a.annotations());
          g.writeStringField("startsAt", GoTime.rfc3339Nano(a.startsAt()));
          if (a.endsAt() != null) {
            g.writeStringField("endsAt", GoTime.rfc3339Nano(a.endsAt()));
          }
          g.writeStringField("generatorURL", a.generatorUrl());
          g.writeStringField("evaluationId", a.evaluationId());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("log");
      for (NotificationLog.Entry e : state.log()) {
        g.writeStartObject();
        g.writeStringField("integration", e.integration());
        g.writeStringField("groupKey", e.groupKey());
        fingerprints(g, "firing", e.firing());
        fingerprints(g, "resolved", e.resolved());
        g.writeStringField("timestamp", GoTime.rfc3339Nano(e.timestamp()));
        g.writeStringField("expiresAt", GoTime.rfc3339Nano(e.expiresAt()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void labels(JsonGenerator g, String field, Labels labels) throws IOException {
    g.writeObjectFieldStart(field);
    for (int i = 0; i < labels.size(); i++) {
      g.writeStringField(labels.name(i), labels.value(i));
    }
    g.writeEndObject();
  }

  private static void fingerprints(JsonGenerator g, String field, Set<Long> fingerprints) throws IOException {
    long[] sorted = new long[fingerprints.size()];
    int i = 0;
    for (long f : fingerprints) {
      sorted[i++] = f;
    }
    Arrays.sort(sorted);
    g.writeArrayFieldStart(field);
    for (long f : sorted) {
      g.writeString(GroupData.hex(f));
    }
    g.writeEndArray();
  }

  private static Labels labels(JsonNode node) {
    Labels.Builder b = Labels.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      b.put(e.getKey(), e.getValue().asText());
    }
    return b.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : Instant.parse(v.asText());
  }

  private static Set<Long> fingerprints(JsonNode node) {
    Set<Long> out = new HashSet<>();
    for (JsonNode f : node) {
      out.add(Long.parseUnsignedLong(f.asText(), 16));
    }
    return out;
  }

  /** A state file that exists but cannot be used. */
  public static final class StateFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateFileException(String message) {
      super(message, null, false, false);
    }
  }
}
