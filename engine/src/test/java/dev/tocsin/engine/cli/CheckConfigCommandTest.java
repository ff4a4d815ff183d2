package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tocsin check config}: its output in promtool's shape and its exit codes. */
class CheckConfigCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static final String GOOD_RULES = """
      groups:
        - name: g
          rules:
            - alert: A
              expr: up == 0
            - record: job:up:sum
              expr: sum by (job) (up)
      """;

  private static final String BROKEN_RULES = """
      groups:
        - name: g
          rules:
            - alert: B
              expr: sum(rate(x[5m])
      """;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private int run(String... args) {
    CheckConfigCommand command = new CheckConfigCommand();
    new CommandLine(command).parseArgs(args);
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return command.run(o, e);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validConfigWithGoodRuleFiles() throws IOException {
    write("rules/a.yml", GOOD_RULES);
    write("rules/b.yml", GOOD_RULES.replace("alert: A", "alert: C"));
    Path config = write("tocsin.yml", "rule_files: ['rules/*.yml']\n");
    assertThat(run(config.toString())).isZero();
    assertThat(stdout()).isEqualTo("Checking " + config + "\n"
        + "  SUCCESS: 2 rule files found\n"
        + " SUCCESS: " + config + " is valid tocsin config file syntax\n\n"
        + "Checking " + dir.resolve("rules/a.yml") + "\n  SUCCESS: 2 rules found\n\n"
        + "Checking " + dir.resolve("rules/b.yml") + "\n  SUCCESS: 2 rules found\n\n");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void exampleConfigWithOneBrokenRuleFile() throws IOException {
    write("good.yml", GOOD_RULES);
    write("broken.yml", BROKEN_RULES);
    Path config = write("tocsin.yml", """
        global: {evaluation_interval: 15s}
        rule_files: [good.yml, broken.yml]
        datasources:
          prometheus: {url: 'http://localhost:9090'}
        """);
    assertThat(run(config.toString())).isEqualTo(1);
    Path good = dir.resolve("good.yml");
    Path broken = dir.resolve("broken.yml");
    assertThat(stdout()).isEqualTo("Checking " + config + "\n"
        + "  SUCCESS: 2 rule files found\n"
        + " SUCCESS: " + config + " is valid tocsin config file syntax\n\n"
        + "Checking " + good + "\n  SUCCESS: 2 rules found\n\n"
        + "Checking " + broken + "\n\n");
    assertThat(stderr()).isEqualTo("  FAILED:\n" + broken
        + ": 5:30: group \"g\", rule 1, \"B\": could not parse expression: 1:16: parse error: unclosed left parenthesis\n");
  }

  @Test
  void invalidConfigReportsEveryErrorWithPositionsAndChecksNoRules() throws IOException {
    write("good.yml", GOOD_RULES);
    Path config = write("tocsin.yml", """
        global:
          evaluation_interval: 1x
        rule_files: [good.yml, missing.yml]
        datasources:
          prometheus: {url: 'localhost:9090'}
        """);
    assertThat(run(config.toString())).isEqualTo(1);
    assertThat(stdout()).isEqualTo("Checking " + config + "\n\n");
    assertThat(stderr()).isEqualTo("  FAILED:\n"
        + config + ": 2:24: not a valid duration string: \"1x\"\n"
        + config + ": 3:24: \"" + dir.resolve("missing.yml") + "\" does not point to an existing file\n"
        + config + ": 5:21: invalid url \"localhost:9090\": scheme \"localhost\" is not http or https\n");
  }

  @Test
  void emptyConfigIsValidAndPrintsNoRuleFileCount() throws IOException {
    Path config = write("tocsin.yml", "");
    assertThat(run(config.toString())).isZero();
    assertThat(stdout()).isEqualTo("Checking " + config + "\n SUCCESS: " + config
        + " is valid tocsin config file syntax\n\n");
  }

  @Test
  void everyFileIsCheckedAfterAFailure() throws IOException {
    Path bad = write("bad.yml", "bogus: 1\n");
    Path good = write("good.yml", "");
    assertThat(run(bad.toString(), good.toString())).isEqualTo(1);
    assertThat(stdout()).isEqualTo("Checking " + bad + "\n\nChecking " + good + "\n SUCCESS: " + good
        + " is valid tocsin config file syntax\n\n");
    assertThat(stderr()).isEqualTo("  FAILED:\n" + bad + ": 1:1: field bogus not found in type config.Config\n");
  }

  @Test
  void duplicateRulesAreLintFindingsFatalOnlyWithLintFatal() throws IOException {
    write("dup.yml", "groups:\n- name: a\n  rules:\n  - alert: A\n    expr: up\n  - alert: A\n    expr: up == 1\n");
    Path config = write("tocsin.yml", "rule_files: [dup.yml]\n");
    assertThat(run(config.toString())).isZero();
    assertThat(stderr()).contains("lint error 1 duplicate rule(s) found.");
    out.reset();
    err.reset();
    assertThat(run("--lint-fatal", config.toString())).isEqualTo(3);
    assertThat(run("--lint=none", "--lint-fatal", config.toString())).isZero();
  }

  @Test
  void hostileInputsGiveMessagesNotStackTraces() throws IOException {
    Path garbage = dir.resolve("garbage.yml");
    Files.write(garbage, new byte[] {0, 1, 2, 3, (byte) 0xff, '\n', '{', '['});
    Path nested = write("nested.yml", "global: " + "{a: ".repeat(5_000) + "1" + "}".repeat(5_000) + "\n");
    Path missing = dir.resolve("missing.yml");
    assertThat(run(dir.toString(), garbage.toString(), nested.toString(), missing.toString())).isEqualTo(1);
    assertThat(stderr())
        .contains(dir + ": read " + dir + ": is a directory")
        .contains(missing + ": open " + missing + ": no such file or directory")
        .contains(garbage + ": ")
        .contains(nested + ": ")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(stderr().lines().filter(l -> l.equals("  FAILED:")).count()).isEqualTo(4);
  }

  @Test
  void usageErrorsExitTwo() {
    StringWriter usage = new StringWriter();
    CommandLine cli = new CommandLine(new CheckConfigCommand()).setErr(new PrintWriter(usage));
    assertThat(cli.execute()).isEqualTo(2);
    assertThat(usage.toString()).contains("Missing required parameter: 'config-files'");
    assertThat(cli.execute("--bogus", "x.yml")).isEqualTo(2);
    assertThat(usage.toString()).contains("Unknown option: '--bogus'");
  }

  @Test
  void registeredUnderCheck() {
    CommandLine check = Main.commandLine().getSubcommands().get("check");
    assertThat(check.getSubcommands()).containsKeys("rules", "config");
    assertThat(Main.commandLine("check", "config").getSubcommands().get("check").getSubcommands()).containsOnlyKeys("config");
  }

  @Test
  void probeChecksReadinessAndATrivialQueryOfEachServer() throws Exception {
    try (mockwebserver3.MockWebServer prometheus = new mockwebserver3.MockWebServer();
        mockwebserver3.MockWebServer alertmanager = new mockwebserver3.MockWebServer()) {
      prometheus.start();
      alertmanager.start();
      prometheus.enqueue(new mockwebserver3.MockResponse.Builder().code(200).body("Prometheus Server is Ready.\n").build());
      prometheus.enqueue(new mockwebserver3.MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
          .body("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}")
          .build());
      alertmanager.enqueue(new mockwebserver3.MockResponse.Builder().code(503).body("not ready").build());
      write("rules/a.yml", GOOD_RULES);
      Path config = write("tocsin.yml", "rule_files: ['rules/a.yml']\n"
          + "datasources: {prometheus: {url: '" + prometheus.url("/") + "', timeout: 2s}}\n"
          + "alerting: {alertmanagers: [{url: '" + alertmanager.url("/").toString().replaceAll("/$", "") + "'}]}\n");
      assertThat(run("--probe", config.toString())).isEqualTo(1);
      assertThat(stdout())
          .containsPattern("  OK     prometheus: GET http://[^ ]+/-/ready: 200 \\(\\d+ ms\\)")
          .containsPattern("  OK     prometheus: query vector\\(1\\): ok \\(\\d+ ms\\)")
          .containsPattern("  FAILED alertmanager: GET http://[^ ]+/-/ready: 503");
      assertThat(prometheus.takeRequest().getTarget()).isEqualTo("/-/ready");
      assertThat(prometheus.takeRequest().getTarget()).isEqualTo("/api/v1/query");
    }
  }
}
