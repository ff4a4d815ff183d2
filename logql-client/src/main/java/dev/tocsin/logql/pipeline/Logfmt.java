package dev.tocsin.logql.pipeline;

/**
 * A logfmt scanner after Loki's fork of go-logfmt ({@code log/logfmt/decode.go}): {@code key=value}
 * and {@code key="quoted \"value\""} pairs separated by whitespace. A malformed pair is reported
 * and scanning resumes after it, so the non-strict parser can skip it and the strict one can stop.
 */
final class Logfmt {
  /** Receives pairs; {@code value} is empty for a bare key or {@code key=}. */
  interface Handler {
    void pair(String key, String value);

    /** A malformed pair; returns false to stop scanning. */
    boolean error(int pos, String message);
  }

  private Logfmt() {}

  static void scan(String line, Handler h) {
    int n = line.length();
    int pos = 0;
    while (pos < n) {
      while (pos < n && line.charAt(pos) <= ' ') {
        pos++;
      }
      if (pos >= n) {
        return;
      }
      int start = pos;
      String error = null;
      int errorPos = 0;
      String key = null;
      while (pos < n) {
        char c = line.charAt(pos);
        if (c == '=') {
          key = line.substring(start, pos);
          if (key.isEmpty()) {
            error = "unexpected '='";
            errorPos = pos + 1;
          }
          pos++;
          break;
        }
        if (c == '"') {
          error = "unexpected '\"'";
          errorPos = pos + 1;
          break;
        }
        if (c <= ' ') {
          break;
        }
        pos++;
      }
      if (error == null && key == null) {
        // a bare key without '='
        h.pair(line.substring(start, pos), "");
        continue;
      }
      if (error == null) {
        if (pos >= n || line.charAt(pos) <= ' ') {
          h.pair(key, "");
          continue;
        }
        if (line.charAt(pos) == '"') {
          int q = pos + 1;
          StringBuilder b = new StringBuilder();
          boolean closed = false;
          while (q < n) {
            char c = line.charAt(q);
            if (c == '\\' && q + 1 < n) {
              char e = line.charAt(q + 1);
              q += 2;
              switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> {
                  if (q + 4 <= n) {
                    try {
                      b.append((char) Integer.parseInt(line.substring(q, q + 4), 16));
                      q += 4;
                    } catch (NumberFormatException x) {
                      b.append("\\u");
                    }
                  } else {
                    b.append("\\u");
                  }
                }
                default -> b.append(e);
              }
              continue;
            }
            if (c == '"') {
              closed = true;
              q++;
              break;
            }
            b.append(c);
            q++;
          }
          if (!closed) {
            error = "unterminated quoted value";
            errorPos = n + 1;
            pos = n;
          } else {
            pos = q;
            if (pos < n && line.charAt(pos) > ' ') {
              error = "unexpected '" + line.charAt(pos) + "'";
              errorPos = pos + 1;
            } else {
              h.pair(key, b.toString());
              continue;
            }
          }
        } else {
          int vs = pos;
          while (pos < n) {
            char c = line.charAt(pos);
            if (c == '=' || c == '"') {
              error = "unexpected '" + c + "'";
              errorPos = pos + 1;
              break;
            }
            if (c <= ' ') {
              break;
            }
            pos++;
          }
          if (error == null) {
            h.pair(key, line.substring(vs, pos));
            continue;
          }
        }
      }
      if (!h.error(errorPos, error)) {
        return;
      }
      // skip the rest of the malformed token
      while (pos < n && line.charAt(pos) > ' ') {
        pos++;
      }
    }
  }
}
