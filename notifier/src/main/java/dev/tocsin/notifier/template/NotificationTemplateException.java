package dev.tocsin.notifier.template;

/** A template file that cannot be read or parsed; the message names the file and, for Go's errors, the line. */
public final class NotificationTemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public NotificationTemplateException(String message) {
    super(message, null, false, false);
  }
}
