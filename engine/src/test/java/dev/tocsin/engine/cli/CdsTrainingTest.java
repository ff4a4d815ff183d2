package dev.tocsin.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.rules.validate.LoadOptions;
import dev.tocsin.rules.validate.LoadResult;
import dev.tocsin.rules.validate.RuleFileLoader;
import java.nio.file.Files;
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
  void ownRuleFilesCoverValidAndBrokenRules(@TempDir Path dir) throws Exception {
    Path valid = Files.write(dir.resolve("valid.yml"),
        CdsTraining.class.getResourceAsStream(CdsTraining.RULE_FILES.get(0)).readAllBytes());
    Path broken = Files.write(dir.resolve("broken.yml"),
        CdsTraining.class.getResourceAsStream(CdsTraining.RULE_FILES.get(1)).readAllBytes());
    // The valid file must stay valid, else the training skips the code that checks valid rules; the
    // broken one must fail with each kind of error.
    LoadResult ok = new RuleFileLoader(LoadOptions.DEFAULT).load(valid);
    assertThat(ok.diagnostics()).isEmpty();
    assertThat(ok.file().groups()).hasSize(2);
    LoadResult bad = new RuleFileLoader(LoadOptions.DEFAULT).load(broken);
    assertThat(bad.diagnostics().stream().map(d -> d.format()).toList()).hasSize(4)
        .anySatisfy(d -> assertThat(d).contains("field unknown_field not found"))
        .anySatisfy(d -> assertThat(d).contains("could not parse expression"))
        .anySatisfy(d -> assertThat(d).contains("unclosed action"))
        .anySatisfy(d -> assertThat(d).contains("could not parse LogQL expression"));
  }

  @Test
  void skipsCommandsWhoseFilesAreMissing(@TempDir Path empty) {
    assertThat(CdsTraining.commands(empty)).containsExactly(List.of("--help"));
  }
}
