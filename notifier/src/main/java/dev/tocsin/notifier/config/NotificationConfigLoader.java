package dev.tocsin.notifier.config;

import dev.tocsin.model.LabelMatcher;
import dev.tocsin.model.LabelNames;
import dev.tocsin.model.MatchType;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import dev.tocsin.model.source.Severity;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import dev.tocsin.notifier.route.GroupBy;
import dev.tocsin.notifier.route.MatcherParser;
import dev.tocsin.notifier.route.MatcherSyntaxException;
import dev.tocsin.notifier.route.TimeInterval;
import dev.tocsin.notifier.route.Route;
import dev.tocsin.notifier.template.NotificationTemplateException;
import dev.tocsin.notifier.template.NotificationTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads an alertmanager.yml for Tocsin's built-in routing, as strictly as Alertmanager 0.25 does
 * (unknown keys are errors) and with Alertmanager's wording for its validation errors, every one
 * positioned to file:line:column. Receiver types Tocsin does not deliver are accepted with a
 * warning, so the same file can configure Alertmanager and Tocsin.
 */
public final class NotificationConfigLoader {
  private static final String CHECK = "alertmanager/config";
  private static final String CHECK_MATCHER = "alertmanager/matcher";
  private static final String CHECK_UNDELIVERED = "alertmanager/receiver-not-delivered";

  private static final Set<String> TOP_FIELDS = Set.of("global", "route", "inhibit_rules", "receivers", "templates",
      "mute_time_intervals", "time_intervals", "tracing");
  private static final Set<String> SMTP_FIELDS = Set.of("smtp_from", "smtp_hello", "smtp_smarthost",
      "smtp_auth_username", "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_secret",
      "smtp_auth_secret_file", "smtp_auth_identity", "smtp_require_tls", "smtp_force_implicit_tls");
  private static final Set<String> GLOBAL_FIELDS = union(SMTP_FIELDS, Set.of("resolve_timeout", "http_config",
      "smtp_tls_config", "slack_api_url", "slack_api_url_file", "slack_app_token", "slack_app_token_file",
      "slack_app_url", "pagerduty_url", "opsgenie_api_url", "opsgenie_api_key", "opsgenie_api_key_file",
      "wechat_api_url", "wechat_api_secret", "wechat_api_secret_file", "wechat_api_corp_id", "victorops_api_url",
      "victorops_api_key", "victorops_api_key_file", "telegram_api_url", "telegram_bot_token",
      "telegram_bot_token_file", "webex_api_url", "rocketchat_api_url", "rocketchat_token", "rocketchat_token_file",
      "rocketchat_token_id", "rocketchat_token_id_file", "mattermost_webhook_url", "mattermost_webhook_url_file",
      "jira_api_url"));
  private static final Set<String> ROUTE_FIELDS = Set.of("receiver", "group_by", "match", "match_re", "matchers",
      "mute_time_intervals", "active_time_intervals", "continue", "routes", "group_wait", "group_interval",
      "repeat_interval");
  private static final Set<String> INHIBIT_FIELDS = Set.of("name", "source_match", "source_match_re",
      "source_matchers", "target_match", "target_match_re", "target_matchers", "equal");
  /** Alertmanager's receiver types, accepted but not delivered by Tocsin. */
  private static final Set<String> UNDELIVERED_TYPES = Set.of("discord_configs",
      "incidentio_configs", "pagerduty_configs", "slack_configs", "opsgenie_configs",
      "wechat_configs", "pushover_configs", "victorops_configs", "sns_configs", "telegram_configs", "webex_configs",
      "msteams_configs", "msteamsv2_configs", "jira_configs", "rocketchat_configs", "mattermost_configs");
  private static final Set<String> RECEIVER_FIELDS = union(UNDELIVERED_TYPES, Set.of("name", "log_configs",
      "webhook_configs", "email_configs"));
  private static final Set<String> LOG_FIELDS = Set.of("send_resolved");
  private static final Set<String> TIME_INTERVAL_FIELDS = Set.of("name", "time_intervals");

  /** Matchers in the order Alertmanager sorts them: by name, then value, then operator. */
  private static final Comparator<LabelMatcher> MATCHER_ORDER = Comparator.comparing(LabelMatcher::name)
      .thenComparing(LabelMatcher::value).thenComparing(LabelMatcher::type);

  private final YamlLimits limits;

  public NotificationConfigLoader() {
    this(YamlLimits.DEFAULT);
  }

  public NotificationConfigLoader(YamlLimits limits) {
    this.limits = limits;
  }

  /** Loads a file; relative template paths resolve against its folder. Never throws for bad input. */
  public NotificationConfigResult load(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return failed(name, null, "open " + name + ": no such file or directory");
    } catch (IOException e) {
      return failed(name, null, "cannot read " + name + ": " + e.getMessage());
    }
    Path dir = path.toAbsolutePath().getParent();
    return load(name, bytes, dir == null ? Path.of("") : dir);
  }

  /** Loads a file's contents under a display name, resolving template paths against {@code baseDir}. */
  public NotificationConfigResult load(String name, byte[] bytes, Path baseDir) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, limits);
    } catch (YamlException e) {
      return failed(name, e.position(), e.getMessage());
    }
    return new Decoder(name, doc, baseDir).decode();
  }

  private static NotificationConfigResult failed(String file, Position p, String message) {
    return new NotificationConfigResult(null, List.of(Diagnostic.error("yaml/syntax", file, p, message)));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /** A name used somewhere that must be defined elsewhere, and the node that uses it. */
  private record Reference(String name, Node node) {}

  /** One file's decoding and validation. */
  private static final class Decoder {
    private final String file;
    private final YamlDocument doc;
    private final Path baseDir;
    private final NodeReader reader;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<Reference> receiverRefs = new ArrayList<>();
    private final List<Reference> intervalRefs = new ArrayList<>();
    private final FieldReader fields;
    private HttpSettings globalHttp = HttpSettings.DEFAULT;
    private int routeCount;
    private EmailConfigReader emails;

    Decoder(String file, YamlDocument doc, Path baseDir) {
      this.file = file;
      this.doc = doc;
      this.baseDir = baseDir;
      this.reader = new NodeReader(doc, file);
      this.fields = new FieldReader(reader, file, baseDir, problems);
    }

    NotificationConfigResult decode() {
      Map<String, NodeTuple> top = doc.root() == null ? Map.of() : reader.mapping(doc.root(), "config.Config",
          TOP_FIELDS, false);
      GlobalSettings global = global(value(top, "global"));
      List<Path> templates = new ArrayList<>();
      for (Node t : reader.sequence(value(top, "templates"), "[]string")) {
        String s = reader.string(t);
        if (s != null && !s.isEmpty()) {
          templates.add(baseDir.resolve(s).normalize());
        }
      }
      checkTemplateFiles(value(top, "templates"), templates);
      emails = new EmailConfigReader(reader, value(top, "global"), global, baseDir);
      List<ReceiverConfig> receivers = receivers(value(top, "receivers"));
      List<InhibitRuleConfig> inhibitRules = new ArrayList<>();
      for (Node n : reader.sequence(value(top, "inhibit_rules"), "[]config.InhibitRule")) {
        inhibitRules.add(inhibitRule(n));
      }
      Map<String, List<TimeInterval>> intervals = new LinkedHashMap<>();
      timeIntervals(value(top, "mute_time_intervals"), "mute time interval", intervals);
      timeIntervals(value(top, "time_intervals"), "time interval", intervals);
      Route route = null;
      Node routeNode = value(top, "route");
      if (NodeReader.isNull(routeNode)) {
        error(null, "no route provided in config");
      } else {
        route = rootRoute(routeNode);
      }
      Set<String> receiverNames = new HashSet<>();
      receivers.forEach(r -> receiverNames.add(r.name()));
      for (Reference ref : receiverRefs) {
        if (!receiverNames.contains(ref.name())) {
          error(ref.node(), "undefined receiver \"" + ref.name() + "\" used in route");
        }
      }
      Set<String> intervalNames = intervals.keySet();
      for (Reference ref : intervalRefs) {
        if (!intervalNames.contains(ref.name())) {
          error(ref.node(), "undefined time interval \"" + ref.name() + "\" used in route");
        }
      }
      List<Diagnostic> all = new ArrayList<>(reader.errors());
      all.addAll(problems);
      all.sort(Comparator.comparing((Diagnostic d) -> d.position() == null ? new Position(1, 1) : d.position()));
      boolean failed = all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
      NotificationConfig config = failed || route == null ? null
          : new NotificationConfig(file, global, templates, route, receivers, inhibitRules, intervals);
      return new NotificationConfigResult(config, all);
    }

    /** Parses the template files now, so a broken one fails the load instead of every notification. */
    private void checkTemplateFiles(Node node, List<Path> templates) {
      if (templates.isEmpty()) {
        return;
      }
      try {
        NotificationTemplates.load(templates);
      } catch (NotificationTemplateException e) {
        error(node, e.getMessage());
      }
    }

    // ---- global

    private GlobalSettings global(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.GlobalConfig", GLOBAL_FIELDS, false);
      Duration resolveTimeout = reader.duration(value(f, "resolve_timeout"));
      Map<String, String> smtp = new TreeMap<>();
      smtp.put("smtp_hello", "localhost");
      smtp.put("smtp_require_tls", "true");
      for (String key : SMTP_FIELDS) {
        Node v = value(f, key);
        if (NodeReader.isNull(v)) {
          continue;
        }
        String s = reader.string(v);
        if (s == null) {
          continue;
        }
        if (key.equals("smtp_require_tls") || key.equals("smtp_force_implicit_tls")) {
          Boolean b = bool(v);
          if (b != null) {
            smtp.put(key, b.toString());
          }
        } else if (key.equals("smtp_smarthost") && !s.isEmpty() && !validHostPort(v, s)) {
          continue;
        } else {
          smtp.put(key, s);
        }
      }
      globalHttp = new HttpSettingsReader(fields).read(value(f, "http_config"), HttpSettings.DEFAULT);
      reader.mapping(value(f, "smtp_tls_config"), "config.TLSConfig", null, true);
      return new GlobalSettings(resolveTimeout == null ? GlobalSettings.DEFAULT_RESOLVE_TIMEOUT : resolveTimeout, smtp);
    }

    private boolean validHostPort(Node node, String s) {
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        error(node, "address " + s + ": missing port in address");
        return false;
      }
      if (colon == s.length() - 1) {
        error(node, "address \"" + s + "\": port cannot be empty");
        return false;
      }
      return true;
    }

    // ---- receivers

    private List<ReceiverConfig> receivers(Node node) {
      List<ReceiverConfig> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Node n : reader.sequence(node, "[]config.Receiver")) {
        Map<String, NodeTuple> f = reader.mapping(n, "config.Receiver", RECEIVER_FIELDS, false);
        Node nameNode = value(f, "name");
        String name = NodeReader.isNull(nameNode) ? "" : reader.string(nameNode);
        if (name == null) {
          continue;
        }
        if (name.isEmpty()) {
          error(n, "missing name in receiver");
          continue;
        }
        if (!names.add(name)) {
          error(nameNode, "notification config name \"" + name + "\" is not unique");
          continue;
        }
        List<IntegrationConfig> integrations = new ArrayList<>();
        for (Node c : reader.sequence(value(f, "log_configs"), "[]*config.LogConfig")) {
          Map<String, NodeTuple> lf = reader.mapping(c, "config.LogConfig", LOG_FIELDS, false);
          Node sr = value(lf, "send_resolved");
          Boolean sendResolved = NodeReader.isNull(sr) ? Boolean.TRUE : bool(sr);
          integrations.add(new LogConfig(sendResolved == null || sendResolved));
        }
        WebhookConfigReader webhooks = new WebhookConfigReader(fields);
        for (Node c : reader.sequence(value(f, "webhook_configs"), "[]*config.WebhookConfig")) {
          WebhookConfig w = webhooks.read(c, globalHttp);
          if (w != null) {
            integrations.add(w);
          }
        }
        integrations.addAll(emails.read(value(f, "email_configs")));
        List<String> undelivered = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> e : f.entrySet()) {
          if (!UNDELIVERED_TYPES.contains(e.getKey())) {
            continue;
          }
          List<Node> configs = reader.sequence(e.getValue().getValueNode(), "[]*config." + e.getKey());
          if (!configs.isEmpty()) {
            undelivered.add(e.getKey());
            problems.add(new Diagnostic(CHECK_UNDELIVERED, Severity.WARNING, file,
                List.of(reader.position(e.getValue().getKeyNode())), "",
                "receiver " + name + ": " + e.getKey() + " not delivered by Tocsin"));
          }
        }
        out.add(new ReceiverConfig(name, integrations, undelivered, reader.position(n)));
      }
      return out;
    }

    // ---- routes

    private Route rootRoute(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.Route", ROUTE_FIELDS, false);
      Route root = route(node, f, null);
      if (root.receiver().isEmpty()) {
        error(node, "root route must specify a default receiver");
      }
      for (String key : List.of("match", "match_re", "matchers")) {
        NodeTuple t = f.get(key);
        if (t != null && !isEmptyCollection(t.getValueNode())) {
          error(t.getKeyNode(), "root route must not have any matchers");
        }
      }
      if (!root.muteTimeIntervals().isEmpty()) {
        error(f.get("mute_time_intervals").getKeyNode(), "root route must not have any mute time intervals");
      }
      if (!root.activeTimeIntervals().isEmpty()) {
        error(f.get("active_time_intervals").getKeyNode(), "root route must not have any active time intervals");
      }
      if (root.continueMatching()) {
        error(f.get("continue").getKeyNode(), "cannot have continue in root route");
      }
      return root;
    }

    /** A route with its parent's settings filled in where it leaves them unset. */
    private Route route(Node node, Map<String, NodeTuple> f, Route parent) {
      int index = routeCount++;
      String receiver = parent == null ? "" : parent.receiver();
      Node receiverNode = value(f, "receiver");
      if (!NodeReader.isNull(receiverNode)) {
        String r = reader.string(receiverNode);
        if (r != null && !r.isEmpty()) {
          receiver = r;
          receiverRefs.add(new Reference(r, receiverNode));
        }
      }
      GroupBy groupBy = parent == null ? GroupBy.NONE : parent.groupBy();
      if (f.containsKey("group_by") && !NodeReader.isNull(value(f, "group_by"))) {
        groupBy = groupBy(value(f, "group_by"));
      }
      List<LabelMatcher> matchers = new ArrayList<>();
      equalityMatchers(value(f, "match"), MatchType.EQUAL, matchers);
      equalityMatchers(value(f, "match_re"), MatchType.REGEX, matchers);
      matcherLists(value(f, "matchers"), matchers);
      matchers.sort(MATCHER_ORDER);
      Boolean cont = NodeReader.isNull(value(f, "continue")) ? Boolean.FALSE : bool(value(f, "continue"));
      Duration groupWait = timer(f, "group_wait", parent == null ? Route.DEFAULT_GROUP_WAIT : parent.groupWait(), false);
      Duration groupInterval =
          timer(f, "group_interval", parent == null ? Route.DEFAULT_GROUP_INTERVAL : parent.groupInterval(), true);
      Duration repeatInterval =
          timer(f, "repeat_interval", parent == null ? Route.DEFAULT_REPEAT_INTERVAL : parent.repeatInterval(), true);
      List<String> mute = intervalNames(value(f, "mute_time_intervals"));
      List<String> active = intervalNames(value(f, "active_time_intervals"));
      String key = (parent == null ? "" : parent.key() + "/") + matchersKey(matchers);
      // The children need this route's effective settings; build it without them first.
      Route self = new Route(index, key, receiver, groupBy, matchers, cont != null && cont, groupWait, groupInterval,
          repeatInterval, mute, active, List.of(), reader.position(node));
      List<Route> children = new ArrayList<>();
      for (Node c : reader.sequence(value(f, "routes"), "[]*config.Route")) {
        Map<String, NodeTuple> cf = reader.mapping(c, "config.Route", ROUTE_FIELDS, false);
        children.add(route(c, cf, self));
      }
      return new Route(index, key, receiver, groupBy, matchers, self.continueMatching(), groupWait, groupInterval,
          repeatInterval, mute, active, children, self.position());
    }

    private Duration timer(Map<String, NodeTuple> f, String key, Duration inherited, boolean nonZero) {
      Node n = value(f, key);
      Duration d = reader.duration(n);
      if (d == null) {
        return inherited;
      }
      if (nonZero && d.isZero()) {
        error(n, key + " cannot be zero");
        return inherited;
      }
      return d;
    }

    private GroupBy groupBy(Node node) {
      List<String> names = new ArrayList<>();
      boolean all = false;
      Set<String> seen = new HashSet<>();
      for (Node n : reader.sequence(node, "[]string")) {
        String s = reader.string(n);
        if (s == null) {
          continue;
        }
        if (s.equals("...")) {
          all = true;
        } else if (!LabelNames.isLegacyLabelName(s)) {
          error(n, "invalid label name \"" + s + "\" in group_by list");
        } else if (!seen.add(s)) {
          error(n, "duplicated label \"" + s + "\" in group_by");
        } else {
          names.add(s);
        }
      }
      if (all && !names.isEmpty()) {
        error(node, "cannot have wildcard group_by (`...`) and other labels at the same time");
        return GroupBy.ALL;
      }
      return all ? GroupBy.ALL : new GroupBy(false, names);
    }

    private void equalityMatchers(Node node, MatchType type, List<LabelMatcher> out) {
      Map<String, NodeTuple> m = reader.stringMap(node, type == MatchType.EQUAL ? "map[string]string"
          : "config.MatchRegexps");
      for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
        if (!LabelNames.isLegacyLabelName(e.getKey())) {
          error(e.getValue().getKeyNode(), "invalid label name \"" + e.getKey() + "\"");
          continue;
        }
        Node v = e.getValue().getValueNode();
        try {
          out.add(LabelMatcher.of(type, e.getKey(), reader.string(v)));
        } catch (IllegalArgumentException ex) {
          problems.add(Diagnostic.error(CHECK_MATCHER, file, reader.position(v), ex.getMessage()));
        }
      }
    }

    private void matcherLists(Node node, List<LabelMatcher> out) {
      for (Node n : reader.sequence(node, "[]string")) {
        String s = reader.string(n);
        if (s == null) {
          continue;
        }
        try {
          out.addAll(MatcherParser.parse(s));
        } catch (MatcherSyntaxException e) {
          Position p = n instanceof ScalarNode sn ? doc.scalarSource(sn).positionOf(e.offset()) : reader.position(n);
          problems.add(Diagnostic.error(CHECK_MATCHER, file, p, e.getMessage()));
        }
      }
    }

    private List<String> intervalNames(Node node) {
      List<String> out = new ArrayList<>();
      for (Node n : reader.sequence(node, "[]string")) {
        String s = reader.string(n);
        if (s != null) {
          out.add(s);
          intervalRefs.add(new Reference(s, n));
        }
      }
      return out;
    }

    /** Alertmanager's text of a route's matchers, the last part of its route key. */
    private static String matchersKey(List<LabelMatcher> matchers) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < matchers.size(); i++) {
        LabelMatcher m = matchers.get(i);
        if (i > 0) {
          sb.append(',');
        }
        sb.append(m.name()).append(m.type().symbol()).append('"')
            .append(m.value().replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"")).append('"');
      }
      return sb.append('}').toString();
    }

    // ---- inhibition and time intervals (validated, not applied yet)

    private InhibitRuleConfig inhibitRule(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.InhibitRule", INHIBIT_FIELDS, false);
      List<LabelMatcher> source = new ArrayList<>();
      equalityMatchers(value(f, "source_match"), MatchType.EQUAL, source);
      equalityMatchers(value(f, "source_match_re"), MatchType.REGEX, source);
      matcherLists(value(f, "source_matchers"), source);
      List<LabelMatcher> target = new ArrayList<>();
      equalityMatchers(value(f, "target_match"), MatchType.EQUAL, target);
      equalityMatchers(value(f, "target_match_re"), MatchType.REGEX, target);
      matcherLists(value(f, "target_matchers"), target);
      List<String> equal = new ArrayList<>();
      for (Node n : reader.sequence(value(f, "equal"), "[]string")) {
        String s = reader.string(n);
        if (s == null) {
          continue;
        }
        if (!LabelNames.isLegacyLabelName(s)) {
          error(n, "invalid label name \"" + s + "\" in equal list");
        } else {
          equal.add(s);
        }
      }
      Node name = value(f, "name");
      return new InhibitRuleConfig(NodeReader.isNull(name) ? "" : reader.string(name), source, target, equal);
    }

    private void timeIntervals(Node node, String what, Map<String, List<TimeInterval>> names) {
      String type = what.startsWith("mute") ? "config.MuteTimeInterval" : "config.TimeInterval";
      for (Node n : reader.sequence(node, "[]" + type)) {
        Map<String, NodeTuple> f = reader.mapping(n, type, TIME_INTERVAL_FIELDS, false);
        Node nameNode = value(f, "name");
        String name = NodeReader.isNull(nameNode) ? "" : reader.string(nameNode);
        if (name != null && name.isEmpty()) {
          error(n, "missing name in " + what);
        }
        List<TimeInterval> ranges = new TimeIntervalReader(fields).read(value(f, "time_intervals"));
        if (name != null && !name.isEmpty() && names.putIfAbsent(name, ranges) != null) {
          error(nameNode, what + " \"" + name + "\" is not unique");
        }
      }
    }

    // ---- helpers

    private static Node value(Map<String, NodeTuple> fields, String key) {
      NodeTuple t = fields.get(key);
      return t == null ? null : t.getValueNode();
    }

    private static boolean isEmptyCollection(Node n) {
      return NodeReader.isNull(n) || (n instanceof CollectionNode<?> c
          && c.getValue().isEmpty());
    }

    /** A YAML boolean ({@code true}/{@code false} in any case YAML 1.2 allows), or null after an error. */
    private Boolean bool(Node node) {
      String s = reader.string(node);
      if (s == null) {
        return null;
      }
      switch (s) {
        case "true", "True", "TRUE" -> {
          return Boolean.TRUE;
        }
        case "false", "False", "FALSE" -> {
          return Boolean.FALSE;
        }
        default -> {
          error(node, "cannot unmarshal " + NodeReader.yamlKind(node) + " `" + s + "` into bool");
          return null;
        }
      }
    }

    private void error(Node node, String message) {
      problems.add(Diagnostic.error(CHECK, file, node == null ? null : reader.position(node), message));
    }
  }
}
