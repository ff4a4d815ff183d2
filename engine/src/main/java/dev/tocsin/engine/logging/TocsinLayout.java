package dev.tocsin.engine.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * Logback layout writing each event as one line in the configured {@link LogFormat}; logback.xml
 * sets {@code format} from the {@code tocsin.log.format} property, and {@link LogSetup} can change
 * it at run time.
 */
public final class TocsinLayout extends LayoutBase<ILoggingEvent> {
  private volatile LogFormat format = LogFormat.JSON;

  /** Sets the format by name, {@code json} or {@code logfmt}. */
  public void setFormat(String name) {
    this.format = LogFormat.parse(name.strip());
  }

  /** Sets the format. */
  public void setFormat(LogFormat format) {
    this.format = format;
  }

  /** The format in use. */
  public LogFormat format() {
    return format;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return format.format(LogLine.of(event)) + "\n";
  }
}
