package dev.tocsin.engine.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A response body assembled from UTF-8 fragments, written out without another copy. */
final class JsonBytes {
  private byte[] buf;
  private int size;

  JsonBytes(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  JsonBytes append(byte[] b) {
    return append(b, 0, b.length);
  }

  JsonBytes append(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, buf, size, length);
    size += length;
    return this;
  }

  JsonBytes append(char ascii) {
    ensure(1);
    buf[size++] = (byte) ascii;
    return this;
  }

  /** Appends text that is already valid JSON, encoded as UTF-8. */
  JsonBytes append(String json) {
    return append(json.getBytes(StandardCharsets.UTF_8));
  }

  int length() {
    return size;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  @Override
  public String toString() {
    return new String(buf, 0, size, StandardCharsets.UTF_8);
  }
}
