package dev.tocsin.template;

import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoStruct;
import java.util.Arrays;
import java.util.List;

/**
 * The data of Prometheus alert templates: {@code .Labels}, {@code .ExternalLabels}, {@code
 * .ExternalURL} and {@code .Value}.
 *
 * @param labels the alert's query-result labels
 * @param externalLabels the configured external labels
 * @param externalURL the external URL string
 * @param value the sample value
 */
record AlertData(GoMap labels, GoMap externalLabels, String externalURL, double value) implements GoStruct {
  @Override
  public String goType() {
    return "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value interface {} }";
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Labels" -> labels;
      case "ExternalLabels" -> externalLabels;
      case "ExternalURL" -> externalURL;
      case "Value" -> value;
      default -> ABSENT;
    };
  }

  @Override
  public List<String> fieldNames() {
    return List.of("Labels", "ExternalLabels", "ExternalURL", "Value");
  }

  @Override
  public List<Object> fieldValues() {
    return Arrays.asList(labels, externalLabels, externalURL, value);
  }
}
