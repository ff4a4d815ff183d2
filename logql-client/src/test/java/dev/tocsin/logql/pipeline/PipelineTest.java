package dev.tocsin.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tocsin.logql.ast.LogQuery;
import dev.tocsin.logql.parser.LogqlParser;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-stage behaviour written from Loki's documentation ({@code docs/sources/query/log_queries})
 * and the semantics reference: input line and labels, expected line and labels, {@code __error__}.
 */
class PipelineTest {
  /** The outcome of one line: null when dropped. */
  private record Out(String line, Labels labels) {}

  private static Out run(String query, String line) {
    return run(query, line, Labels.EMPTY);
  }

  private static Out run(String query, String line, Labels metadata) {
    LogQuery q = (LogQuery) LogqlParser.parseLog(query);
    Labels.Builder stream = Labels.builder();
    for (LabelMatcher m : q.selector().matchers()) {
      stream.put(m.name(), m.value());
    }
    LineContext ctx = Pipeline.compile(q.stages()).process(42_000_000_000L, line, stream.build(), metadata);
    return ctx == null ? null : new Out(ctx.line(), ctx.labels().toLabels());
  }

  private static Labels labels(String... kv) {
    return Labels.of(kv);
  }

  // --- line filters -------------------------------------------------------------------------

  @Test
  void containsIsCaseSensitiveAndEmptyMatchesAll() {
    assertThat(run("{app=\"a\"} |= \"err\"", "an error")).isNotNull();
    assertThat(run("{app=\"a\"} |= \"ERR\"", "an error")).isNull();
    assertThat(run("{app=\"a\"} != \"err\"", "an error")).isNull();
    assertThat(run("{app=\"a\"} |= \"\"", "anything")).isNotNull();
  }

  @Test
  void regexIsUnanchoredAndOrOperandsInheritTheOperator() {
    assertThat(run("{app=\"a\"} |~ \"code=5..\"", "x code=503 y")).isNotNull();
    assertThat(run("{app=\"a\"} |~ \"(?i)CODE=5\"", "code=503")).isNotNull();
    assertThat(run("{app=\"a\"} |= \"error\" or \"warn\"", "a warn")).isNotNull();
    assertThat(run("{app=\"a\"} != \"error\" or \"warn\"", "a warn")).isNull();
    assertThat(run("{app=\"a\"} != \"error\" or \"warn\"", "info")).isNotNull();
  }

  @Test
  void patternFilterMatchesTheWholeLine() {
    assertThat(run("{app=\"a\"} |> \"GET <_> 200\"", "GET /api 200")).isNotNull();
    assertThat(run("{app=\"a\"} |> \"GET /api\"", "GET /api 200")).isNull();
    assertThat(run("{app=\"a\"} |> \"<_> error <_>\"", "error here")).isNull();
    assertThat(run("{app=\"a\"} !> \"GET <_> 200\"", "POST /api 500")).isNotNull();
    assertThatThrownBy(() -> run("{app=\"a\"} |> \"<verb> /api\"", "x"))
        .isInstanceOf(PipelineException.class)
        .hasMessage("named captures are not allowed");
  }

  @Test
  void ipFilterFindsAddressesInsideTheLine() {
    assertThat(run("{app=\"a\"} |= ip(\"192.168.1.0/24\")", "src 192.168.1.10 ok")).isNotNull();
    assertThat(run("{app=\"a\"} |= ip(\"192.168.1.0/24\")", "src 192.168.2.10 ok")).isNull();
    assertThat(run("{app=\"a\"} |= ip(\"10.0.0.1-10.0.0.9\")", "peer=10.0.0.7:443")).isNotNull();
    assertThat(run("{app=\"a\"} |= ip(\"2001:db8::/32\")", "v6 2001:db8::1 up")).isNotNull();
    assertThat(run("{app=\"a\"} != ip(\"192.168.1.0/24\")", "no ip here")).isNotNull();
    assertThatThrownBy(() -> run("{app=\"a\"} |= ip(\"notanip\")", "x")).hasMessage("ip: invalid pattern");
    assertThatThrownBy(() -> run("{app=\"a\"} |~ \"x\" or ip(\"1.2.3.4\")", "x")).hasMessage("ip: invalid operation");
  }

  // --- json ---------------------------------------------------------------------------------

  @Test
  void jsonFlattensNestedObjectsAndKeepsNumbersAsWritten() {
    Out o = run("{app=\"a\"} | json", "{\"a\":{\"b.c\":1},\"p\":0.50,\"e\":1e3,\"ok\":true,\"n\":null,\"arr\":[1,2],\"s\":\"x\\u00e9\"}");
    assertThat((Object) o.labels())
        .isEqualTo(labels("app", "a", "a_b_c", "1", "p", "0.50", "e", "1e3", "ok", "true", "s", "xé"));
  }

  @Test
  void jsonOnANonObjectSetsJsonParserErrWithDetails() {
    Out o = run("{app=\"a\"} | json", "plain text");
    assertThat(o.labels().get("__error__")).isEqualTo("JSONParserErr");
    assertThat(o.labels().get("__error_details__")).isNotEmpty();
    assertThat(run("{app=\"a\"} | json", "[1,2]").labels().get("__error__")).isEqualTo("JSONParserErr");
  }

  @Test
  void jsonKeepsFieldsFoundBeforeAnError() {
    Out o = run("{app=\"a\"} | json", "{\"a\":\"1\",\"b\":tru");
    assertThat(o.labels().get("a")).isEqualTo("1");
    assertThat(o.labels().get("__error__")).isEqualTo("JSONParserErr");
  }

  @Test
  void jsonClashWithStreamLabelGoesToExtractedAndFirstDuplicateWins() {
    Out o = run("{app=\"a\", level=\"stream\"} | json", "{\"level\":\"parsed\",\"dup\":\"first\",\"dup\":\"second\"}");
    assertThat((Object) o.labels())
        .isEqualTo(labels("app", "a", "level", "stream", "level_extracted", "parsed", "dup", "first"));
  }

  @Test
  void jsonWithPathsSelectsNestedValuesAndEmptyForMissing() {
    String line = "{\"servers\":[\"a\",\"b\"],\"request\":{\"headers\":{\"User-Agent\":\"curl\"},\"size\":12},\"x\":null}";
    Out o = run("{app=\"a\"} | json first=\"servers[0]\", ua=`request.headers[\"User-Agent\"]`, req=\"request\", miss=\"nope.deeper\", nul=\"x\"", line);
    assertThat(o.labels().get("first")).isEqualTo("a");
    assertThat(o.labels().get("ua")).isEqualTo("curl");
    assertThat(o.labels().get("req")).isEqualTo("{\"headers\":{\"User-Agent\":\"curl\"},\"size\":12}");
    assertThat(o.labels().get("miss")).isEmpty();
    assertThat(o.labels().get("nul")).isEmpty();
    assertThat(run("{app=\"a\"} | json a=\"b\"", "oops").labels().get("__error__")).isEqualTo("JSONParserErr");
    assertThatThrownBy(() -> run("{app=\"a\"} | json bad=\"user[\"", "{}")).hasMessageContaining("cannot parse expression");
  }

  // --- logfmt -------------------------------------------------------------------------------

  @Test
  void logfmtSanitizesKeysAndDropsEmptyValuesUnlessKeepEmpty() {
    String line = "a-b=1 9x=2 dup=first dup=second msg=\"hi \\\"there\\\"\" empty= bare";
    assertThat((Object) run("{app=\"a\"} | logfmt", line).labels())
        .isEqualTo(labels("app", "a", "a_b", "1", "_9x", "2", "dup", "first", "msg", "hi \"there\""));
    Out keep = run("{app=\"a\"} | logfmt --keep-empty", line);
    assertThat(keep.labels().get("empty")).isEmpty();
    assertThat(keep.labels().get("bare")).isEmpty();
  }

  @Test
  void logfmtSkipsMalformedPairsUnlessStrict() {
    assertThat((Object) run("{app=\"a\"} | logfmt", "good=1 =bad a=b=c after=2").labels())
        .isEqualTo(labels("app", "a", "good", "1", "after", "2"));
    Out strict = run("{app=\"a\"} | logfmt --strict", "good=1 =bad after=2");
    assertThat(strict.labels().get("good")).isEqualTo("1");
    assertThat(strict.labels().has("after")).isFalse();
    assertThat(strict.labels().get("__error__")).isEqualTo("LogfmtParserErr");
    assertThat(strict.labels().get("__error_details__")).startsWith("logfmt syntax error at pos ").contains("unexpected '='");
  }

  @Test
  void logfmtWithParametersCreatesMissingLabelsEmpty() {
    Out o = run("{app=\"a\"} | logfmt level, code=\"status\", gone", "level=info status=200 msg=hi");
    assertThat((Object) o.labels()).isEqualTo(labels("app", "a", "level", "info", "code", "200", "gone", ""));
  }

  // --- regexp, pattern, unpack --------------------------------------------------------------

  @Test
  void regexpExtractsNamedGroupsAndKeepsNonMatchingLines() {
    Out o = run("{app=\"a\"} | regexp `(?P<method>\\w+) (?P<path>\\S+)(?: (?P<status>\\d+))?`", "GET /home");
    assertThat((Object) o.labels()).isEqualTo(labels("app", "a", "method", "GET", "path", "/home", "status", ""));
    assertThat((Object) run("{app=\"a\"} | regexp `(?P<num>\\d+)`", "none").labels()).isEqualTo(labels("app", "a"));
  }

  @Test
  void patternExtractsLikeLokisNginxExample() {
    String line = "0.191.12.2 - - [10/Jun/2021:09:14:29 +0000] \"GET /api/plugins/versioncheck HTTP/1.1\" 200 2 \"-\" \"Go-http-client/2.0\" \"13.76.247.102, 34.120.177.193\" \"TLSv1.2\" \"US\" \"\"";
    Out o = run("{app=\"a\"} | pattern `<ip> - - <_> \"<method> <uri> <_>\" <status> <size> <_> \"<agent>\" <_>`", line);
    assertThat((Object) o.labels())
        .isEqualTo(labels("app", "a", "ip", "0.191.12.2", "method", "GET", "uri", "/api/plugins/versioncheck",
            "status", "200", "size", "2", "agent", "Go-http-client/2.0"));
    assertThat((Object) run("{app=\"a\"} | pattern `<method> <path>`", "POST").labels())
        .isEqualTo(labels("app", "a", "method", "POST"));
    assertThat((Object) run("{app=\"a\"} | pattern `GET <path>`", "POST /x").labels()).isEqualTo(labels("app", "a"));
  }

  @Test
  void unpackPromotesStringFieldsAndReplacesTheLineWithEntry() {
    Out o = run("{app=\"a\"} | unpack", "{\"lvl\":\"info\",\"num\":5,\"_entry\":\"code=42\"}");
    assertThat(o.line()).isEqualTo("code=42");
    assertThat((Object) o.labels()).isEqualTo(labels("app", "a", "lvl", "info"));
    Out e = run("{app=\"a\"} | unpack", "not json");
    assertThat(e.labels().get("__error__")).isEqualTo("JSONParserErr");
    assertThat(e.labels().get("__error_details__")).isEqualTo("expecting json object(6), but it is not");
  }

  @Test
  void structuredMetadataJoinsTheLabelsAndClashesSpillToExtracted() {
    Out o = run("{app=\"a\", sm=\"s\", tri=\"s\"} | logfmt", "md=p tri=p", labels("md", "m", "sm", "m", "tri", "m"));
    assertThat((Object) o.labels())
        .isEqualTo(labels("app", "a", "md", "m", "md_extracted", "p", "sm", "s", "sm_extracted", "m", "tri", "s", "tri_extracted", "p"));
  }

  // --- label filters ------------------------------------------------------------------------

  @Test
  void numericFilterComparesAsFloatAndFlagsUnconvertibleValues() {
    assertThat(run("{app=\"a\"} | logfmt | code = 200", "code=200.0")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | code = \"200\"", "code=200.0")).isNull();
    assertThat(run("{app=\"a\"} | logfmt | code > 400", "other=1")).isNull();
    Out bad = run("{app=\"a\"} | logfmt | status > 400", "status=oops");
    assertThat(bad.labels().get("__error__")).isEqualTo("LabelFilterErr");
    assertThat(bad.labels().get("__error_details__")).isEqualTo("strconv.ParseFloat: parsing \"oops\": invalid syntax");
    assertThat(run("{app=\"a\"} | logfmt | status > 400 | __error__=\"\"", "status=oops")).isNull();
  }

  @Test
  void durationAndBytesFiltersUseGoConversions() {
    assertThat(run("{app=\"a\"} | logfmt | took > 1s", "took=1500ms")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | took > 1s", "took=500us")).isNull();
    assertThat(run("{app=\"a\"} | logfmt | took > 1s", "took=90").labels().get("__error_details__"))
        .isEqualTo("time: missing unit in duration \"90\"");
    assertThat(run("{app=\"a\"} | logfmt | took == 1d", "took=1d").labels().get("__error_details__"))
        .isEqualTo("time: unknown unit \"d\" in duration \"1d\"");
    assertThat(run("{app=\"a\"} | logfmt | size >= 1KiB", "size=1024")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | size > 1MB", "size=2mb")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | size > 1MB", "size=\"1,024 KB\"")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | size > 1MB", "size=oops").labels().get("__error_details__"))
        .isEqualTo("strconv.ParseFloat: parsing \"\": invalid syntax");
  }

  @Test
  void orShortCircuitsAndAndEvaluatesBothSides() {
    assertThat(run("{app=\"a\"} | logfmt | lvl=\"error\" or took > 1s", "lvl=error took=oops").labels().has("__error__"))
        .isFalse();
    assertThat(run("{app=\"a\"} | logfmt | took > 1s or lvl=\"error\"", "lvl=error took=oops").labels().get("__error__"))
        .isEqualTo("LabelFilterErr");
    assertThat(run("{app=\"a\"} | logfmt | took > 1s and size < 1MB", "took=oops size=3MB")).isNull();
    assertThat(run("{app=\"a\"} | logfmt | x > 1s and y > 1s", "x=nope y=90").labels().get("__error_details__"))
        .isEqualTo("time: invalid duration \"nope\"");
  }

  @Test
  void ipLabelFilterKeepsErroredLinesAndDropsMissingLabels() {
    assertThat(run("{app=\"a\"} | logfmt | addr = ip(\"10.0.0.0/8\")", "addr=\"client 10.0.0.7:80\"")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | addr != ip(\"10.0.0.0/8\")", "other=1")).isNull();
    assertThat(run("{app=\"a\"} | json | addr = ip(\"1.2.3.0/24\")", "not json").labels().get("__error__"))
        .isEqualTo("JSONParserErr");
  }

  @Test
  void stringFilterSeesErrorsAndMissingLabelsAsEmpty() {
    assertThat(run("{app=\"a\"} | json | addr=\"1.2.3.4\"", "not json")).isNull();
    assertThat(run("{app=\"a\"} | json | addr!=\"1.2.3.4\"", "not json").labels().get("__error__")).isEqualTo("JSONParserErr");
    assertThat(run("{app=\"a\"} | json | __error__!=\"JSONParserErr\"", "not json")).isNull();
    assertThat(run("{app=\"a\"} | logfmt | name=~\"al.*\"", "name=alpha")).isNotNull();
    assertThat(run("{app=\"a\"} | logfmt | name=~\"alph\"", "name=alpha")).isNull();
  }

  // --- formatting and label stages ----------------------------------------------------------

  @Test
  void lineFormatRendersLabelsLineAndTimestamp() {
    Out o = run("{app=\"a\"} | logfmt | line_format \"{{.level | ToUpper}} {{ __line__ | len }} {{ .missing }}|{{ __timestamp__ | unixEpoch }}\"", "level=info");
    assertThat(o.line()).isEqualTo("INFO 10 |42");
    assertThat(o.labels().get("level")).isEqualTo("info");
  }

  @Test
  void lineFormatErrorsAreCaughtAtBuildOrFlagTheLine() {
    assertThatThrownBy(() -> run("{app=\"a\"} | line_format \"{{.a\"", "x"))
        .isInstanceOf(PipelineException.class)
        .hasMessageStartingWith("invalid line template: ");
    Out o = run("{app=\"a\"} | logfmt | line_format \"{{ div 1 0 }}\"", "a=1");
    assertThat(o.line()).isEqualTo("a=1");
    assertThat(o.labels().get("__error__")).isEqualTo("TemplateFormatErr");
  }

  @Test
  void labelFormatRenamesAndTemplates() {
    Out o = run("{app=\"a\"} | logfmt | label_format up=\"{{.src | ToUpper}}-{{.app}}\", dst=src", "src=v");
    assertThat((Object) o.labels()).isEqualTo(labels("app", "a", "dst", "v", "up", "V-a"));
    // Loki renders templates from the labels as they are when the stage's first template runs,
    // so a rename written before the template has already removed its source.
    Out renamedFirst = run("{app=\"a\"} | logfmt | label_format dst=src, up=\"{{.src}}-{{.dst}}\"", "src=v");
    assertThat((Object) renamedFirst.labels()).isEqualTo(labels("app", "a", "dst", "v", "up", "-v"));
    Out absent = run("{app=\"a\"} | label_format dst=nosuch", "x");
    assertThat((Object) absent.labels()).isEqualTo(labels("app", "a"));
  }

  @Test
  void dropAndKeepWorkOnAllLabelsButKeepNeverRemovesErrors() {
    assertThat((Object) run("{app=\"a\", pod=\"p\"} | logfmt | drop pod, level=\"debug\"", "level=debug x=1").labels())
        .isEqualTo(labels("app", "a", "x", "1"));
    assertThat((Object) run("{app=\"a\"} | logfmt | drop level=\"debug\"", "level=info").labels())
        .isEqualTo(labels("app", "a", "level", "info"));
    Out kept = run("{app=\"a\", pod=\"p\"} | json | keep app", "bad");
    assertThat(kept.labels().names()).containsExactly("__error__", "__error_details__", "app");
    assertThat((Object) run("{app=\"a\"} | json | drop __error__, __error_details__", "bad").labels()).isEqualTo(labels("app", "a"));
  }

  @Test
  void decolorizeStripsAnsiSequences() {
    assertThat(run("{app=\"a\"} | decolorize", "\u001b[31mred\u001b[0m text").line()).isEqualTo("red text");
  }

  @Test
  void sanitizerFollowsLoki() {
    assertThat(LabelNameSanitizer.sanitize(" a.b ")).isEqualTo("a_b");
    assertThat(LabelNameSanitizer.sanitize("9x")).isEqualTo("_9x");
    assertThat(LabelNameSanitizer.sanitize("é-z")).isEqualTo("__z");
    assertThat(LabelNameSanitizer.sanitize("  ")).isEmpty();
  }

  // --- bad input ----------------------------------------------------------------------------

  @Test
  void hostileLinesFinishQuickly() {
    String mb = "x".repeat(1 << 20);
    String deep = "{\"a\":".repeat(200_000);
    String brackets = "[".repeat(500_000);
    String aaa = "a".repeat(100_000) + "!";
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          assertThat(run("{app=\"a\"} | json", "{\"k\":\"" + mb + "\"}").labels().get("k")).hasSize(1 << 20);
          assertThat(run("{app=\"a\"} | json", deep).labels().get("__error__")).isEqualTo("JSONParserErr");
          assertThat(run("{app=\"a\"} | json a=\"b\"", brackets).labels().get("__error__")).isEqualTo("JSONParserErr");
          assertThat(run("{app=\"a\"} | logfmt", mb + "=" + mb).labels().size()).isEqualTo(2);
          assertThat(run("{app=\"a\"} | logfmt --strict", "\"".repeat(1 << 20)).labels().get("__error__"))
              .isEqualTo("LogfmtParserErr");
          // re2j runs in linear time: PCRE would backtrack exponentially here.
          assertThat(run("{app=\"a\"} |~ \"(a+)+!$\"", aaa)).isNotNull();
          assertThat(run("{app=\"a\"} |~ \"^(a|aa)+$\"", aaa)).isNull();
          assertThat(run("{app=\"a\"} | regexp \"(?P<x>(a*)*b)\"", aaa).labels().has("x")).isFalse();
          assertThat(run("{app=\"a\"} | pattern \"<a> <b> <c>\"", mb).labels().get("a")).hasSize(1 << 20);
          assertThat(run("{app=\"a\"} |= ip(\"1.2.3.4\")", "1.2.3.".repeat(100_000))).isNull();
        });
  }

  @Test
  void replacementCharactersPassThroughParsers() {
    Out o = run("{app=\"a\"} | json", "{\"k\":\"bad \uFFFD\uFFFD bytes\",\"\uFFFDkey\":1}");
    assertThat(o.labels().get("k")).isEqualTo("bad \uFFFD\uFFFD bytes");
    assertThat(o.labels().get("_key")).isEqualTo("1");
    assertThat(run("{app=\"a\"} | logfmt", "k=\uFFFD").labels().get("k")).isEqualTo("\uFFFD");
  }

  @Test
  void templateDataIsEveryCurrentLabel() {
    LabelState s = new LabelState();
    s.reset(labels("app", "a"), labels("trace", "t"));
    s.addParsed("app", "p");
    s.setError("X", "y");
    assertThat(s.asMap()).isEqualTo(Map.of("app", "a", "trace", "t", "app_extracted", "p", "__error__", "X", "__error_details__", "y"));
  }
}
