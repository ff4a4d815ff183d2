package dev.tocsin.template.funcs;

import dev.tocsin.template.QuerySample;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoStruct;
import java.util.Arrays;
import java.util.List;

/**
 * Prometheus' {@code *template.sample}: a query result element with {@code .Labels} and {@code .Value}.
 *
 * @param labels the labels as {@code map[string]string}
 * @param value the value
 */
record PromSample(GoMap labels, double value) implements GoStruct {
  static final String TYPE = "*template.sample";

  static PromSample of(QuerySample s) {
    return new PromSample(GoMap.of(s.labels()), s.value());
  }

  @Override
  public String goType() {
    return TYPE;
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Labels" -> labels;
      case "Value" -> value;
      default -> ABSENT;
    };
  }

  @Override
  public boolean isPointer() {
    return true;
  }

  @Override
  public List<String> fieldNames() {
    return List.of("Labels", "Value");
  }

  @Override
  public List<Object> fieldValues() {
    return Arrays.asList(labels, value);
  }
}
