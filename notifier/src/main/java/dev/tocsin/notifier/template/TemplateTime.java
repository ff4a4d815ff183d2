package dev.tocsin.notifier.template;

import dev.tocsin.template.funcs.GoTimeLayout;
import dev.tocsin.template.value.GoStringer;
import dev.tocsin.template.value.GoStruct;
import dev.tocsin.template.value.GoTime;
import java.time.Instant;
import java.util.List;

/**
 * An alert's {@code .StartsAt} or {@code .EndsAt}: Go's {@code time.Time}, printed in Go's default
 * layout, with {@code .Format "2006-01-02 15:04:05"} and the other methods of {@link GoTime}.
 *
 * @param time the time
 */
public record TemplateTime(GoTime time) implements GoStringer, GoStruct {
  /** Go's zero time, which a firing alert without an end has. */
  public static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  /** A UTC {@code time.Time}; null stands for Go's zero time. */
  public static TemplateTime of(Instant instant) {
    return new TemplateTime(GoTime.of(instant == null ? GO_ZERO : instant, false));
  }

  @Override
  public String goType() {
    return "time.Time";
  }

  @Override
  public String goString() {
    return time.goString();
  }

  @Override
  public Object field(String name) {
    return ABSENT;
  }

  @Override
  public List<Object> fieldValues() {
    return List.of();
  }

  @Override
  public Object method(String name, List<Object> args) {
    if (name.equals("Format")) {
      if (args.size() != 1 || !(args.get(0) instanceof String layout)) {
        throw new IllegalArgumentException("wrong number of args for Format: want 1 got " + args.size());
      }
      return GoTimeLayout.format(time, layout);
    }
    if (name.equals("IsZero") && args.isEmpty()) {
      return time.epochSecond() == GO_ZERO.getEpochSecond() && time.nanos() == 0;
    }
    return time.method(name, args);
  }
}
