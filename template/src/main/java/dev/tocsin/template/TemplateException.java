package dev.tocsin.template;

/** A template parse or execution error whose message is exactly what Go's text/template prints. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message, null, false, false);
  }
}
