package dev.tocsin.notifier.email;

import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.notifier.template.NotificationTemplates;
import dev.tocsin.notifier.template.TemplateData;
import dev.tocsin.template.TemplateException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Alertmanager's email receiver: renders the headers and bodies of a notification from templates
 * and sends one {@code multipart/alternative} message (text, then HTML) over SMTP, with STARTTLS
 * required unless {@code require_tls: false}, implicit TLS on port 465 (or when forced), and
 * PLAIN, LOGIN or CRAM-MD5 authentication. A failure throws {@link EmailException} with one line
 * and is counted.
 */
public final class EmailIntegration implements Integration {
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int IO_TIMEOUT_MS = 30_000;

  private final String receiver;
  private final EmailConfig config;
  private final NotificationTemplates templates;
  private final String externalUrl;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** How many emails were sent and how many failed. */
  public record Stats(long sent, long failed) {}

  /**
   * An email integration of one receiver.
   *
   * @param externalUrl what templates see as {@code .ExternalURL}
   */
  public EmailIntegration(String receiver, EmailConfig config, NotificationTemplates templates, String externalUrl) {
    this.receiver = Objects.requireNonNull(receiver, "receiver is null");
    this.config = Objects.requireNonNull(config, "config is null");
    this.templates = Objects.requireNonNull(templates, "templates is null");
    this.externalUrl = externalUrl == null ? "" : externalUrl;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public boolean sendResolved() {
    return config.sendResolved();
  }

  @Override
  public void deliver(Notification notification) {
    Notification n = config.sendResolved() ? notification : notification.firingOnly();
    if (n.alerts().isEmpty()) {
      return;
    }
    try {
      send(TemplateData.of(n, externalUrl));
      sent.incrementAndGet();
    } catch (EmailException e) {
      failed.incrementAndGet();
      throw new EmailException("email to receiver " + receiver + " via " + smarthost() + " failed: " + e.getMessage());
    }
  }

  /** The counts so far. */
  public Stats stats() {
    return new Stats(sent.get(), failed.get());
  }

  private String smarthost() {
    return config.host() + ":" + config.port();
  }

  private void send(TemplateData data) {
    String from = render("from", config.from(), data);
    // The envelope sender is the bare address of "from", as Alertmanager's MAIL FROM is.
    Session session = Session.getInstance(properties(address("from", from).getAddress()));
    MimeMessage message = message(session, data);
    InternetAddress[] recipients = recipients(data);
    try {
      Transport transport = session.getTransport(config.implicitTls() ? "smtps" : "smtp");
      try {
        if (authenticates()) {
          transport.connect(config.host(), config.port(), config.authUsername(),
              config.authPassword().isEmpty() ? config.authSecret() : config.authPassword());
        } else {
          transport.connect(config.host(), config.port(), null, null);
        }
        transport.sendMessage(message, recipients);
      } catch (AuthenticationFailedException e) {
        // Angus often leaves the exception's message empty; the server's reply says why.
        throw new EmailException("authentication failed: " + firstNonBlank(oneLine(e.getMessage()), lastReply(transport),
            "the server rejected user \"" + config.authUsername() + "\""));
      } finally {
        transport.close();
      }
    } catch (MessagingException e) {
      throw new EmailException(describe(e));
    }
  }

  private InternetAddress[] recipients(TemplateData data) {
    String to = render("to", config.to(), data);
    try {
      InternetAddress[] list = InternetAddress.parse(to, false);
      if (list.length == 0) {
        throw new EmailException("no recipients in \"to\": \"" + to + "\"");
      }
      return list;
    } catch (AddressException e) {
      throw new EmailException("parse 'to' addresses \"" + to + "\": " + e.getMessage());
    }
  }

  private static InternetAddress address(String what, String text) {
    try {
      return new InternetAddress(text, false);
    } catch (AddressException e) {
      throw new EmailException("parse '" + what + "' address \"" + text + "\": " + e.getMessage());
    }
  }

  private MimeMessage message(Session session, TemplateData data) {
    MimeMessage m = new MimeMessage(session);
    try {
      for (Map.Entry<String, String> h : config.headers().entrySet()) {
        String value = render("header " + h.getKey(), h.getValue(), data);
        m.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, MimeUtility.encodeText(value, "UTF-8", "Q")));
      }
      m.setSentDate(new Date());
      MimeMultipart alternative = new MimeMultipart("alternative");
      String text = render("text", config.text(), data);
      String html = renderHtml(data);
      // Mail clients show the last alternative they can display, so the richer HTML part goes last.
      if (!text.isEmpty()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", "plain");
        alternative.addBodyPart(part);
      }
      if (!html.isEmpty()) {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(html, "UTF-8", "html");
        alternative.addBodyPart(part);
      }
      m.setContent(alternative);
      m.saveChanges();
      return m;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new EmailException("build message: " + e.getMessage());
    }
  }

  private String render(String what, String template, TemplateData data) {
    try {
      return templates.executeText(template, data);
    } catch (TemplateException e) {
      throw new EmailException("execute '" + what + "' template: " + e.getMessage());
    }
  }

  private String renderHtml(TemplateData data) {
    try {
      return templates.executeHtml(config.html(), data);
    } catch (TemplateException e) {
      throw new EmailException("execute 'html' template: " + e.getMessage());
    }
  }

  private boolean authenticates() {
    return !config.authUsername().isEmpty();
  }

  private String prefix() {
    return config.implicitTls() ? "mail.smtps." : "mail.smtp.";
  }

  private Properties properties(String envelopeFrom) {
    String p = prefix();
    Properties props = new Properties();
    props.put(p + "from", envelopeFrom);
    props.put(p + "host", config.host());
    props.put(p + "port", Integer.toString(config.port()));
    props.put(p + "localhost", config.hello());
    props.put(p + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
    props.put(p + "timeout", Integer.toString(IO_TIMEOUT_MS));
    props.put(p + "writetimeout", Integer.toString(IO_TIMEOUT_MS));
    // As in Alertmanager, STARTTLS is used exactly when required; a server without it is an error.
    props.put(p + "starttls.enable", Boolean.toString(config.requireTls() && !config.implicitTls()));
    props.put(p + "starttls.required", Boolean.toString(config.requireTls() && !config.implicitTls()));
    props.put(p + "ssl.socketFactory", SmtpTls.socketFactory(config.tls()));
    props.put(p + "ssl.checkserveridentity", Boolean.toString(!config.tls().insecureSkipVerify()));
    props.put(p + "auth", Boolean.toString(authenticates()));
    if (authenticates()) {
      if (!config.authPassword().isEmpty()) {
        props.put(p + "auth.mechanisms", "PLAIN LOGIN");
        if (!config.authIdentity().isEmpty()) {
          props.put(p + "sasl.authorizationid", config.authIdentity());
        }
      } else if (!config.authSecret().isEmpty()) {
        // CRAM-MD5 through the JDK's SASL client.
        props.put(p + "sasl.enable", "true");
        props.put(p + "sasl.mechanisms", "CRAM-MD5");
        props.put(p + "auth.mechanisms", "XOAUTH2");
        props.put(p + "auth.xoauth2.disable", "true");
      }
    }
    return props;
  }

  /** One line for a failure, in the terms a user can act on. */
  private String describe(MessagingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof SendFailedException sf && sf.getInvalidAddresses() != null
        && sf.getInvalidAddresses().length > 0) {
      return "recipients rejected: " + oneLine(e.getMessage());
    }
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("STARTTLS is required")) {
      return "'require_tls' is true (default) but \"" + smarthost() + "\" does not advertise the STARTTLS extension";
    }
    if (root instanceof ConnectException || root instanceof UnknownHostException
        || root instanceof SocketTimeoutException) {
      return "cannot connect to " + smarthost() + ": " + root.getClass().getSimpleName() + ": "
          + oneLine(root.getMessage());
    }
    if (causedBy(e, SSLException.class)) {
      return "TLS with " + smarthost() + " failed: " + oneLine(root.getMessage());
    }
    String cause = root == e ? "" : " (" + oneLine(root.getMessage()) + ")";
    return oneLine(msg) + cause;
  }

  private static String lastReply(Transport transport) {
    return transport instanceof SMTPTransport smtp ? oneLine(smtp.getLastServerResponse()) : "";
  }

  private static String firstNonBlank(String... candidates) {
    for (String c : candidates) {
      if (!c.isBlank()) {
        return c;
      }
    }
    return "";
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
