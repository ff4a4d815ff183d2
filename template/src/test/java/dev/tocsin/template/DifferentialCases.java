package dev.tocsin.template;

import dev.tocsin.model.Labels;
import dev.tocsin.template.PromtoolDifferentialTest.Case;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential corpus: number formats, string functions, language constructs, printf verbs,
 * execution errors and parse errors. Avoids what differs between promtool 2.42 and 3.x: the type
 * of {@code .Value} in error messages, range over integers, {@code else with}, {@code toDuration},
 * {@code now}, {@code urlQueryEscape} and timestamps beyond int64 nanoseconds.
 */
final class DifferentialCases {
  private DifferentialCases() {}

  static final String[] VALUES = {
    "0", "1", "-1", "0.5", "-0.5", "1234567", "-1234567", "123.456", "0.00012", "1e-7", "1e21", "1e20",
    "999999", "1000000", "100000", "0.1", "0.3333333333333333", "2.5", "1e-300", "1.7976931348623157e308",
    "5e-324", "NaN", "Inf", "-Inf", "1435065584.128", "90061", "59.9", "0.25", "86400", "3599.5", "1048576",
    "512", "1023.5", "1e15", "123456789012", "0.0001", "0.00001", "42", "7.0e-5", "-0.001"
  };

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    Labels base = Labels.of("instance", "foo.example.com:9090", "job", "node");
    String[] valueTemplates = {
      "{{ $value }}",
      "{{ humanize $value }}",
      "{{ humanize1024 $value }}",
      "{{ humanizeDuration $value }}",
      "{{ humanizePercentage $value }}",
      "{{ printf \"%.2f|%e|%g|%v|%G|%E\" $value $value $value $value $value $value }}",
      "{{ printf \"%8.3f|%-10.2e|%+.3g|% f|%010.3f|%.0f|%5.1g\" $value $value $value $value $value $value $value }}",
    };
    for (String v : VALUES) {
      for (String t : valueTemplates) {
        cases.add(new Case(t, v, base));
      }
    }
    for (String v : new String[] {"0", "1435065584.128", "-1.5", "1e9", "NaN", "Inf", "1.001", "1234567890.5"}) {
      cases.add(new Case("{{ humanizeTimestamp $value }}", v, base));
      cases.add(new Case("{{ $value | toTime }}", v, base));
    }
    // Numeric strings and literals.
    for (String lit : new String[] {"\"1234\"", "\"abc\"", "\"1e3\"", "\"-0\"", "\"0x10\"", "\"inf\"", "\"NaN\"", "1234", "1.5",
        "\"\"", "true", "\"1_000\"", "\" 1\""}) {
      cases.add(new Case("{{ humanize " + lit + " }}", "1", base));
    }
    cases.add(new Case("{{ humanizeDuration \"90061\" }}", "1", base));
    cases.add(new Case("{{ humanize1024 \"1048576\" }}", "1", base));
    // String functions over labels.
    String[] instances = {"foo.example.com:9090", "[::1]:80", "10.0.0.1:80", "host", "a.b.c", "::1", "foo:bar:baz",
        "[fe80::1]:9100", "localhost:", ":80", "10.0.0.1", "Héllo wörld-x_y z'a", "UPPER lower"};
    String[] stringTemplates = {
      "{{ $labels.instance | stripPort }}",
      "{{ $labels.instance | stripDomain }}",
      "{{ $labels.instance | title }}",
      "{{ $labels.instance | toUpper }}|{{ $labels.instance | toLower }}",
      "{{ $labels.instance | graphLink }} {{ tableLink $labels.instance }}",
      "{{ html $labels.instance }}|{{ js $labels.instance }}|{{ urlquery $labels.instance }}",
      "{{ printf \"%q|%x|%X|%10s|%-10s|%.3s\" $labels.instance $labels.instance $labels.instance $labels.instance $labels.instance $labels.instance }}",
      "{{ len $labels.instance }} {{ match \"^[a-z]+\" $labels.instance }} {{ reReplaceAll \"([a-z]+)\\\\.\" \"<$1>\" $labels.instance }}",
    };
    for (String inst : instances) {
      for (String t : stringTemplates) {
        cases.add(new Case(t, "1", Labels.of("instance", inst, "job", "node")));
      }
    }
    String[] misc = {
      // variables, maps, ranges
      "{{ $labels }}",
      "{{ $externalLabels }} {{ $externalURL }}",
      "{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}",
      "{{ range $labels }}[{{ . }}]{{ end }}",
      "{{ range $i, $e := args 1 \"a\" 2.5 }}{{ $i }}:{{ $e }} {{ end }}",
      "{{ range $k, $v := args 1 2 3 }}{{ range $k2, $v2 := args \"x\" \"y\" }}{{ $k }}{{ $k2 }}{{ $v }}{{ $v2 }},{{ end }}{{ end }}",
      "{{ range $k, $v := $labels }}{{ if eq $k \"job\" }}{{ break }}{{ end }}{{ $k }} {{ end }}",
      "{{ range $k, $v := $labels }}{{ if eq $k \"case\" }}{{ continue }}{{ end }}{{ $k }} {{ end }}",
      "{{ range $x := $labels.nothing }}x{{ else }}empty{{ end }}",
      "{{ range query \"nonexistent_metric_xyz\" }}x{{ else }}none{{ end }}",
      "{{ $labels.nonexistent }}|{{ $externalLabels.nothing }}|{{ index $labels \"nope\" }}",
      "{{ .Labels.instance }} {{ .Value }} {{ $.Labels.job }} {{ .ExternalURL }}",
      "{{ $x := 1 }}{{ $x }}{{ $x = \"two\" }}{{ $x }}",
      "{{ with $labels.job }}job={{ . }}{{ else }}nojob{{ end }}",
      "{{ with $labels.nothing }}yes{{ else }}no{{ end }}",
      "{{ if gt $value 0.5 }}big{{ else if gt $value 0.1 }}mid{{ else }}small{{ end }}",
      "{{ if and $labels.job $labels.instance }}both{{ end }} {{ or $labels.none \"dflt\" }} {{ and 1 0 2 }} {{ not \"\" }}",
      "{{ if eq $labels.job \"a\" \"b\" \"node\" }}match{{ end }} {{ ne $labels.job \"x\" }}",
      "{{ lt \"a\" \"b\" }} {{ le 1 1 }} {{ ge 2.5 3.5 }} {{ gt \"b\" \"a\" }} {{ lt 1 2 }}",
      "{{ eq $value 1 }}",
      "{{ lt $labels.job 1 }}",
      "{{ eq true true }} {{ eq 1 1 }} {{ eq \"a\" \"a\" }}",
      "{{ lt true false }}",
      "{{ len $labels }} {{ len (args 1 2) }} {{ len \"héllo\" }}",
      "{{ len 3 }}",
      "{{ index $labels \"job\" }} {{ index (args \"a\" \"b\") \"arg1\" }}",
      "{{ index $labels 1 }}",
      "{{ slice \"abcdef\" 1 3 }} {{ slice \"abcdef\" 2 }} {{ slice \"abc\" }}",
      "{{ slice \"abc\" 2 1 }}",
      "{{ print 1 2 \"a\" \"b\" 3 nil }} {{ println \"x\" 1 }}",
      "{{ printf \"%d %s\" 1 }}",
      "{{ printf \"%d\" 1 2 \"x\" }}",
      "{{ printf \"%d|%s|%f|%t|%x\" \"s\" 1 \"f\" 1 1.5 }}",
      "{{ printf \"%5.2f%%|%c|%U|%o|%b|%#x|%#o|%08.3f|%+d|% d\" 3.14159 65 65 8 5 255 8 -3.14159 5 5 }}",
      "{{ printf \"%v %v %v\" $labels (args 1) true }}",
      "{{ printf \"%s\" $labels }}",
      "{{ printf \"%!\" }} {{ printf \"%\" }} {{ printf \"%z\" 1 }}",
      "{{ printf \"%*d|%-*d|%.*f\" 5 1 5 2 2 3.14159 }}",
      "{{ printf \"%T %T %T %T %T\" 1 1.5 \"s\" true $labels }}",
      "{{ printf \"%6.2v|%.3v|%10v\" 3.14159 \"abcdef\" true }}",
      "{{ 1 }} {{ 1.5 }} {{ 1e3 }} {{ 0x10 }} {{ -7 }} {{ 'a' }} {{ 1_000 }} {{ 0o17 }} {{ 017 }}",
      "{{ \"quoted\\tstring\" }} {{ `raw\\n` }}",
      "{{/* comment */}}a  {{- \" b \" -}}  c",
      "x {{- /* trimmed comment */ -}} y",
      "{{ define \"t\" }}[{{ . }}]{{ end }}{{ template \"t\" $labels.job }}{{ template \"t\" }}",
      "{{ block \"b\" $value }}<{{ . }}>{{ end }}",
      "{{ template \"nosuch\" }}",
      "{{ ($labels).job }} {{ (args 1 2).arg1 }}",
      "{{ $labels.job.foo }}",
      "{{ $value.foo }}",
      "{{ $labels.job | printf \"%s-%s\" \"pre\" }}",
      "{{ \"abc\" | len }} {{ 3 | printf \"%d\" }}",
      "{{ humanize \"abc\" }}",
      "{{ humanize true }}",
      "{{ $value | title }}",
      "{{ title 3 }}",
      "{{ first 3 }}",
      "{{ query \"up\" | first }}",
      "{{ first nil }}",
      "{{ reReplaceAll \"(\" \"x\" \"y\" }}",
      "{{ match \"(\" \"x\" }}",
      "{{ reReplaceAll \"a*\" \"-\" \"baaac\" }} {{ reReplaceAll \"(?P<w>[a-z])\" \"${w}${w}$1x$$\" \"ab\" }}",
      "{{ reReplaceAll \"\" \"|\" \"héllo\" }}",
      "{{ externalURL }}",
      "{{ pathPrefix }}",
      "{{ parseDuration \"1h30m\" }} {{ parseDuration \"5m\" }} {{ parseDuration \"1y\" }} {{ parseDuration \"100ms\" }}",
      "{{ parseDuration \"abc\" }}",
      "{{ safeHtml \"<b>x</b>\" }}",
      "{{ args 1 \"x\" }}",
      "{{ label \"job\" (first (query \"up\")) }}",
      "{{ call 1 }}",
      "{{ nil }}",
      "{{ 3 5 }}",
      "{{ .Labels.job 1 }}",
      "{{ $labels | len | printf \"%03d\" }}",
      "{{ html \"<a href='x'>&\\\"</a>\" }} {{ js \"a'b\\\"c<d>e&f=g\\n\" }} {{ urlquery \"a b&c=d/é\" }}",
      "{{ html 1 2 }} {{ urlquery 1 \"a\" }}",
      "{{ print }}|{{ println }}|{{ printf \"\" }}",
      "{{ and }}",
      "{{ not }}",
      "{{ eq 1 }}",
      "{{ index nil 1 }}",
      "{{ index \"abc\" 1 }} {{ index \"abc\" 5 }}",
      "{{ range $labels.job }}x{{ end }}",
      "{{ if $labels }}nonempty{{ end }}{{ if 0.0 }}zero{{ end }}{{ if \"\" }}e{{ end }}",
      "{{ with $x := $labels.job }}{{ $x }}{{ end }}",
      "a\n{{ $labels.job }}\nb {{ humanize \"x\" }}",
      "{{ \"multi\nline\" }}",
      "{{ printf \"%.3q|%+q|%#q\" \"héllo\" \"héllo\" \"x\" }}",
      "{{ printf \"%x|% x|%#x|% X\" \"hi\" \"hi\" \"hi\" \"hi\" }}",
      "{{ printf \"%d|%d|%x\" -5 9223372036854775807 -255 }}",
      "{{ printf \"%e|%.0e|%#.0e|%#g|%#.3g\" 0.0 5.0 5.0 1.0 2.0 }}",
      "{{ printf \"%g|%g|%g|%g\" 100000.0 1000000.0 0.0001 0.00001 }}",
      "{{ printf \"%.3g|%.10g|%.1g|%.0g\" 123456.0 1.0 0.05 7.5 }}",
      "{{ printf \"%5t|%-6t|\" true false }}",
      "{{ printf \"%05s|%-05d|%05d\" \"ab\" 3 -3 }}",
      "{{ printf \"%v\" nil }} {{ printf \"%d\" nil }} {{ printf \"%s\" nil }}",
      "{{ 9223372036854775807 }} {{ -9223372036854775808 }}",
      "{{ 1e400 }}",
      "{{ 18446744073709551615 }}",
      "{{ sortByLabel \"job\" (query \"up\") }}",
      "{{ strvalue (first (query \"up\")) }}",
      "{{ value (first (query \"up\")) }}",
      "{{ humanizePercentage \"0.1234\" }} {{ humanizePercentage 1 }}",
      "{{ toUpper \"ﬀ ß\" }} {{ toLower \"İ Σ\" }} {{ title \"o'neil is_here x-y ünï\" }}",
      "{{ stripPort \"[::1]\" }} {{ stripPort \"a:b:c\" }} {{ stripDomain \"[2001:db8::1]:80\" }} {{ stripDomain \"ex.com.\" }}",
      "{{ $labels.job | html | js }}",
      "{{ range $i, $v := args \"a\" \"b\" \"c\" }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $v }}{{ end }}",
      "{{ range $k, $v := $labels }}{{ $k }}{{ else }}none{{ end }} {{ $k := 5 }}{{ $k }}",
      "{{ $a := 1 }}{{ if true }}{{ $a = 2 }}{{ $b := 3 }}{{ end }}{{ $a }}",
      "{{ with 0 }}x{{ end }}{{ with \"s\" }}{{ . }}{{ end }}",
      "{{ if not (eq $labels.job \"x\") }}neq{{ end }}",
      "{{ (printf \"%s\" \"a\") | printf \"%s%s\" \"b\" }}",
      "{{ define \"t\" }}x{{ title 3 }}{{ end }}{{ template \"t\" }}",
      "{{ define \"t\" }}{{ .x }}{{ end }}{{ template \"t\" 5 }}",
      "héllo wörld\nsecond line ünïcode {{ len 3 }}",
      "a\n\n  {{ $labels.job }}\n{{ if 1 }}\n  {{ humanize \"bad\" }}\n{{ end }}",
      "{{ with $labels }}{{ .job }} {{ $.Labels.instance }}{{ end }}",
      "{{ range $i, $e := sortByLabel \"job\" (query \"nothing\") }}{{ $i }}{{ else }}no samples{{ end }}",
      "{{ $v := printf \"%.1f\" $value }}{{ $v }} {{ len $v }}",
      "{{ if and (gt $value 0.5) (lt $value 1.0) }}in range{{ end }}",
      "{{ printf \"%s has %s\" $labels.instance ($value | humanize) }}",
      "{{ $labels.instance | reReplaceAll \"(.*):(.*)\" \"$2@$1\" }}",
      "{{- if $labels.job -}}\n  job: {{ $labels.job }}\n{{- end }}",
      "{{ range $k, $v := $externalLabels }}{{ $k | toUpper }}:{{ $v | title }} {{ end }}",
      "{{ index $externalLabels \"region\" }} {{ $externalURL | urlquery }}",
      "{{ printf \"%v|%d|%s\" (args) 3 \"s\" }}",
      "{{ (query \"nothing\") }} {{ len (query \"nothing\") }}",
      "{{ print (args 1 2) }} {{ print $labels }} {{ println $value }}",
      "{{ printf \"%08.3e|%-8.1f|%+08d|%x\" 1234.5678 -2.25 42 -1.0 }}",
      "{{ printf \"%.0f %.0f %.0f %.0f\" 0.5 1.5 2.5 -0.5 }}",
      "{{ printf \"%.1f %.2f %.3f\" 0.05 0.125 1.0005 }}",
      "{{ humanize 999.95 }} {{ humanize 999950 }} {{ humanize 0.00099995 }} {{ humanize1024 1023.99 }}",
      "{{ humanizeDuration 3600 }} {{ humanizeDuration 86399.9 }} {{ humanizeDuration 60 }} {{ humanizeDuration 0.001 }} {{ humanizeDuration -0.5 }}",
      "{{ printf \"%[2]d %[1]d|%[3]*.[2]*[1]f|%d %d %[1]d %d\" 1 2 3 }}",
      "{{ printf \"%[5]d|%[0]d|%[x]d|%[1]|%[2]5d|%[1].2f\" 1 2.5 }}",
      "{{ printf \"%+v|%#v|% v|%+d|%+.1e\" 1.5 \"s\" 2 3 -4.0 }}",
      "{{ printf \"%5.|%.\" 1 2 }}",
      "{{ printf \"%.*d|%-*d|%*d\" -1 5 3 7 \"x\" 9 }}",
      "{{ printf \"%#v|%#v|%#v|%#v\" $labels (args 1 \"a\") \"q\" 2.5 }}",
      "{{ if\n1 }}x{{ end }}{{/* multi\nline comment */}}y",
      "a  {{- \n $labels.job \n -}}  b",
      "{{ `raw\nstring` }}|{{ \"esc\\u00e9\\x41\\101\" }}",
      "{{ $x := 1 }}{{ range $x := $labels }}{{ $x }},{{ end }}{{ $x }}",
      "{{ with $x := $labels.job }}{{ $x }}{{ $x = \"y\" }}{{ $x }}{{ end }}",
      "{{ define \"a\" }}{{ template \"b\" . }}{{ end }}{{ define \"b\" }}<{{ .job }}>{{ end }}{{ template \"a\" $labels }}",
      "{{ .Labels | len }} {{ $labels | printf \"%d\" }}",
      "{{ printf \"%s\" (index $labels \"instance\" | stripPort) | toUpper }}",
      "{{ range $i, $c := \"abc\" }}{{ end }}",
      "{{ if eq (len $labels) 3 }}three{{ else }}{{ len $labels }}{{ end }}",
      "{{ toUpper }}",
      "{{ humanize 1 2 }}",
      "{{ $labels.job | humanize }}",
      "{{ reReplaceAll \"x\" }}",
      "{{ 1i }} {{ 0i }} {{ 1+2i }} {{ -1.5-2e3i }} {{ 2+0i }} {{ printf \"%v|%.2f|%d\" 1i 1+2i 3i }}",
      "{{ eq 1i 1i }} {{ eq 1i 2i }}",
      "{{ lt 1i 2i }}",
      "{{ humanize 1i }}",
      "{{ printf \"%+v\" (first (query \"m{instance=\\\"b:1\\\"}\")) }}|{{ printf \"%+v|%v\" $labels (args 1) }}",
      "{{ printf \"%+v\" . }}",
      "{{ 1.0 }} {{ 2e0 }} {{ .5 }} {{ 1. }} {{ 0x1p-2 }} {{ 1e-7 }} {{ 123456789.0 }}",
    };
    for (String t : misc) {
      cases.add(new Case(t, "0.75", base));
    }
    // Query results: these series share grp="q", and the templates query them back. The order of
    // a selector's results is not defined (promtool's differs from run to run), so every template
    // either selects one series or sorts by a label with distinct values.
    String[][] grp = {{"b:1", "3"}, {"a:2", "1.5"}, {"c:3", "NaN"}, {"a:1", "-2"}};
    String[] queryTemplates = {
      "{{ range sortByLabel \"instance\" (query \"m{grp=\\\"q\\\"}\") }}{{ .Labels.instance }}={{ .Value }};{{ end }}",
      "{{ with query \"m{instance=\\\"c:3\\\"}\" }}{{ (first .).Labels.instance }} {{ . | first | value | humanize }} "
          + "{{ . | first | label \"instance\" }} [{{ . | first | strvalue }}]{{ end }}",
      "{{ range $i, $s := sortByLabel \"instance\" (query \"m{grp=\\\"q\\\"}\") }}{{ $i }}:{{ $s.Value | humanize1024 }} {{ end }}",
      "{{ len (query \"m{grp=\\\"q\\\"}\") }} {{ query \"m{instance=\\\"a:2\\\"}\" | first }}",
    };
    for (int k = 0; k < grp.length; k++) {
      cases.add(new Case(queryTemplates[k], grp[k][1], Labels.of("instance", grp[k][0], "job", "node", "grp", "q")));
    }
    cases.add(new Case("{{ printf \"%v\" (first (query \"m{instance=\\\"b:1\\\"}\")) }}", "1", base));
    cases.add(new Case("{{ with query \"m{grp=\\\"none\\\"}\" }}some{{ else }}none{{ end }}", "1", base));
    String[] parseErrors = {
      "{{ $labels.job\n\n",
      "x\n{{ \"abc\n }}",
      "{{ if 1 }}\n{{ else if }}\n{{ end }}",
      "{{ range $i := }}{{ end }}",
      "{{ template \"a\" 1 2 }}",
      "{{ (1) (2) }}",
      "{{ .a.b. }}",
      "{{ $ := 1 }}",
      "{{ $x := 1 }}{{ $x.y.z }}{{ $y }}",
      "{{ nosuchfunc }}",
      "{{ $nosuchvar }}",
      "{{ .x",
      "{{ if 1 }}",
      "{{ end }}",
      "{{ else }}",
      "{{ \"unterminated }}",
      "{{ `raw }}",
      "{{ 3x }}",
      "{{ 1 | 2 }}",
      "{{ (1 }}",
      "{{ ) }}",
      "{{ $x := }}",
      "{{ break }}",
      "{{ continue }}",
      "{{ range $a, $b, $c := . }}{{ end }}",
      "{{ with }}{{ end }}",
      "{{ if }}{{ end }}",
      "{{/* unclosed }}",
      "{{/* a */ x }}",
      "{{ printf \"%d\" 1 | 3 }}",
      "{{ }}",
      "{{ . . }}",
      "{{ \"a\".b }}",
      "{{ 1.a }}",
      "{{ if 1 }}{{ else }}{{ else }}{{ end }}",
      "{{ define \"x\" }}",
      "{{ template x }}",
      "{{ template }}",
      "{{ $x = 1 }}",
      "a\nb\n{{ foo }}",
      "a\n{{ if 1\n}}",
      "{{ 'ab' }}",
      "{{ '' }}",
      "{{ @ }}",
      "{{ é }}",
      "{{ \"\\q\" }}",
      "{{ 1 2 | }}",
      "{{ range }}{{ end }}",
      "{{ if 1 }}{{ end",
      "{{ $x := 1 }}{{ if 1 }}{{ $y := 2 }}{{ end }}{{ $y }}",
      "{{ 0x }}",
      "{{ 1e }}",
      "{{ +}}",
      "{{ - 1 }}",
      "{{ range $i, 3 }}{{ end }}",
      "{{ with $x, $y := 1 }}{{ end }}",
      "{{ define \"a\" }}{{ else }}{{ end }}",
      "{{ block }}",
    };
    for (String t : parseErrors) {
      cases.add(new Case(t, "1", base));
    }
    return cases;
  }
}
