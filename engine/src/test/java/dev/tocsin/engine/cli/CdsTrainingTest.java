package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsTrainingTest {
  @Test
  void trainsOnEveryShortCommandOverTheExamples() {
    Path examples = Path.of("../examples");
    assertThat(CdsTraining.commands(examples)).containsExactly(
        List.of("--help"),
        List.of("check", "rules", examples.resolve("p1b_alerts.yml").toString(),
            examples.resolve("tocsin_self_alerts.yml").toString()),
        List.of("test", "rules", examples.resolve("p1b_alerts.test.yml").toString()),
        List.of("test", "logql", examples.resolve("p1b_order_submit.logqltest").toString()),
        List.of("check", "config", examples.resolve("demo/tocsin.yml").toString()));
  }

  @Test
  void skipsCommandsWhoseFilesAreMissing(@TempDir Path empty) {
    assertThat(CdsTraining.commands(empty)).containsExactly(List.of("--help"));
  }
}
