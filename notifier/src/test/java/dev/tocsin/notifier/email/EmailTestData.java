package dev.tocsin.notifier.email;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.EmailConfig;
import dev.tocsin.notifier.config.TlsSettings;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.notifier.template.NotificationTemplates;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The email receiver configurations, alerts and message helpers the email integration tests share. */
final class EmailTestData {
  static final Instant NOW = Instant.parse("2026-11-29T17:50:00Z");
  static final NotificationTemplates TEMPLATES = NotificationTemplates.defaults();

  private EmailTestData() {}

  /** A receiver on 127.0.0.1 sending to two recipients, with Alertmanager's default subject and bodies. */
  static EmailConfig config(int port, boolean requireTls, Boolean implicitTls, TlsSettings tls, String user,
      String password, Map<String, String> extraHeaders) {
    Map<String, String> headers = new TreeMap<>(extraHeaders);
    headers.putIfAbsent("Subject", EmailConfig.DEFAULT_SUBJECT);
    headers.putIfAbsent("To", "oncall@example.org, second@example.org");
    headers.putIfAbsent("From", "Tocsin <tocsin@example.org>");
    return new EmailConfig(false, "oncall@example.org, second@example.org", "Tocsin <tocsin@example.org>",
        "127.0.0.1", port, "tocsin.test", user, password, "", "", requireTls, implicitTls, tls, headers,
        EmailConfig.DEFAULT_HTML, EmailConfig.DEFAULT_TEXT);
  }

  /** A firing HighErrorRate alert (critical) on one instance, with markup in its {@code payload} label. */
  static OutgoingAlert alert(String instance, String payload) {
    return new OutgoingAlert(
        Labels.of("alertname", "HighErrorRate", "severity", "critical", "instance", instance, "payload", payload),
        Labels.of("summary", "Error rate above 5%"), NOW.minusSeconds(200), NOW.plusSeconds(300),
        "http://ruler.example:8080/graph?g0.expr=up", "e1");
  }

  /** One notification of receiver "mail" for the group {@code alertname="HighErrorRate"}. */
  static Notification notification(OutgoingAlert... alerts) {
    return new Notification("mail", "{}:{alertname=\"HighErrorRate\"}", Labels.of("alertname", "HighErrorRate"),
        List.of(alerts), NOW);
  }

  /** Two firing alerts with the same markup in a common label, so it shows in the subject too. */
  static Notification twoFiring() {
    return notification(alert("a:1", "<script>alert(1)</script>"), alert("b:1", "<script>alert(1)</script>"));
  }

  /** Two firing alerts with different markup, so only alertname and severity are common. */
  static Notification twoFiringWithMarkup() {
    return notification(alert("a:1", "<script>alert(1)</script>"), alert("b:1", "<b>bold</b>"));
  }

  /** The parts of a multipart message, in order. */
  static List<BodyPart> parts(MimeMessage m) throws IOException, MessagingException {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    List<BodyPart> out = new ArrayList<>();
    for (int i = 0; i < mp.getCount(); i++) {
      out.add(mp.getBodyPart(i));
    }
    return out;
  }
}
