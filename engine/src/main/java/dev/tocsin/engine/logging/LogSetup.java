package dev.tocsin.engine.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Applies {@code --log.format} and {@code --log.level} to the running Logback configuration. */
public final class LogSetup {
  private LogSetup() {}

  /**
   * The level named {@code debug}, {@code info}, {@code warn} or {@code error}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static Level level(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!n.matches("debug|info|warn|error")) {
      throw new IllegalArgumentException("--log.level must be one of debug, info, warn, error, not \"" + name + "\"");
    }
    return Level.toLevel(n);
  }

  /**
   * Sets the root level and the format of every appender that writes with a {@link TocsinLayout};
   * does nothing when SLF4J is not bound to Logback.
   */
  public static void apply(LogFormat format, Level level) {
    // logback.xml reads these when Logback starts, so a first logger created later agrees too.
    System.setProperty("tocsin.log.format", format.name().toLowerCase(Locale.ROOT));
    System.setProperty("tocsin.log.level", level.toString());
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof OutputStreamAppender<?> a && a.getEncoder() instanceof LayoutWrappingEncoder<?> e
          && e.getLayout() instanceof TocsinLayout layout) {
        layout.setFormat(format);
      }
    }
  }
}
