package dev.tocsin.engine.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.engine.daemon.GroupStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status page's content and escaping; the browser test checks it renders. */
class StatusPageTest {
  private static final List<GroupStatus> GROUPS = Fixtures.evaluated(Fixtures.ruleFile("<rules>.yml", """
      groups:
        - name: "<g&1>"
          rules:
            - alert: Boom
              expr: up{job="<x>"} == 0
              labels: {team: "a<b"}
            - record: r:x
              expr: vector(1)
      """));

  @Test
  void listsAlertsAndRulesWithEveryValueEscaped() {
    String html = StatusPage.render(GROUPS, (g, r) -> "http://prom:9090/graph?g0.expr=up&g0.tab=1", Fixtures.NOW,
        null, null);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta http-equiv=\"refresh\" content=\"10\">")
        .doesNotContain("<script").doesNotContain("<b>bold").doesNotContain("<g&1>").doesNotContain("a<b");
    assertThat(html).contains("<span class=\"state firing\">firing</span></td><td class=\"alertname\">Boom</td>")
        .contains("<span class=\"lbl\">team=\"a&lt;b\"</span>")
        .contains("<dt>summary</dt><dd>&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;</dd>")
        .contains("<time datetime=\"2026-01-02T03:03:05Z\">2026-01-02T03:03:05Z</time> (1m ago)")
        .contains("<a class=\"source\" href=\"http://prom:9090/graph?g0.expr=up&amp;g0.tab=1\">source</a>")
        .contains("<h3>&lt;g&amp;1&gt;</h3><div class=\"meta\">&lt;rules&gt;.yml · every 15s")
        .contains("<td>promql</td><td><pre>up{job=&#34;&lt;x&gt;&#34;} == 0</pre></td>")
        .contains("<td class=\"err\">err</td><td><pre class=\"err\">query failed: &lt;script&gt;</pre></td>");
  }

  @Test
  void selectsOneRuleAndNeverLinksToScripts() {
    String html = StatusPage.render(GROUPS, (g, r) -> "javascript:alert(1)", Fixtures.NOW, "<g&1>", "r:x");
    assertThat(html).contains("No active alerts.").contains("record: r:x").doesNotContain("alert: Boom")
        .doesNotContain("javascript:");
    assertThat(StatusPage.render(List.of(), (g, r) -> null, Fixtures.NOW, null, null)).contains("No rule groups.");
  }
}
