package dev.tocsin.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.template.funcs.LokiFunctions;
import dev.tocsin.template.funcs.PrometheusFunctions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random token soup must only ever produce output or a TemplateException, never another throwable. */
class RobustnessTest {
  private static final String[] TOKENS = {
    "{{", "}}", "{{- ", " -}}", " ", "\n", "(", ")", "|", "$", "$x", "$x := ", "$x = ", ".", ".a", ".Labels",
    ".Value", "$labels", "$value", "if ", "else ", "end", "range ", "with ", "define ", "template ", "block ",
    "break", "continue", "\"s\"", "`r`", "'c'", "1", "-2.5", "0x1F", "1e3", "nil", "true", ",", ":=",
    "printf ", "\"%d %s %v %x %5.2f %[2]d %*d\" ", "len ", "index ", "slice ", "eq ", "lt ", "and ", "or ",
    "not ", "html ", "js ", "urlquery ", "print ", "humanize ", "title ", "first ", "query \"up\" ", "args ",
    "reReplaceAll \"(\" ", "match ", "toTime ", "humanizeDuration ", "\"", "/*", "*/", "é", "%", "@", "{", "}",
  };

  @Test
  void randomTemplatesFailOnlyWithTemplateExceptions() {
    SplittableRandom rnd = new SplittableRandom(Long.getLong("fuzz.seed", 7));
    FunctionSet prom = PrometheusFunctions.create(
        new PrometheusFunctions.Context((e, t) -> List.of(new QuerySample(Labels.of("a", "b"), 1)), Instant.EPOCH, null));
    Object data = Map.of("Labels", Labels.of("job", "x"), "Value", 1.5, "a", List.of(1, "two", 3.0));
    int parsed = 0;
    for (int i = 0; i < Integer.getInteger("fuzz.count", 30_000); i++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(1, 25);
      for (int k = 0; k < n; k++) {
        sb.append(TOKENS[rnd.nextInt(TOKENS.length)]);
      }
      String text = sb.toString();
      try {
        Template t = Template.parse("fuzz", text, prom);
        parsed++;
        t.execute(data);
      } catch (TemplateException e) {
        assertThat(e.getMessage()).as(text).startsWith("template: ");
      } catch (Throwable e) {
        throw new AssertionError("template " + GoStringLiteral.of(text) + " threw " + e, e);
      }
      try {
        Template.parse("line", text, LokiFunctions.forParsing()).execute(LokiFunctions.data(Map.of("a", "b")));
      } catch (TemplateException e) {
        // expected for most soups
      } catch (Throwable e) {
        throw new AssertionError("loki template " + GoStringLiteral.of(text) + " threw " + e, e);
      }
    }
    assertThat(parsed).isGreaterThan(100);
  }

  /** Quotes the failing template so it can be pasted into a test. */
  private static final class GoStringLiteral {
    static String of(String s) {
      return dev.tocsin.template.fmt.GoFmt.quote(s);
    }
  }
}
