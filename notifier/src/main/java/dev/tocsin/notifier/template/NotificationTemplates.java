package dev.tocsin.notifier.template;

import dev.tocsin.template.Template;
import dev.tocsin.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification templates of one alertmanager.yml: Tocsin's defaults ({@code
 * email.default.subject}, {@code email.default.html}, {@code email.default.text} …) overlaid with
 * the user's {@code templates:} files, executed as Alertmanager executes a configuration string —
 * a text template for headers and the text body, an HTML template for the HTML body.
 *
 * <p>Go's html/template escapes by HTML context; Tocsin's HTML templates escape every printed
 * value instead (except {@code safeHtml} results), so a label value {@code <script>} always
 * arrives as text. Literal template text is written as is.
 */
public final class NotificationTemplates {
  private static final String DEFAULT_NAME = "default.tmpl";
  private static final int CACHE_LIMIT = 1000;

  private final Template text;
  private final Template html;
  private final Map<String, Object> textCache = new ConcurrentHashMap<>();
  private final Map<String, Object> htmlCache = new ConcurrentHashMap<>();

  private NotificationTemplates(Template text) {
    this.text = text;
    this.html = text.escapingHtml();
  }

  /** Tocsin's default templates only. */
  public static NotificationTemplates defaults() {
    return new NotificationTemplates(defaultSet());
  }

  /**
   * The defaults overlaid with every file the patterns match, in order; later definitions replace
   * earlier ones.
   *
   * @throws NotificationTemplateException naming the file, with Go's parse error
   */
  public static NotificationTemplates load(List<Path> patterns) throws NotificationTemplateException {
    Template set = defaultSet();
    for (Path pattern : patterns) {
      List<Path> files;
      try {
        files = TemplateFiles.glob(pattern);
      } catch (IOException e) {
        throw new NotificationTemplateException("cannot read templates " + pattern + ": " + e.getMessage());
      }
      for (Path file : files) {
        String source;
        try {
          source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new NotificationTemplateException("cannot read template file " + file + ": " + e.getMessage());
        }
        try {
          set = set.parseAssociated(file.toString(), source);
        } catch (TemplateException e) {
          throw new NotificationTemplateException(e.getMessage());
        }
      }
    }
    return new NotificationTemplates(set);
  }

  private static Template defaultSet() {
    try (InputStream in = NotificationTemplates.class.getResourceAsStream(DEFAULT_NAME)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_NAME + " is missing");
      }
      return Template.parse(DEFAULT_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8),
          NotificationFunctions.FUNCTIONS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TemplateException e) {
      throw new IllegalStateException("default templates do not parse: " + e.getMessage(), e);
    }
  }

  /**
   * Executes a configuration string (e.g. a {@code Subject} header) as a text template; the empty
   * string gives the empty string, as in Alertmanager.
   *
   * @throws TemplateException with Go's message
   */
  public String executeText(String template, TemplateData data) throws TemplateException {
    return execute(text, textCache, template, data);
  }

  /**
   * Executes a configuration string (e.g. {@code html}) as an HTML template, escaping every value.
   *
   * @throws TemplateException with Go's message
   */
  public String executeHtml(String template, TemplateData data) throws TemplateException {
    return execute(html, htmlCache, template, data);
  }

  /**
   * Checks that a configuration string parses against these templates.
   *
   * @throws TemplateException with Go's message
   */
  public void check(String template) throws TemplateException {
    if (!template.isEmpty()) {
      text.parseAssociated("", template);
    }
  }

  private static String execute(Template set, Map<String, Object> cache, String template, TemplateData data)
      throws TemplateException {
    if (template.isEmpty()) {
      return "";
    }
    Object parsed = cache.get(template);
    if (parsed == null) {
      try {
        parsed = set.parseAssociated("", template);
      } catch (TemplateException e) {
        parsed = e.getMessage();
      }
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(template, parsed);
    }
    if (parsed instanceof String error) {
      throw new TemplateException(error);
    }
    return ((Template) parsed).execute(data);
  }
}
