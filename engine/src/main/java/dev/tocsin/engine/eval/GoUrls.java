package dev.tocsin.engine.eval;

import java.nio.charset.StandardCharsets;

/** Go's {@code url.QueryEscape}, which Prometheus uses for generator URLs. */
public final class GoUrls {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private GoUrls() {}

  /** Escapes a query component: unreserved characters stay, spaces become '+', the rest %XX. */
  public static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
    return sb.toString();
  }
}
