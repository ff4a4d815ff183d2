package dev.tocsin.logql.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A small JSON reader for log lines: a streaming flattener for {@code | json} (labels found before
 * a syntax error are kept, as with Loki's jsonparser) and a tree reader for {@code | json l="path"}
 * and {@code | unpack}. Nesting is capped so a hostile line cannot exhaust the stack.
 */
final class Json {
  static final int MAX_DEPTH = 128;

  /** A syntax error, with a message in the spirit of jsonparser's. */
  static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message, null, false, false);
    }
  }

  /** A parsed JSON value with its raw text. */
  sealed interface Value permits ObjectValue, ArrayValue, StringValue, RawValue, NullValue {}

  record ObjectValue(Map<String, Value> fields, String raw) implements Value {}

  record ArrayValue(List<Value> items, String raw) implements Value {}

  record StringValue(String value) implements Value {}

  /** A number, {@code true} or {@code false}, kept as written. */
  record RawValue(String text) implements Value {}

  record NullValue() implements Value {}

  private final String s;
  private int pos;

  private Json(String s) {
    this.s = s;
  }

  /**
   * Flattens a JSON object into sanitized {@code a_b_c} keys, emitting strings, numbers and booleans
   * as they are read; null and arrays yield nothing.
   */
  static void flatten(String line, BiConsumer<String, String> emit) throws JsonException {
    Json j = new Json(line);
    j.skipWs();
    if (j.pos >= line.length() || line.charAt(j.pos) != '{') {
      throw new JsonException("Value is not an object");
    }
    j.flattenObject("", emit, 1);
  }

  /** Parses one complete value at the start of the text; trailing text is ignored as in Loki. */
  static Value parse(String text) throws JsonException {
    Json j = new Json(text);
    j.skipWs();
    return j.value(1);
  }

  private void flattenObject(String prefix, BiConsumer<String, String> emit, int depth) throws JsonException {
    if (depth > MAX_DEPTH) {
      throw new JsonException("Value is too deeply nested");
    }
    pos++; // '{'
    skipWs();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipWs();
      if (peek() != '"') {
        throw new JsonException("Malformed JSON error: expected a key at offset " + pos);
      }
      String key = string();
      skipWs();
      if (peek() != ':') {
        throw new JsonException("Malformed JSON error: expected ':' at offset " + pos);
      }
      pos++;
      skipWs();
      String part = LabelNameSanitizer.sanitize(key);
      String name = prefix.isEmpty() ? part : (part.isEmpty() ? prefix : prefix + "_" + part);
      char c = peek();
      if (c == '{') {
        flattenObject(name, emit, depth + 1);
      } else if (c == '"') {
        String v = string();
        if (!name.isEmpty()) {
          emit.accept(name, v);
        }
      } else if (c == '[') {
        value(depth + 1);
      } else if (c == 'n') {
        literal("null");
      } else if (c == 't' || c == 'f') {
        String v = c == 't' ? literal("true") : literal("false");
        if (!name.isEmpty()) {
          emit.accept(name, v);
        }
      } else {
        String v = number();
        if (!name.isEmpty()) {
          emit.accept(name, v);
        }
      }
      skipWs();
      char sep = peek();
      pos++;
      if (sep == ',') {
        continue;
      }
      if (sep == '}') {
        return;
      }
      throw new JsonException("Value looks like object, but can't find closing '}' symbol");
    }
  }

  private Value value(int depth) throws JsonException {
    if (depth > MAX_DEPTH) {
      throw new JsonException("Value is too deeply nested");
    }
    char c = peek();
    int start = pos;
    switch (c) {
      case '{' -> {
        pos++;
        Map<String, Value> fields = new LinkedHashMap<>();
        skipWs();
        if (peek() == '}') {
          pos++;
          return new ObjectValue(fields, s.substring(start, pos));
        }
        while (true) {
          skipWs();
          if (peek() != '"') {
            throw new JsonException("Malformed JSON error: expected a key at offset " + pos);
          }
          String key = string();
          skipWs();
          if (peek() != ':') {
            throw new JsonException("Malformed JSON error: expected ':' at offset " + pos);
          }
          pos++;
          skipWs();
          Value v = value(depth + 1);
          fields.putIfAbsent(key, v);
          skipWs();
          char sep = peek();
          pos++;
          if (sep == '}') {
            return new ObjectValue(fields, s.substring(start, pos));
          }
          if (sep != ',') {
            throw new JsonException("Value looks like object, but can't find closing '}' symbol");
          }
        }
      }
      case '[' -> {
        pos++;
        List<Value> items = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
          pos++;
          return new ArrayValue(items, s.substring(start, pos));
        }
        while (true) {
          skipWs();
          items.add(value(depth + 1));
          skipWs();
          char sep = peek();
          pos++;
          if (sep == ']') {
            return new ArrayValue(items, s.substring(start, pos));
          }
          if (sep != ',') {
            throw new JsonException("Value is array, but can't find closing ']' symbol");
          }
        }
      }
      case '"' -> {
        return new StringValue(string());
      }
      case 't' -> {
        return new RawValue(literal("true"));
      }
      case 'f' -> {
        return new RawValue(literal("false"));
      }
      case 'n' -> {
        literal("null");
        return new NullValue();
      }
      default -> {
        return new RawValue(number());
      }
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private void skipWs() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String literal(String word) throws JsonException {
    if (!s.startsWith(word, pos)) {
      throw new JsonException("Unknown value type at offset " + pos);
    }
    pos += word.length();
    return word;
  }

  private String number() throws JsonException {
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        pos++;
      } else {
        break;
      }
    }
    if (start == pos) {
      throw new JsonException("Unknown value type at offset " + pos);
    }
    return s.substring(start, pos);
  }

  private String string() throws JsonException {
    pos++; // opening quote
    StringBuilder b = null;
    int start = pos;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '"') {
        String out = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
        pos++;
        return out;
      }
      if (c == '\\') {
        if (b == null) {
          b = new StringBuilder();
        }
        b.append(s, start, pos);
        if (pos + 1 >= s.length()) {
          break;
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw new JsonException("Encountered an invalid escape sequence in a string");
            }
            int cp;
            try {
              cp = Integer.parseInt(s.substring(pos, pos + 4), 16);
            } catch (NumberFormatException x) {
              throw new JsonException("Encountered an invalid escape sequence in a string");
            }
            b.append((char) cp);
            pos += 4;
          }
          default -> throw new JsonException("Encountered an invalid escape sequence in a string");
        }
        start = pos;
        continue;
      }
      pos++;
    }
    throw new JsonException("Value is string, but can't find closing '\"' symbol");
  }
}
