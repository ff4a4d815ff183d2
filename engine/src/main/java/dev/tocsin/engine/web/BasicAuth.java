package dev.tocsin.engine.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP basic-auth credentials against the bcrypt hashes of a web config, as Prometheus'
 * exporter-toolkit does: unknown users cost as much as wrong passwords, and a successful check is
 * remembered (by a SHA-256 of user, password and hash, never the password itself) so that a
 * dashboard polling every few seconds does not pay for bcrypt on each request.
 */
final class BasicAuth {
  /** A hash of a random password, checked for unknown users so they take as long as known ones. */
  private static final String DECOY = BCrypt.withDefaults().hashToString(10, java.util.UUID.randomUUID().toString()
      .toCharArray());
  /** Go's bcrypt refuses longer passwords. */
  private static final int MAX_PASSWORD_BYTES = 72;
  private static final int CACHE_LIMIT = 1024;

  private final Map<String, String> users;
  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

  BasicAuth(Map<String, String> users) {
    this.users = Map.copyOf(users);
  }

  /** Whether an {@code Authorization} header value carries the credentials of a configured user. */
  boolean allows(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    String hash = users.get(user);
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    if (hash == null) {
      check(pw, DECOY);
      return false;
    }
    String key = fingerprint(user, password, hash);
    if (verified.containsKey(key)) {
      return true;
    }
    boolean ok = check(pw, hash);
    if (ok) {
      if (verified.size() >= CACHE_LIMIT) {
        verified.clear();
      }
      verified.put(key, Boolean.TRUE);
    }
    return ok;
  }

  private static boolean check(byte[] password, String hash) {
    if (password.length > MAX_PASSWORD_BYTES) {
      return false;
    }
    return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
  }

  private static String fingerprint(String user, String password, String hash) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(user.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(password.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(hash.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
