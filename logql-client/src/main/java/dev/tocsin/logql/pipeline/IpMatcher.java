package dev.tocsin.logql.pipeline;

import java.util.Arrays;

/**
 * Loki's {@code ip("...")} matcher ({@code log/ip.go}): a single address, a range {@code a-b} or a
 * CIDR, IPv4 or IPv6, matched against every address that appears inside a line or label value.
 * Addresses are parsed here, never resolved.
 */
public final class IpMatcher {
  private final byte[] low;
  private final byte[] high;

  private IpMatcher(byte[] low, byte[] high) {
    this.low = low;
    this.high = high;
  }

  /** Compiles a pattern; invalid patterns fail with Loki's {@code ip: invalid pattern}. */
  public static IpMatcher compile(String pattern) {
    String p = pattern.strip();
    try {
      int slash = p.indexOf('/');
      if (slash >= 0) {
        byte[] addr = parseAddress(p.substring(0, slash));
        int bits = Integer.parseInt(p.substring(slash + 1));
        if (addr == null || bits < 0 || bits > addr.length * 8) {
          throw new PipelineException("ip: invalid pattern");
        }
        byte[] lo = addr.clone();
        byte[] hi = addr.clone();
        for (int i = 0; i < addr.length * 8; i++) {
          if (i >= bits) {
            lo[i / 8] &= (byte) ~(0x80 >> (i % 8));
            hi[i / 8] |= (byte) (0x80 >> (i % 8));
          }
        }
        return new IpMatcher(lo, hi);
      }
      int dash = p.indexOf('-');
      if (dash >= 0) {
        byte[] a = parseAddress(p.substring(0, dash).strip());
        byte[] b = parseAddress(p.substring(dash + 1).strip());
        if (a == null || b == null || a.length != b.length || compare(a, b) > 0) {
          throw new PipelineException("ip: invalid pattern");
        }
        return new IpMatcher(a, b);
      }
      byte[] a = parseAddress(p);
      if (a == null) {
        throw new PipelineException("ip: invalid pattern");
      }
      return new IpMatcher(a, a);
    } catch (NumberFormatException e) {
      throw new PipelineException("ip: invalid pattern");
    }
  }

  /** Whether the text contains an address in range. */
  public boolean matchesWithin(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!ipChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && ipChar(text.charAt(i))) {
        i++;
      }
      if (i - start >= 2 && tokenMatches(text.substring(start, i))) {
        return true;
      }
    }
    return false;
  }

  /** A run of address characters: the whole run, or an IPv4 address followed by {@code :port} and the like. */
  private boolean tokenMatches(String token) {
    if (token.length() <= 45 && contains(parseAddress(token))) {
      return true;
    }
    if (token.indexOf('.') >= 0) {
      for (String part : token.split(":")) {
        if (part.length() >= 7 && part.length() <= 15 && contains(parseAddress(part))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean contains(byte[] addr) {
    return addr != null && addr.length == low.length && compare(addr, low) >= 0 && compare(addr, high) <= 0;
  }

  private static boolean ipChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
  }

  private static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** An IPv4 (4 bytes) or IPv6 (16 bytes) address, or null. */
  static byte[] parseAddress(String s) {
    if (s.indexOf(':') >= 0) {
      return parseV6(s);
    }
    return parseV4(s);
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseV6(String s) {
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? s.substring(0, dbl) : s;
    String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
    int[] h = groups(head);
    int[] t = groups(tail);
    if (h == null || t == null) {
      return null;
    }
    int total = h.length + t.length;
    if (dbl < 0 ? total != 16 : total > 14) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < h.length; i++) {
      out[i] = (byte) h[i];
    }
    for (int i = 0; i < t.length; i++) {
      out[16 - t.length + i] = (byte) t[i];
    }
    return out;
  }

  /** The bytes of colon-separated hex groups, the last of which may be an IPv4 address. */
  private static int[] groups(String s) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int[] out = new int[parts.length * 2 + 2];
    int k = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        for (byte b : v4) {
          out[k++] = b & 0xff;
        }
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        int d = Character.digit(p.charAt(j), 16);
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[k++] = v >> 8;
      out[k++] = v & 0xff;
    }
    return Arrays.copyOf(out, k);
  }
}
