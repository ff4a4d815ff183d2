package dev.tocsin.notifier.template;

import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStringer;
import java.util.List;

/**
 * Alertmanager's {@code template.Pairs}: a slice of {@link Pair} that templates can range over and
 * that has the methods {@code Names}, {@code Values} and {@code String} ({@code a=b, c=d}).
 */
public final class Pairs extends MethodSlice<Pair> implements GoStringer {
  Pairs(List<Pair> pairs) {
    super(pairs);
  }

  @Override
  public String goType() {
    return "template.Pairs";
  }

  @Override
  public Object method(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return ABSENT;
    }
    return switch (name) {
      case "Names" -> new GoSlice(KeyValues.STRING_SLICE, items().stream().map(p -> (Object) p.name()).toList());
      case "Values" -> new GoSlice(KeyValues.STRING_SLICE, items().stream().map(p -> (Object) p.value()).toList());
      case "String" -> goString();
      default -> ABSENT;
    };
  }

  /** Alertmanager's {@code Pairs.String}: {@code name=value} joined by {@code ", "}. */
  @Override
  public String goString() {
    StringBuilder sb = new StringBuilder();
    for (Pair p : items()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p.name()).append('=').append(p.value());
    }
    return sb.toString();
  }
}
