package dev.tocsin.logql.logqltest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.promql.promqltest.ScriptResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Our own logqltest scripts under {@code src/test/resources/logqltest}, e.g. the P1-B alert pitfall. */
class ExampleScriptsTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(ExampleScriptsTest.class.getResourceAsStream("/logqltest/" + name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void orderSubmitWithoutResponseOnlyFiresInItsAggregatedForm() throws IOException {
    ScriptResult r = new LogqlTestRunner().run("order-submit-without-response.logqltest", resource("order-submit-without-response.logqltest"));
    assertThat(r.failures()).isEmpty();
    assertThat(r.summary()).isEqualTo("6 passed, 0 failed, 0 skipped");
  }
}
