package dev.tocsin.engine.unittest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JUnit XML report of {@code test rules --junit}, in promtool's layout: a {@code testsuite}
 * per test file and a {@code testcase} per test group with its failures.
 */
public final class JunitReport {
  private final List<String> suites = new ArrayList<>();

  /** Adds one test file's result. */
  public void add(String file, RuleUnitTester.Result result, Instant when) {
    StringBuilder cases = new StringBuilder();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    if (!result.fileErrors().isEmpty()) {
      errors++;
      tests++;
      cases.append("    <testcase name=\"").append(xml(file)).append("\"><error>")
          .append(xml(String.join("\n", result.fileErrors()))).append("</error></testcase>\n");
    }
    for (RuleUnitTester.GroupResult g : result.groups()) {
      tests++;
      cases.append("    <testcase name=\"").append(xml(g.name())).append('"');
      if (g.errors().isEmpty()) {
        cases.append("></testcase>\n");
        continue;
      }
      failures++;
      cases.append('>');
      for (String e : g.errors()) {
        cases.append("<failure>").append(xml(e)).append("</failure>");
      }
      cases.append("</testcase>\n");
    }
    String ts = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when.atOffset(ZoneOffset.UTC));
    suites.add("  <testsuite name=\"" + xml(file) + "\" tests=\"" + tests + "\" failures=\"" + failures
        + "\" errors=\"" + errors + "\" skipped=\"0\" timestamp=\"" + ts + "\">\n" + cases + "  </testsuite>\n");
  }

  /** The whole document. */
  public String toXml() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n" + String.join("", suites) + "</testsuites>\n";
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append("&#xFFFD;");
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
