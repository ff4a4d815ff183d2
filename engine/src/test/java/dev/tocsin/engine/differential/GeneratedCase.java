package dev.tocsin.engine.differential;

/**
 * One random differential case: a rule file and a promtool unit-test file with empty expectations.
 *
 * @param index position in the run, also the number in the file names and the test-group name
 * @param ruleFileName file name of the rule file, relative to the test file
 * @param ruleFile content of the rule file
 * @param testFileName file name of the unit-test file
 * @param testFile content of the unit-test file
 * @param evaluations how many alert and expression checks the test file asks for
 */
record GeneratedCase(int index, String ruleFileName, String ruleFile, String testFileName, String testFile,
    int evaluations) {

  /** Both files, ready to paste into a folder to reproduce a disagreement by hand. */
  String listing() {
    return "--- " + ruleFileName + "\n" + ruleFile + "--- " + testFileName + "\n" + testFile;
  }
}
