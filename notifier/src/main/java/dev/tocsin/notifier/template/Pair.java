package dev.tocsin.notifier.template;

import dev.tocsin.template.value.GoStruct;
import java.util.List;

/**
 * Alertmanager's {@code template.Pair}: one label or annotation, {@code .Name} and {@code .Value}.
 *
 * @param name the label name
 * @param value the label value
 */
public record Pair(String name, String value) implements GoStruct {
  @Override
  public String goType() {
    return "template.Pair";
  }

  @Override
  public Object field(String field) {
    return switch (field) {
      case "Name" -> name;
      case "Value" -> value;
      default -> ABSENT;
    };
  }

  @Override
  public List<Object> fieldValues() {
    return List.of(name, value);
  }

  @Override
  public List<String> fieldNames() {
    return List.of("Name", "Value");
  }
}
