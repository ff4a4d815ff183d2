package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tocsin check config} as a user runs it: the built jar, its streams and exit codes. */
class CheckConfigIT {
  @TempDir Path dir;

  @Test
  void checksTheConfigAndItsRuleFiles() throws Exception {
    Processes.write(dir, "rules.yml", "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n");
    Path config = Processes.write(dir, "tocsin.yml", "rule_files: ['*.yml']\n");
    ProcessResult r = Processes.tocsin(null, "check", "config", config.toString());
    // The glob matches the config file itself too, which then fails as a rule file, as promtool would.
    assertThat(r.stdout()).startsWith("Checking " + config + "\n  SUCCESS: 2 rule files found\n SUCCESS: " + config
        + " is valid tocsin config file syntax\n\nChecking " + dir.resolve("rules.yml") + "\n  SUCCESS: 1 rules found\n");
    assertThat(r.stderr()).isEqualTo("  FAILED:\n" + dir.resolve("tocsin.yml")
        + ": 1:1: field rule_files not found in type rulefmt.RuleGroups\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void invalidConfigExitsOneWithPositions() throws Exception {
    Path config = Processes.write(dir, "tocsin.yml", "global:\n  evaluation_workers: 0\n");
    ProcessResult r = Processes.tocsin(null, "check", "config", config.toString());
    assertThat(r.stdout()).isEqualTo("Checking " + config + "\n\n");
    assertThat(r.stderr()).isEqualTo("  FAILED:\n" + config + ": 2:23: evaluation_workers must be greater than 0\n");
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void missingArgumentIsAUsageError() {
    ProcessResult r = Processes.tocsin(null, "check", "config");
    assertThat(r.stderr()).contains("Missing required parameter: 'config-files'");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
