package dev.tocsin.notifier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.source.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmailConfigReaderTest {
  private static NotificationConfigResult load(String yaml) {
    return new NotificationConfigLoader().load("am.yml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  @Test
  void defaultsAndGlobalsFillTheEntry() {
    NotificationConfigResult r = load("""
        global:
          smtp_smarthost: 'smtp.example.org:465'
          smtp_from: 'tocsin@example.org'
          smtp_auth_username: alice
          smtp_auth_password: pw
        route: {receiver: mail}
        receivers:
          - name: mail
            email_configs:
              - to: 'oncall@example.org'
                headers: {x-team: ops, subject: 'custom'}
                tls_config: {insecure_skip_verify: true}
        """);
    assertThat(r.diagnostics()).isEmpty();
    EmailConfig c = (EmailConfig) r.config().receiver("mail").orElseThrow().integrations().get(0);
    assertThat(c.host()).isEqualTo("smtp.example.org");
    assertThat(c.port()).isEqualTo(465);
    assertThat(c.implicitTls()).as("port 465").isTrue();
    assertThat(c.requireTls()).isTrue();
    assertThat(c.sendResolved()).isFalse();
    assertThat(c.hello()).isEqualTo("localhost");
    assertThat(c.authUsername()).isEqualTo("alice");
    assertThat(c.authPassword()).isEqualTo("pw");
    assertThat(c.tls().insecureSkipVerify()).isTrue();
    assertThat(c.html()).isEqualTo(EmailConfig.DEFAULT_HTML);
    assertThat(c.headers()).containsEntry("Subject", "custom").containsEntry("X-Team", "ops")
        .containsEntry("To", "oncall@example.org").containsEntry("From", "tocsin@example.org");
    assertThat(c.toString()).doesNotContain("pw");
  }

  @Test
  void badEntriesAreErrorsWithPositions() {
    NotificationConfigResult r = load("""
        route: {receiver: mail}
        receivers:
          - name: mail
            email_configs:
              - from: a@example.org
                smarthost: mail.example.org
              - to: b@example.org
                from: a@example.org
                smarthost: 'mail.example.org:25'
                headers: {Subject: a, subject: b}
                html: '{{ .Foo '
                tls_config: {cert_file: c.pem}
                require_tls: maybe
              - to: c@example.org
        """);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.diagnostics().stream().map(Diagnostic::format)).containsExactly(
        "am.yml: 5:9: missing to address in email config",
        "am.yml: 6:20: address mail.example.org: missing port in address",
        "am.yml: 10:31: duplicate header \"Subject\" in email config",
        "am.yml: 11:15: template: :1: unclosed action",
        "am.yml: 12:22: tls_config: cert_file is not supported by Tocsin's email receiver",
        "am.yml: 13:22: cannot unmarshal !!str `maybe` into bool",
        "am.yml: 14:9: no global SMTP from set",
        "am.yml: 14:9: no global SMTP smarthost set");
  }
}
