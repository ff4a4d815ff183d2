package dev.tocsin.logql.pipeline;

import dev.tocsin.model.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of one log line while it runs through a pipeline, mirroring Loki's {@code
 * LabelsBuilder}: stream labels, structured metadata and parsed labels in one namespace, plus the
 * {@code __error__}/{@code __error_details__} pair kept apart so that only string filters see it.
 * One instance is reused for every line of a query.
 */
public final class LabelState {
  /** The label names Loki reserves for pipeline errors. */
  public static final String ERROR = "__error__";

  /** The label holding the message of a pipeline error. */
  public static final String ERROR_DETAILS = "__error_details__";

  /** Set by a parser when the query groups by {@code __error__}; such samples may carry errors. */
  public static final String PRESERVE_ERROR = "__preserve_error__";

  private enum Source {
    STREAM,
    METADATA,
    PARSED
  }

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, Source> sources = new HashMap<>();
  private final Set<String> parsedKeys = new HashSet<>();
  private String error = "";
  private String errorDetails = "";

  /** Starts a new line with its stream labels and structured metadata. */
  public void reset(Labels stream, Labels metadata) {
    values.clear();
    sources.clear();
    parsedKeys.clear();
    error = "";
    errorDetails = "";
    for (int i = 0; i < stream.size(); i++) {
      values.put(stream.name(i), stream.value(i));
      sources.put(stream.name(i), Source.STREAM);
    }
    // Loki 3.7+: metadata named like a stream label spills to <name>_extracted.
    for (int i = 0; i < metadata.size(); i++) {
      String name = metadata.name(i);
      if (sources.get(name) == Source.STREAM) {
        put(name + "_extracted", metadata.value(i), Source.METADATA);
      } else {
        put(name, metadata.value(i), Source.METADATA);
      }
    }
  }

  private void put(String name, String value, Source source) {
    values.put(name, value);
    sources.put(name, source);
  }

  /**
   * Adds a label produced by a parser: the first value of a key wins within a line, and a key that
   * is already a stream label or structured metadata goes to {@code <key>_extracted}, as in Loki 3.7+.
   */
  public void addParsed(String name, String value) {
    if (!parsedKeys.add(name)) {
      return;
    }
    Source existing = sources.get(name);
    if (existing == Source.STREAM || existing == Source.METADATA) {
      put(name + "_extracted", value, Source.PARSED);
    } else {
      put(name, value, Source.PARSED);
    }
  }

  /** Whether a parser already produced this key for the current line. */
  public boolean parsed(String name) {
    return parsedKeys.contains(name);
  }

  /** Sets a label directly ({@code label_format}); the label counts as parsed afterwards. */
  public void set(String name, String value) {
    put(name, value, Source.PARSED);
  }

  /** The value of a label, {@code __error__} and {@code __error_details__} included; null when absent. */
  public String get(String name) {
    if (name.equals(ERROR)) {
      return error.isEmpty() ? null : error;
    }
    if (name.equals(ERROR_DETAILS)) {
      return errorDetails.isEmpty() ? null : errorDetails;
    }
    return values.get(name);
  }

  /** The value of an ordinary label (never the error labels); null when absent. */
  public String getLabel(String name) {
    return values.get(name);
  }

  /** Removes a label; removing an error label clears the error. */
  public void remove(String name) {
    if (name.equals(ERROR)) {
      error = "";
    } else if (name.equals(ERROR_DETAILS)) {
      errorDetails = "";
    } else {
      values.remove(name);
      sources.remove(name);
    }
  }

  /** The names of the ordinary labels, in insertion order. */
  public List<String> names() {
    return new ArrayList<>(values.keySet());
  }

  /** Whether the line carries a pipeline error. */
  public boolean hasError() {
    return !error.isEmpty();
  }

  /** The current pipeline error type, empty when none. */
  public String error() {
    return error;
  }

  /** Sets the pipeline error unless one is set already: the first failing stage owns it. */
  public void setError(String type, String details) {
    if (!error.isEmpty()) {
      return;
    }
    error = type;
    errorDetails = details == null ? "" : details;
  }

  /** Every current label with the error labels, as Loki's template data and label filters see them. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>(values);
    if (!error.isEmpty()) {
      m.put(ERROR, error);
    }
    if (!errorDetails.isEmpty()) {
      m.put(ERROR_DETAILS, errorDetails);
    }
    return m;
  }

  /** The final label set of the line, error labels included. */
  public Labels toLabels() {
    Labels.Builder b = Labels.builder();
    values.forEach(b::put);
    if (!error.isEmpty()) {
      b.put(ERROR, error);
    }
    if (!errorDetails.isEmpty()) {
      b.put(ERROR_DETAILS, errorDetails);
    }
    return b.build();
  }
}
