package dev.tocsin.template;

import dev.tocsin.model.Labels;
import dev.tocsin.template.funcs.PrometheusFunctions;
import dev.tocsin.template.value.GoMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands alert labels and annotations as Prometheus' alerting rules do: the preamble defining
 * {@code $labels}, {@code $externalLabels}, {@code $externalURL} and {@code $value} is prepended,
 * the template is named {@code __alert_<name>}, and a failure becomes the text {@code <error
 * expanding template: ...>}.
 */
public final class AlertTemplates {
  /** Prometheus' variable definitions, joined without separators before the user's text. */
  public static final String PREAMBLE =
      "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";

  private static final FunctionSet PARSE_FUNCTIONS = PrometheusFunctions.forParsing();
  private static final int CACHE_LIMIT = 10_000;
  private static final Map<Key, Object> CACHE = new ConcurrentHashMap<>();

  /** Cache key; both strings usually are the rule's own instances, whose hash codes are cached. */
  private record Key(String alertName, String text) {}

  private static volatile Bound lastBound;

  private record Bound(PrometheusFunctions.Context ctx, FunctionSet functions) {}

  private AlertTemplates() {}

  /**
   * Expands one label or annotation template; never throws for template errors.
   *
   * @param alertName the rule's alert name
   * @param text the template text (without preamble)
   * @param labels the sample's labels ({@code $labels})
   * @param value the sample's value ({@code $value})
   * @param externalLabels the external labels ({@code $externalLabels})
   * @param externalURL the string for {@code $externalURL}
   * @param ctx query engine, evaluation time and URL for the functions
   * @return the expansion, or {@code <error expanding template: ...>}
   */
  public static String expand(
      String alertName,
      String text,
      Labels labels,
      double value,
      Labels externalLabels,
      String externalURL,
      PrometheusFunctions.Context ctx) {
    if (text.indexOf('{') < 0) {
      // No action can be in a text without "{{"; this is also what keeps plain labels cheap.
      return text;
    }
    Object parsed = parse(alertName, text);
    if (parsed instanceof String error) {
      String name = "__alert_" + alertName;
      return "<error expanding template: error parsing template " + name + ": " + error + ">";
    }
    AlertData data =
        new AlertData(GoMap.of(labels), GoMap.of(externalLabels), externalURL == null ? "" : externalURL, value);
    try {
      return ((Template) parsed).execute(data, functionsFor(ctx));
    } catch (TemplateException e) {
      return "<error expanding template: error executing template __alert_" + alertName + ": " + e.getMessage() + ">";
    }
  }

  /**
   * Parses a template as {@code promtool check rules} does (preamble included, the full function
   * set, no execution).
   *
   * @return null when the template parses, else Go's parse error message
   */
  public static String check(String alertName, String text) {
    Object parsed = parse(alertName, text);
    return parsed instanceof String error ? error : null;
  }

  /** The parsed template or the parse error message, cached by name and text. */
  private static Object parse(String alertName, String text) {
    Key key = new Key(alertName, text);
    Object cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Object result;
    try {
      result = Template.parse("__alert_" + alertName, PREAMBLE + text, PARSE_FUNCTIONS);
    } catch (TemplateException e) {
      result = e.getMessage();
    }
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(key, result);
    return result;
  }

  private static FunctionSet functionsFor(PrometheusFunctions.Context ctx) {
    Bound b = lastBound;
    if (b != null && b.ctx().equals(ctx)) {
      return b.functions();
    }
    FunctionSet fs = PrometheusFunctions.create(ctx);
    lastBound = new Bound(ctx, fs);
    return fs;
  }
}
