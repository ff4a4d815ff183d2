package dev.tocsin.rules.report;

/** Prints the outcome of {@code check rules}, one file at a time, in one output format. */
public interface CheckReporter {
  /** Called before a file is checked. */
  void start(String name);

  /** Called with each file's outcome. */
  void report(FileCheck check);

  /** Called once after the last file. */
  void finish();
}
