package dev.tocsin.template.funcs;

/** Go's {@code net.SplitHostPort}, {@code net.JoinHostPort} and {@code net.ParseIP} checks. */
final class GoNet {
  private GoNet() {}

  /** {host, port}, or null where Go returns an error. */
  static String[] splitHostPort(String hostport) {
    int i = hostport.lastIndexOf(':');
    if (i < 0) {
      return null;
    }
    String host;
    int j = 0;
    int k = 0;
    if (!hostport.isEmpty() && hostport.charAt(0) == '[') {
      int end = hostport.indexOf(']');
      if (end < 0) {
        return null;
      }
      if (end + 1 == hostport.length()) {
        return null;
      } else if (end + 1 != i) {
        return null;
      }
      host = hostport.substring(1, end);
      j = 1;
      k = end + 1;
    } else {
      host = hostport.substring(0, i);
      if (host.indexOf(':') >= 0) {
        return null;
      }
    }
    if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
      return null;
    }
    return new String[] {host, hostport.substring(i + 1)};
  }

  static String joinHostPort(String host, String port) {
    if (host.indexOf(':') >= 0) {
      return "[" + host + "]:" + port;
    }
    return host + ":" + port;
  }

  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String s) {
    if (s.indexOf(':') < 0) {
      return false;
    }
    int dc = s.indexOf("::");
    if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
      return false;
    }
    int groups = 0;
    String[] halves = dc >= 0 ? new String[] {s.substring(0, dc), s.substring(dc + 2)} : new String[] {s};
    for (int h = 0; h < halves.length; h++) {
      String half = halves[h];
      if (half.isEmpty()) {
        continue;
      }
      String[] parts = half.split(":", -1);
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        boolean lastOverall = (h == halves.length - 1) && i == parts.length - 1;
        if (lastOverall && p.indexOf('.') >= 0) {
          if (!isIpv4(p)) {
            return false;
          }
          groups += 2;
          continue;
        }
        if (p.isEmpty() || p.length() > 4) {
          return false;
        }
        for (int c = 0; c < p.length(); c++) {
          if (Character.digit(p.charAt(c), 16) < 0) {
            return false;
          }
        }
        groups++;
      }
    }
    return dc >= 0 ? groups < 8 : groups == 8;
  }
}
