package dev.tocsin.engine.web;

import dev.tocsin.engine.daemon.GroupStatus;
import dev.tocsin.engine.daemon.RuleStatus;
import dev.tocsin.engine.web.ApiQuery.BadQueryException;
import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.Labels;
import dev.tocsin.promql.ast.Expr;
import dev.tocsin.promql.ast.VectorSelector;
import dev.tocsin.promql.parser.PromqlParser;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The selection parameters of {@code /api/v1/rules} as Prometheus 3.x reads them ({@code type},
 * {@code rule_name[]}, {@code rule_group[]}, {@code file[]}, {@code match[]}, {@code
 * exclude_alerts}, {@code group_limit}, {@code group_next_token}) plus Tocsin's {@code language}.
 */
record RulesFilter(
    boolean alerting, boolean recording, Set<String> ruleNames, Set<String> groups, Set<String> files,
    List<List<LabelMatcher>> matchers, QueryLanguage language, boolean excludeAlerts, int groupLimit,
    String nextToken) {
  /** Everything, as a request without parameters asks. */
  static final RulesFilter ALL =
      new RulesFilter(true, true, Set.of(), Set.of(), Set.of(), List.of(), null, false, -1, "");

  RulesFilter {
    ruleNames = Set.copyOf(ruleNames);
    groups = Set.copyOf(groups);
    files = Set.copyOf(files);
    matchers = matchers.stream().map(List::copyOf).toList();
  }

  /** Reads the parameters; a value Prometheus would refuse is a {@link BadQueryException} with its message. */
  static RulesFilter from(ApiQuery q) throws BadQueryException {
    String type = q.first("type").toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.equals("alert") && !type.equals("record")) {
      throw invalid("type", "not supported value \"" + type + "\"");
    }
    String lang = q.first("language").toLowerCase(Locale.ROOT);
    QueryLanguage language = null;
    if (!lang.isEmpty()) {
      language = switch (lang) {
        case "promql" -> QueryLanguage.PROMQL;
        case "logql" -> QueryLanguage.LOGQL;
        default -> throw invalid("language", "not supported value \"" + lang + "\" (want promql or logql)");
      };
    }
    boolean exclude = false;
    if (!q.first("exclude_alerts").isEmpty()) {
      exclude = goBool("exclude_alerts", q.first("exclude_alerts"));
    }
    List<List<LabelMatcher>> matcherSets = new ArrayList<>();
    for (String m : q.all("match[]")) {
      matcherSets.add(selector(m));
    }
    String limit = q.first("group_limit");
    String token = q.first("group_next_token");
    if (!token.isEmpty() && limit.isEmpty()) {
      throw invalid("group_next_token", "group_limit needs to be present in order to paginate over the groups");
    }
    int groupLimit = -1;
    if (!limit.isEmpty()) {
      try {
        groupLimit = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw invalid("group_limit", "group_limit needs to be a valid number: strconv.ParseInt: parsing \"" + limit
            + "\": invalid syntax");
      }
      if (groupLimit <= 0) {
        throw invalid("group_limit", "group_limit needs to be greater than 0");
      }
    }
    return new RulesFilter(type.isEmpty() || type.equals("alert"), type.isEmpty() || type.equals("record"),
        Set.copyOf(q.all("rule_name[]")), Set.copyOf(q.all("rule_group[]")), Set.copyOf(q.all("file[]")),
        matcherSets, language, exclude, groupLimit, token);
  }

  /** Whether a group passes the group and file filters. */
  boolean keepsGroup(GroupStatus g) {
    return (groups.isEmpty() || groups.contains(g.key().name())) && (files.isEmpty() || files.contains(g.key().file()));
  }

  /** Whether a rule passes the type, name, language and label filters. */
  boolean keepsRule(RuleStatus s) {
    Rule r = s.rule();
    boolean isAlerting = r instanceof AlertingRule;
    if (isAlerting ? !alerting : !recording) {
      return false;
    }
    if (!ruleNames.isEmpty() && !ruleNames.contains(r.name())) {
      return false;
    }
    if (language != null && r.query().language() != language) {
      return false;
    }
    if (matchers.isEmpty()) {
      return true;
    }
    Labels labels = r.labels();
    for (List<LabelMatcher> set : matchers) {
      if (set.stream().allMatch(m -> m.matches(labels.getOrEmpty(m.name())))) {
        return true;
      }
    }
    return false;
  }

  /** Prometheus' page token of a group: the hex SHA-1 of {@code file;name}. */
  static String token(GroupStatus g) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1")
          .digest((g.key().file() + ";" + g.key().name()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  private static List<LabelMatcher> selector(String text) throws BadQueryException {
    Expr e;
    try {
      e = PromqlParser.parse(text);
    } catch (ExpressionException ex) {
      throw invalid("match[]", ex.errors().get(0).format(text));
    }
    if (!(e instanceof VectorSelector v) || !v.offset().equals(Duration.ZERO) || v.at() != null) {
      throw invalid("match[]", "1:1: parse error: expected a series selector, got \"" + text + "\"");
    }
    List<LabelMatcher> out = new ArrayList<>(v.matchers());
    if (!v.name().isEmpty() && out.stream().noneMatch(m -> m.name().equals("__name__"))) {
      out.add(LabelMatcher.equal("__name__", v.name()));
    }
    return out;
  }

  /** Go's {@code strconv.ParseBool}. */
  private static boolean goBool(String param, String s) throws BadQueryException {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw invalid(param, "strconv.ParseBool: parsing \"" + s + "\": invalid syntax");
    };
  }

  private static BadQueryException invalid(String param, String message) {
    return new BadQueryException("invalid parameter \"" + param + "\": " + message);
  }
}
