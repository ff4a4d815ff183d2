package dev.tocsin.notifier.config;

import java.util.Map;
import java.util.Objects;

/**
 * An {@code email_configs} entry with the global {@code smtp_*} defaults applied. Header names are
 * canonical ({@code Subject}, {@code X-Team}); {@code Subject}, {@code To} and {@code From} are
 * always present (their defaults are Alertmanager's: the {@code email.default.subject} template and
 * the {@code to} and {@code from} values).
 *
 * @param sendResolved whether resolved notifications are sent (default false)
 * @param to the recipients template, a comma-separated RFC 5322 address list
 * @param from the sender template
 * @param host the smarthost's host
 * @param port the smarthost's port
 * @param hello the EHLO name (default {@code localhost})
 * @param authUsername the user name; empty for no authentication
 * @param authPassword the password for PLAIN and LOGIN (read from {@code auth_password_file} if given)
 * @param authSecret the secret for CRAM-MD5
 * @param authIdentity the PLAIN authorization identity
 * @param requireTls whether STARTTLS is required (default true)
 * @param forceImplicitTls true or false to force or forbid implicit TLS; null to use it on port 465
 * @param tls the TLS settings for STARTTLS and implicit TLS
 * @param headers the header templates, with canonical names
 * @param html the HTML body template
 * @param text the text body template
 */
public record EmailConfig(
    boolean sendResolved,
    String to,
    String from,
    String host,
    int port,
    String hello,
    String authUsername,
    String authPassword,
    String authSecret,
    String authIdentity,
    boolean requireTls,
    Boolean forceImplicitTls,
    TlsSettings tls,
    Map<String, String> headers,
    String html,
    String text)
    implements IntegrationConfig {

  /** Alertmanager's default {@code html}. */
  public static final String DEFAULT_HTML = "{{ template \"email.default.html\" . }}";
  /** Tocsin's default {@code text} (Alertmanager sends no text part unless {@code text} is set). */
  public static final String DEFAULT_TEXT = "{{ template \"email.default.text\" . }}";
  /** Alertmanager's default {@code Subject} header. */
  public static final String DEFAULT_SUBJECT = "{{ template \"email.default.subject\" . }}";

  public EmailConfig {
    Objects.requireNonNull(to, "to is null");
    Objects.requireNonNull(from, "from is null");
    Objects.requireNonNull(host, "host is null");
    hello = hello == null ? "localhost" : hello;
    authUsername = authUsername == null ? "" : authUsername;
    authPassword = authPassword == null ? "" : authPassword;
    authSecret = authSecret == null ? "" : authSecret;
    authIdentity = authIdentity == null ? "" : authIdentity;
    tls = tls == null ? TlsSettings.DEFAULT : tls;
    headers = Map.copyOf(headers);
    html = html == null ? "" : html;
    text = text == null ? "" : text;
  }

  /** Whether the connection starts with TLS: forced either way, or else because the port is 465. */
  public boolean implicitTls() {
    return forceImplicitTls != null ? forceImplicitTls : port == 465;
  }

  @Override
  public String toString() {
    // Never print secrets.
    return "EmailConfig[to=" + to + ", smarthost=" + host + ":" + port + ", requireTls=" + requireTls + "]";
  }
}
