package dev.tocsin.promql.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A secret held in a file ({@code password_file}, {@code credentials_file}, a header's {@code
 * files}), read again whenever the file's modification time or size changes, so rotated tokens
 * take effect without a restart. Checking two attributes per request costs one {@code stat}.
 */
final class SecretFile {
  private record Snapshot(FileTime modified, long size, String value) {}

  private final Path path;
  private final String key;
  private volatile Snapshot snapshot;

  /** {@code key} names the configuration key in error messages, e.g. {@code password_file}. */
  SecretFile(Path path, String key) {
    this.path = Objects.requireNonNull(path, "path is null");
    this.key = Objects.requireNonNull(key, "key is null");
  }

  /** The file's content with surrounding white space removed, as Prometheus' common config trims it. */
  String read() throws SecretFileException {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      Snapshot s = snapshot;
      if (s != null && s.modified().equals(attrs.lastModifiedTime()) && s.size() == attrs.size()) {
        return s.value();
      }
      String value = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).strip();
      snapshot = new Snapshot(attrs.lastModifiedTime(), attrs.size(), value);
      return value;
    } catch (NoSuchFileException e) {
      throw new SecretFileException("cannot read " + key + " " + path + ": no such file", e);
    } catch (IOException e) {
      throw new SecretFileException("cannot read " + key + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** A secret file that cannot be read; an {@link IOException} so that OkHttp passes it through. */
  static final class SecretFileException extends IOException {
    private static final long serialVersionUID = 1L;

    SecretFileException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
