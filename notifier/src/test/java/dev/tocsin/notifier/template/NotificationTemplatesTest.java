package dev.tocsin.notifier.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Notification;
import dev.tocsin.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationTemplatesTest {
  private static final Instant NOW = Instant.parse("2026-11-29T17:50:00Z");
  private static final NotificationTemplates DEFAULTS = NotificationTemplates.defaults();

  private static OutgoingAlert alert(Labels labels, Labels annotations, Instant endsAt) {
    return new OutgoingAlert(labels, annotations, Instant.parse("2026-11-29T17:46:15Z"), endsAt,
        "http://ruler.example:8080/graph?g0.expr=rate%28errors%5B5m%5D%29", "e1");
  }

  private static OutgoingAlert firing(String instance) {
    return alert(Labels.of("alertname", "HighErrorRate", "severity", "critical", "instance", instance),
        Labels.of("summary", "Error rate above 5%"), NOW.plusSeconds(300));
  }

  private static TemplateData data(Labels groupLabels, OutgoingAlert... alerts) {
    return TemplateData.of(new Notification("mail", "{}:{}", groupLabels, List.of(alerts), NOW),
        "http://tocsin.example:9097");
  }

  private static TemplateData twoFiring() {
    return data(Labels.of("alertname", "HighErrorRate"), firing("a:1"), firing("b:1"));
  }

  @Test
  void defaultSubjectHasStatusCountGroupValuesAndOtherCommonValues() throws TemplateException {
    assertThat(DEFAULTS.executeText("{{ template \"email.default.subject\" . }}", twoFiring()))
        .isEqualTo("[FIRING:2] HighErrorRate (critical)");
  }

  @Test
  void defaultSubjectOfResolvedGroupHasNoCountAndKeepsAlertmanagersTrailingSpace() throws TemplateException {
    OutgoingAlert resolved = alert(Labels.of("alertname", "HighErrorRate", "instance", "a:1"), Labels.EMPTY,
        NOW.minusSeconds(10));
    OutgoingAlert other = alert(Labels.of("alertname", "HighErrorRate", "instance", "b:1"), Labels.EMPTY,
        NOW.minusSeconds(10));
    assertThat(DEFAULTS.executeText("{{ template \"email.default.subject\" . }}",
        data(Labels.of("alertname", "HighErrorRate"), resolved, other)))
        .as("no common labels beyond the group labels: Alertmanager leaves the space before the parenthesis")
        .isEqualTo("[RESOLVED] HighErrorRate ");
  }

  @Test
  void dataModelFieldsAndMethods() throws TemplateException {
    OutgoingAlert done = alert(Labels.of("alertname", "HighErrorRate", "severity", "critical", "instance", "c:1"),
        Labels.EMPTY, NOW.minusSeconds(60));
    TemplateData d = data(Labels.of("alertname", "HighErrorRate"), firing("a:1"), done);
    assertThat(DEFAULTS.executeText("{{ .Receiver }} {{ .Status }} {{ len .Alerts }} {{ len .Alerts.Firing }} "
        + "{{ len .Alerts.Resolved }} {{ .ExternalURL }}", d))
        .isEqualTo("mail firing 2 1 1 http://tocsin.example:9097");
    assertThat(DEFAULTS.executeText("{{ range .Alerts }}{{ .Status }}/{{ .Labels.instance }}/{{ .Fingerprint }} "
        + "{{ end }}", d)).isEqualTo("firing/a:1/" + GroupData.fingerprintText(firing("a:1").labels())
        + " resolved/c:1/" + GroupData.fingerprintText(done.labels()) + " ");
    assertThat(DEFAULTS.executeText("{{ .CommonLabels.SortedPairs }}|{{ .CommonLabels.Names }}|"
        + "{{ .CommonLabels.Values }}|{{ (.CommonLabels.Remove .GroupLabels.Names).Names }}|"
        + "{{ .CommonLabels.severity }}|{{ .CommonLabels.nosuch }}", d))
        .as("alertname sorts first; a missing key is empty (missingkey=zero)")
        .isEqualTo("alertname=HighErrorRate, severity=critical|[alertname severity]|[HighErrorRate critical]"
            + "|[severity]|critical|");
    assertThat(DEFAULTS.executeText("{{ range .Alerts.Resolved }}{{ .EndsAt.Format \"15:04:05\" }} "
        + "{{ end }}{{ range .Alerts.Firing }}{{ .EndsAt }}|{{ .StartsAt }}{{ end }}", d))
        .as("a firing alert's end is Go's zero time")
        .isEqualTo("17:49:00 0001-01-01 00:00:00 +0000 UTC|2026-11-29 17:46:15 +0000 UTC");
    assertThat(DEFAULTS.executeText("{{ range $k, $v := .GroupLabels }}{{ $k }}={{ $v }}{{ end }}", d))
        .isEqualTo("alertname=HighErrorRate");
  }

  @Test
  void receiverIsRegexpQuotedAsInAlertmanager() throws TemplateException {
    TemplateData d = TemplateData.of(
        new Notification("team.a+b", "{}:{}", Labels.EMPTY, List.of(firing("a:1")), NOW), "");
    assertThat(DEFAULTS.executeText("{{ .Receiver }}", d)).isEqualTo("team\\.a\\+b");
  }

  @Test
  void fingerprintIsAlertmanagers() {
    assertThat(GroupData.fingerprintText(Labels.of("alertname", "HighErrorRate", "job", "api", "severity", "critical")))
        .isEqualTo("d8da8f2e9952176d");
  }

  @Test
  void alertmanagerFunctions() throws TemplateException {
    TemplateData d = twoFiring();
    assertThat(DEFAULTS.executeText("{{ toUpper \"ab\" }} {{ toLower \"AB\" }} {{ title \"hello wORLD\" }} "
        + "{{ join \",\" (stringSlice \"a\" \"b\") }} {{ match \"^High\" .CommonLabels.alertname }} "
        + "{{ reReplaceAll \"(.*)Rate\" \"$1\" .CommonLabels.alertname }} {{ trimSpace \"  x \" }}", d))
        .isEqualTo("AB ab Hello World a,b true HighError x");
    assertThatThrownBy(() -> DEFAULTS.executeText("{{ date }}", d))
        .isInstanceOf(TemplateException.class).hasMessageContaining("function \"date\" not defined");
  }

  @Test
  void htmlEscapesEveryValueButSafeHtml() throws TemplateException {
    OutgoingAlert evil = alert(Labels.of("alertname", "X", "payload", "<script>alert(1)</script>"),
        Labels.of("summary", "a & b \"quoted\""), NOW.plusSeconds(60));
    TemplateData d = data(Labels.of("alertname", "X"), evil);
    String html = DEFAULTS.executeHtml("{{ template \"email.default.html\" . }}", d);
    assertThat(html).doesNotContain("<script>").contains("payload = &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("summary = a &amp; b &#34;quoted&#34;").contains("<table").contains("[1] Firing")
        .contains("href=\"http://ruler.example:8080/graph?g0.expr=rate%28errors%5B5m%5D%29\"");
    assertThat(DEFAULTS.executeHtml("<b>{{ .CommonLabels.payload }}</b>{{ safeHtml \"<i>ok</i>\" }}", d))
        .isEqualTo("<b>&lt;script&gt;alert(1)&lt;/script&gt;</b><i>ok</i>");
    assertThat(DEFAULTS.executeText("{{ .CommonLabels.payload }}", d))
        .as("text templates do not escape").isEqualTo("<script>alert(1)</script>");
  }

  @Test
  void defaultHtmlListsFiringThenResolved() throws TemplateException {
    OutgoingAlert done = alert(Labels.of("alertname", "HighErrorRate", "instance", "z:1"), Labels.EMPTY,
        NOW.minusSeconds(60));
    String html = DEFAULTS.executeHtml("{{ template \"email.default.html\" . }}",
        data(Labels.of("alertname", "HighErrorRate"), done, firing("a:1")));
    assertThat(html.indexOf("[1] Firing")).isPositive().isLessThan(html.indexOf("[1] Resolved"));
    assertThat(html.indexOf("instance = a:1")).isLessThan(html.indexOf("[1] Resolved"));
    assertThat(html.indexOf("instance = z:1")).isGreaterThan(html.indexOf("[1] Resolved"));
    assertThat(html).contains("http://tocsin.example:9097/#/alerts?receiver=mail");
  }

  @Test
  void defaultTextBody() throws TemplateException {
    String text = DEFAULTS.executeText("{{ template \"email.default.text\" . }}", twoFiring());
    assertThat(text).startsWith("[FIRING:2] HighErrorRate (critical)\n").contains("Firing (2):")
        .contains(" - instance = b:1\n").contains(" - summary = Error rate above 5%\n")
        .doesNotContain("Resolved");
  }

  @Test
  void userTemplateFileOverridesDefaultSubject(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("custom.tmpl"),
        "{{ define \"email.default.subject\" }}{{ .Status | title }}: {{ .CommonLabels.alertname }}{{ end }}\n"
            + "{{ define \"team\" }}ops{{ end }}");
    Files.writeString(dir.resolve("ignored.txt"), "{{ define \"team\" }}nope{{ end }}");
    NotificationTemplates t = NotificationTemplates.load(List.of(dir.resolve("*.tmpl")));
    assertThat(t.executeText("{{ template \"email.default.subject\" . }} {{ template \"team\" . }}", twoFiring()))
        .isEqualTo("Firing: HighErrorRate ops");
    assertThat(t.executeText("{{ template \"__subject\" . }}", twoFiring()))
        .as("the other defaults stay").isEqualTo("[FIRING:2] HighErrorRate (critical)");
  }

  @Test
  void globThatMatchesNothingIsNotAnError(@TempDir Path dir) throws Exception {
    NotificationTemplates t = NotificationTemplates.load(List.of(dir.resolve("none/*.tmpl")));
    assertThat(t.executeText("{{ template \"email.default.subject\" . }}", twoFiring()))
        .isEqualTo("[FIRING:2] HighErrorRate (critical)");
  }

  @Test
  void brokenTemplateFileNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.tmpl");
    Files.writeString(bad, "{{ define \"x\" }}\n{{ .Foo \n{{ end }}");
    assertThatThrownBy(() -> NotificationTemplates.load(List.of(bad)))
        .isInstanceOf(NotificationTemplateException.class)
        .hasMessage("template: " + bad + ":3: unexpected \"{\" in operand");
  }

  @Test
  void executionErrorsCarryGoMessages() {
    assertThatThrownBy(() -> DEFAULTS.executeText("{{ .Nope }}", twoFiring()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: :1:3: executing \"\" at <.Nope>: can't evaluate field Nope in type *template.Data");
    assertThatThrownBy(() -> DEFAULTS.executeText("{{ template \"missing\" . }}", twoFiring()))
        .hasMessageContaining("template \"missing\" not defined");
  }
}
