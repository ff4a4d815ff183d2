package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tocsin.model.LabelMatcher;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatcherParserTest {
  private static String printed(String input) throws MatcherSyntaxException {
    List<LabelMatcher> ms = MatcherParser.parse(input);
    return String.join(" ; ", ms.stream().map(LabelMatcher::toString).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", quoteCharacter = '\'', textBlock = """
      a="b"                               => a="b"
      a=b                                 => a="b"
      a!=b                                => a!="b"
      a=~"x|y"                            => a=~"x|y"
      a!~x.*                              => a!~"x.*"
      '  severity = "critical"  '         => severity="critical"
      {foo = "bar", dings != "bums", }    => foo="bar" ; dings!="bums"
      foo=bar,dings!=bums                 => foo="bar" ; dings!="bums"
      {a="x,y"}                           => a="x,y"
      'q="She said: \\"Hi, all\\""'       => q="She said: \\"Hi, all\\""
      a="line\\nbreak"                    => a="line\\nbreak"
      a=back\\slash                       => a="back\\\\slash"
      a=                                  => a=""
      a=""                                => a=""
      __name__=~"job:.*"                  => __name__=~"job:.*"
      """)
  void acceptsAlertmanagerSyntax(String input, String expected) throws Exception {
    assertThat(printed(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      a                    | bad matcher format: a                                         | 0
      '  ="x"'             | bad matcher format:   ="x"                                     | 2
      a=b,,c=d             | bad matcher format:                                            | 4
      a=b, 1x="y"          | bad matcher format:  1x="y"                                    | 5
      a-b=c                | bad matcher format: a-b=c                                      | 0
      a=x"y                | matcher value contains unescaped double quote: x"y             | 3
      a="xy                | matcher value contains unescaped double quote: "xy             | 2
      'a="x" b'            | matcher value contains unescaped double quote: "x" b           | 4
      'a=~"(x"'            | error parsing regexp: missing closing ): `(x`                  | 3
      """)
  void rejectsWithAlertmanagerMessageAndOffset(String input, String message, int offset) {
    assertThatThrownBy(() -> MatcherParser.parse(input))
        .isInstanceOfSatisfying(MatcherSyntaxException.class, e -> {
          assertThat(e.getMessage().strip()).isEqualTo(message);
          assertThat(e.offset()).isEqualTo(offset);
        });
  }

  @org.junit.jupiter.api.Test
  void regexIsAnchoredAndMatchesAbsentLabelsAsEmpty() throws Exception {
    LabelMatcher m = MatcherParser.parse("team=~\"db|web\"").get(0);
    assertThat(m.matches("db")).isTrue();
    assertThat(m.matches("dbx")).isFalse();
    assertThat(MatcherParser.parse("team!=\"\"").get(0).matches("")).isFalse();
  }
}
