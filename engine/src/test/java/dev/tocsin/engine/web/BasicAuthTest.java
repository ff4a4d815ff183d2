package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Basic-auth checks against bcrypt hashes in each of the versions htpasswd and Go produce. */
class BasicAuthTest {
  private static String header(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsTheRightPasswordOnlyForKnownUsers() {
    BasicAuth auth = new BasicAuth(Map.of(
        "alice", BCrypt.withDefaults().hashToString(4, "pä:ss".toCharArray()),
        "bob", BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "hunter2".toCharArray()),
        "carol", BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "x".toCharArray())));
    assertThat(auth.allows(header("alice", "pä:ss"))).isTrue();
    assertThat(auth.allows(header("alice", "pä:ss"))).as("again, from the cache").isTrue();
    assertThat(auth.allows(header("bob", "hunter2"))).isTrue();
    assertThat(auth.allows(header("carol", "x"))).isTrue();
    assertThat(auth.allows(header("alice", "wrong"))).isFalse();
    assertThat(auth.allows(header("bob", "pä:ss"))).isFalse();
    assertThat(auth.allows(header("mallory", "hunter2"))).isFalse();
    assertThat(auth.allows(header("alice", "a".repeat(73)))).isFalse();
    assertThat(auth.allows(null)).isFalse();
    assertThat(auth.allows("Bearer abc")).isFalse();
    assertThat(auth.allows("Basic !!!")).isFalse();
    assertThat(auth.allows("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
    assertThat(auth.allows(header("alice", "pä:ss").replace("Basic", "basic"))).isTrue();
  }
}
