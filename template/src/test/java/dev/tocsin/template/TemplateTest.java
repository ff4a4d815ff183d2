package dev.tocsin.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.Labels;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {
  private static String render(String text, Object data) throws TemplateException {
    return Template.parse("t", text, FunctionSet.EMPTY).execute(data);
  }

  private static String error(String text, Object data) {
    try {
      return "OK: " + render(text, data);
    } catch (TemplateException e) {
      return e.getMessage();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '~',
      textBlock =
          """
          {{ .x => template: t:1: unclosed action
          {{ nosuchfunc }} => template: t:1: function "nosuchfunc" not defined
          {{ $nosuchvar }} => template: t:1: undefined variable "$nosuchvar"
          {{ if 1 }} => template: t:1: unexpected EOF
          {{ end }} => template: t:1: unexpected {{end}}
          {{ 1 | 2 }} => template: t:1: non executable command in pipeline stage 2
          {{ (1 }} => template: t:1: unclosed left paren
          {{ break }} => template: t:1: {{break}} outside {{range}}
          ~{{ "abc }}~ => template: t:1: unterminated quoted string
          {{ 3x }} => template: t:1: bad number syntax: "3x"
          {{/* x }} => template: t:1: unclosed comment
          ~a\nb\n{{ nope }}~ => template: t:3: function "nope" not defined
          """)
  void reportsParseErrorsInGoWording(String text, String message) {
    String t = text.replace("\\n", "\n");
    assertThatThrownBy(() -> Template.parse("t", t, FunctionSet.EMPTY))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  @Test
  void reportsExecutionErrorsWithLineAndByteColumn() {
    assertThat(error("{{ eq 1 1.5 }}", null))
        .isEqualTo("template: t:1:3: executing \"t\" at <eq 1 1.5>: error calling eq: incompatible types for comparison");
    assertThat(error("é\n  {{ len 3 }}", null))
        .isEqualTo("template: t:2:5: executing \"t\" at <len 3>: error calling len: len of type int");
    assertThat(error("{{ .a.b }}", Map.of("a", "s")))
        .isEqualTo("template: t:1:5: executing \"t\" at <.a.b>: can't evaluate field b in type string");
  }

  @Test
  void executesNamedTemplatesOfASet() throws TemplateException {
    Template t = Template.parse("notify", "{{ define \"title\" }}[{{ .status }}] {{ .name }}{{ end }}"
        + "{{ define \"body\" }}{{ template \"title\" . }}: {{ len .name }}{{ end }}", FunctionSet.EMPTY);
    assertThat(t.templateNames()).containsExactlyInAnyOrder("notify", "title", "body");
    Map<String, String> data = Map.of("status", "firing", "name", "HighLoad");
    assertThat(t.executeTemplate("body", data, FunctionSet.EMPTY)).isEqualTo("[firing] HighLoad: 8");
    assertThatThrownBy(() -> t.executeTemplate("nope", data, FunctionSet.EMPTY))
        .hasMessage("template: no template \"nope\" associated with template \"notify\"");
    assertThatThrownBy(() -> Template.parse("n", "{{ define \"x\" }}{{ len 1 }}{{ end }}", FunctionSet.EMPTY)
            .executeTemplate("x", null, FunctionSet.EMPTY))
        .hasMessage("template: n:1:19: executing \"x\" at <len 1>: error calling len: len of type int");
  }

  @Test
  void printfReportsWrongArgumentsInline() throws TemplateException {
    assertThat(render("{{ printf \"%d %s\" \"x\" }}", null)).isEqualTo("%!d(string=x) %!s(MISSING)");
    assertThat(render("{{ printf \"%d\" 1 2 }}", null)).isEqualTo("1%!(EXTRA int=2)");
    assertThat(render("{{ printf \"%z\" 1.5 }}", null)).isEqualTo("%!z(float64=1.5)");
  }

  @Test
  void missingMapKeysRenderAsZeroValue() throws TemplateException {
    assertThat(render("[{{ .Labels.none }}]", Map.of("Labels", Labels.of("a", "b")))).isEqualTo("[]");
    assertThat(render("[{{ .none }}]", Map.of("a", 1))).isEqualTo("[<no value>]");
  }

  @Test
  @Timeout(60)
  void acceptsTenThousandNestedParenthesesAndRejectsMore() throws TemplateException {
    String ok = "{{ " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }}";
    assertThat(render(ok, null)).isEqualTo("1");
    String deep = "{{ " + "(".repeat(10_001) + "1" + ")".repeat(10_001) + " }}";
    assertThat(error(deep, null)).isEqualTo("template: t:1: max expression depth exceeded");
  }

  @Test
  @Timeout(60)
  void executesTenThousandNestedIfs() throws TemplateException {
    String text = "{{ if 1 }}".repeat(10_000) + "x" + "{{ end }}".repeat(10_000);
    assertThat(render(text, null)).isEqualTo("x");
  }

  @Test
  @Timeout(60)
  void stopsRecursiveTemplatesWithGoMessage() {
    String text = "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" 1 }}";
    assertThat(error(text, null)).endsWith("exceeded maximum template depth (100000)");
  }

  @Test
  @Timeout(60)
  void boundsRangesOverHugeValues() {
    assertThat(error("{{ range 1000000000000 }}xxxxxxxxxx{{ end }}", null)).startsWith("template: t:1:").contains("exceeds");
    assertThat(error("{{ range 1000000000000 }}{{ end }}", null)).contains("execution exceeded");
    assertThat(error("{{ range 1000000000 }}{{ $x := printf \"%1000000d\" 1 }}{{ end }}", null))
        .contains("execution exceeded 10s");
  }

  @Test
  void executesConcurrentlyFromOneParse() throws Exception {
    Template t = Template.parse("t", "{{ range $k, $v := . }}{{ $k }}={{ $v }},{{ end }}", FunctionSet.EMPTY);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(pool.submit(() -> t.execute(Map.of("a", n, "b", "x"))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("a=" + i + ",b=x,");
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void expandsAlertTemplatesWithPreambleAndErrorText() {
    var ctx = new PrometheusFunctions.Context((e, t) -> List.of(), Instant.EPOCH, null);
    Labels labels = Labels.of("instance", "h:9090");
    assertThat(AlertTemplates.expand("A", "{{ $labels.instance }} has {{ $value | humanize }} errors", labels, 1234567,
            Labels.EMPTY, "", ctx))
        .isEqualTo("h:9090 has 1.235M errors");
    assertThat(AlertTemplates.expand("T", "{{ query \"x\" | first }}", labels, 1, Labels.EMPTY, "", ctx))
        .isEqualTo("<error expanding template: error executing template __alert_T: template: __alert_T:1:127: "
            + "executing \"__alert_T\" at <first>: error calling first: first() called on vector with no elements>");
    assertThat(AlertTemplates.check("A", "{{ nosuchfunc }}")).isEqualTo("template: __alert_A:1: function \"nosuchfunc\" not defined");
    assertThat(AlertTemplates.check("A", "{{ .Foo }}")).isNull();
  }

  @Test
  void queryResultsExposeLabelsAndValues() {
    QueryFunction q = (expr, time) -> List.of(
        new QuerySample(Labels.of("__name__", "up", "job", "b"), 1),
        new QuerySample(Labels.of("__name__", "up", "job", "a"), 0));
    var ctx = new PrometheusFunctions.Context(q, Instant.ofEpochSecond(1000), "http://x.example/prefix");
    String text = "{{ range sortByLabel \"job\" (query \"up\") }}{{ .Labels.job }}={{ .Value }} {{ end }}"
        + "{{ with query \"up\" }}{{ . | first | value }} {{ (first .) | label \"job\" }}{{ end }} {{ now }} {{ pathPrefix }} {{ externalURL }}";
    assertThat(AlertTemplates.expand("Q", text, Labels.EMPTY, 0, Labels.EMPTY, "", ctx))
        .isEqualTo("a=0 b=1 1 b 1000 /prefix http://x.example/prefix");
  }
}
