package dev.tocsin.template.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.template.FunctionSet;
import dev.tocsin.template.Template;
import dev.tocsin.template.TemplateException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LokiFunctionsTest {
  private static String render(String text, Map<String, String> labels) throws TemplateException {
    return Template.parse("line", text, LokiFunctions.forParsing())
        .execute(LokiFunctions.data(labels), LokiFunctions.create(new LokiFunctions.FixedEntry("the line", 1_500_000_000L)));
  }

  @Test
  void formatsLinesFromLabelsAndTheEntry() throws TemplateException {
    assertThat(render("{{ .level | upper }} {{ __line__ }} {{ .missing }}|{{ __timestamp__ | unixEpochMillis }}",
            Map.of("level", "warn")))
        .isEqualTo("WARN the line |1500");
  }

  @Test
  void oneParseServesEveryLineThroughCurrentEntry() throws TemplateException {
    var entry = new LokiFunctions.CurrentEntry();
    FunctionSet functions = LokiFunctions.create(entry);
    Template t = Template.parse("line", "{{ __line__ | len }}", LokiFunctions.forParsing());
    entry.set("abc", 0);
    assertThat(t.execute(LokiFunctions.data(Map.of()), functions)).isEqualTo("3");
    entry.set("abcdef", 0);
    assertThat(t.execute(LokiFunctions.data(Map.of()), functions)).isEqualTo("6");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          {{ duration "1h30m" }} => 5400
          {{ duration "-1.5s" }} => -1.5
          {{ duration "1y" }} => ERROR: error calling duration: time: unknown unit "y" in duration "1y"
          {{ duration "5" }} => ERROR: error calling duration: time: missing unit in duration "5"
          {{ bytes "10 KB" }} => 10000
          {{ bytes "1x" }} => ERROR: error calling bytes: unhandled size name: x
          {{ urldecode "%zz" }} => ERROR: error calling urldecode: invalid URL escape "%zz"
          {{ regexReplaceAll "(" "x" "y" }} => ERROR: error calling regexReplaceAll: error parsing regexp: missing closing ): `(`
          {{ int "0x1f" }} {{ int "abc" }} {{ int true }} => 31 0 1
          {{ default 5 .missing }} {{ default 5 "x" }} => 5 x
          {{ substr -1 2 "héllo" }} {{ trunc 2 "héllo" }} => hé hé
          {{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-03T04:05:06+02:00" | unixEpoch }} => 1706925906
          {{ date "Jan 2, 2006 3:04pm" (toDate "2006-01-02 15:04" "2024-02-03 16:05") }} => Feb 3, 2024 4:05pm
          {{ unixToTime "1700000000123" | unixEpochNanos }} => 1700000000123000000
          {{ repeat -1 "x" }} => ERROR: error calling repeat: strings: negative Repeat count
          """)
  void mirrorsLokiAndSprigResults(String text, String expected) {
    String actual;
    try {
      actual = render(text, Map.of());
    } catch (TemplateException e) {
      actual = "ERROR: " + e.getMessage().substring(e.getMessage().indexOf("error calling"));
    }
    assertThat(actual).isEqualTo(expected);
  }
}
