package dev.tocsin.rules.report;

import dev.tocsin.rules.lint.DuplicateRule;
import dev.tocsin.rules.validate.LoadResult;
import java.util.List;

/** The outcome of checking one rule file: what loading found and the lint findings. */
public record FileCheck(String name, LoadResult result, List<DuplicateRule> duplicates) {
  public FileCheck {
    duplicates = List.copyOf(duplicates);
  }

  /** The number of rules found, 0 when the file could not be read. */
  public int ruleCount() {
    return result.file() == null ? 0 : result.file().ruleCount();
  }
}
