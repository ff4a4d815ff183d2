package dev.tocsin.engine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 streams on the process' standard output and error, whatever the platform encoding. */
final class Console {
  private Console() {}

  static PrintStream stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
  }

  static PrintStream stderr() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.UTF_8);
  }
}
