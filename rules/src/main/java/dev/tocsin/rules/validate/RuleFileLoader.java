package dev.tocsin.rules.validate;

import dev.tocsin.model.ExpressionException;
import dev.tocsin.model.LabelNames;
import dev.tocsin.model.Labels;
import dev.tocsin.model.ParseError;
import dev.tocsin.promql.parser.ParserOptions;
import dev.tocsin.rules.model.AlertingRule;
import dev.tocsin.rules.model.QueryLanguage;
import dev.tocsin.rules.model.RecordingRule;
import dev.tocsin.rules.model.Rule;
import dev.tocsin.rules.model.RuleFile;
import dev.tocsin.rules.model.RuleGroup;
import dev.tocsin.rules.model.RuleQuery;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Position;
import dev.tocsin.model.source.ScalarSource;
import dev.tocsin.model.source.Severity;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads a Prometheus rule file (with Tocsin's group {@code type:} key) and validates it as
 * Prometheus 3.x's rulefmt does, reporting every problem with its file position. Messages keep
 * Prometheus' wording so that promtool users recognise them.
 */
public final class RuleFileLoader {
  private static final Set<String> TOP_FIELDS = Set.of("groups");
  private static final Set<String> GROUP_FIELDS =
      Set.of("name", "interval", "limit", "query_offset", "labels", "rules", "type");
  private static final Set<String> RULE_FIELDS =
      Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");

  private final LoadOptions options;
  private final QueryRouter router;
  private final TemplateCheck templates;

  public RuleFileLoader(LoadOptions options) {
    this.options = options;
    this.router = new QueryRouter(new ParserOptions(options.experimentalFunctions()));
    this.templates = new TemplateCheck();
  }

  /** Loads a file from disk; a missing or unreadable file is an error diagnostic, not an exception. */
  public LoadResult load(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > options.limits().maxFileBytes()) {
        return failed(name, null, "file is " + size + " bytes, over the limit of " + options.limits().maxFileBytes()
            + " bytes");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return failed(name, null, "open " + name + ": no such file or directory");
    } catch (IOException e) {
      return failed(name, null, "cannot read " + name + ": " + e.getMessage());
    }
    return load(name, bytes);
  }

  /** Loads a file's contents under a display name. */
  public LoadResult load(String name, byte[] bytes) {
    if (!options.positions()) {
      try {
        LoadResult quick = new Decoder(name, YamlDocument.parse(bytes, options.limits(), false)).decode();
        if (quick.diagnostics().isEmpty()) {
          return quick;
        }
      } catch (YamlException e) {
        // Read it again with positions below, for a positioned message.
      }
    }
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, options.limits());
    } catch (YamlException e) {
      return failed(name, e.position(), e.getMessage());
    }
    return new Decoder(name, doc).decode();
  }

  private static LoadResult failed(String name, Position p, String message) {
    return new LoadResult(null, List.of(Diagnostic.error("yaml/syntax", name, p, message)));
  }

  /** One file's decoding and validation. */
  private final class Decoder {
    private final String file;
    private final YamlDocument doc;
    private final NodeReader reader;
    private final List<Diagnostic> ruleErrors = new ArrayList<>();

    Decoder(String file, YamlDocument doc) {
      this.file = file;
      this.doc = doc;
      this.reader = new NodeReader(doc, file);
    }

    LoadResult decode() {
      List<Diagnostic> out = new ArrayList<>();
      if (doc.hasMoreDocuments()) {
        out.add(new Diagnostic("yaml/multi-document", Severity.WARNING, file, List.of(), "",
            "Multiple document yaml rules files are not supported, only the first document is processed"));
      }
      Node root = doc.root();
      List<RuleGroup> groups = new ArrayList<>();
      if (root != null) {
        Map<String, NodeTuple> top = reader.mapping(root, "rulefmt.RuleGroups", TOP_FIELDS, options.ignoreUnknownFields());
        NodeTuple g = top.get("groups");
        if (g != null) {
          Set<String> names = new HashSet<>();
          for (Node groupNode : reader.sequence(g.getValueNode(), "[]rulefmt.RuleGroup")) {
            RuleGroup group = group(groupNode, names);
            if (group != null) {
              groups.add(group);
            }
          }
        }
      }
      out.addAll(reader.errors());
      out.addAll(ruleErrors);
      return new LoadResult(new RuleFile(file, groups), out);
    }

    private RuleGroup group(Node node, Set<String> names) {
      Map<String, NodeTuple> f = reader.mapping(node, "rulefmt.RuleGroup", GROUP_FIELDS, options.ignoreUnknownFields());
      Position pos = reader.position(node);
      String name = stringField(f, "name");
      if (name == null) {
        return null;
      }
      if (name.isEmpty()) {
        ruleErrors.add(Diagnostic.error("rulefmt/group-name", file, pos, "Groupname must not be empty"));
      } else if (!names.add(name)) {
        ruleErrors.add(Diagnostic.error("rulefmt/group-name", file, pos,
            "groupname: \"" + name + "\" is repeated in the same file"));
      }
      Duration interval = durationField(f, "interval");
      Duration queryOffset = durationField(f, "query_offset");
      int limit = f.containsKey("limit") ? reader.integer(f.get("limit").getValueNode()) : 0;
      Map<String, NodeTuple> groupLabelEntries = entries(f.get("labels"));
      Labels groupLabels = labels(groupLabelEntries, null, "label");
      groupLabelErrors(groupLabelEntries);
      QueryLanguage language = null;
      NodeTuple type = f.get("type");
      if (type != null) {
        String t = reader.string(type.getValueNode());
        if (t != null && !t.isEmpty()) {
          language = QueryLanguage.ofGroupType(t);
          if (language == null) {
            reader.error("rulefmt/group-type", type.getValueNode(), "invalid group type \"" + t
                + "\": must be prometheus, loki, promql or logql");
          }
        }
      }
      List<Rule> rules = new ArrayList<>();
      NodeTuple rulesField = f.get("rules");
      if (rulesField != null) {
        List<Node> ruleNodes = reader.sequence(rulesField.getValueNode(), "[]rulefmt.Rule");
        for (int i = 0; i < ruleNodes.size(); i++) {
          Rule r = rule(ruleNodes.get(i), name, i + 1, language);
          if (r != null) {
            rules.add(r);
          }
        }
      }
      return new RuleGroup(name, interval, limit, queryOffset, groupLabels, language, rules, pos);
    }

    private Rule rule(Node node, String group, int index, QueryLanguage declared) {
      Map<String, NodeTuple> f = reader.mapping(node, "rulefmt.Rule", RULE_FIELDS, options.ignoreUnknownFields());
      String record = stringField(f, "record");
      String alert = stringField(f, "alert");
      String expr = stringField(f, "expr");
      Duration hold = durationField(f, "for");
      Duration keep = durationField(f, "keep_firing_for");
      if (record == null || alert == null || expr == null) {
        return null;
      }
      String ruleName = !alert.isEmpty() ? alert : record;
      RuleErrors errs = new RuleErrors(group, index, ruleName);
      Node recordNode = valueNode(f, "record");
      Node alertNode = valueNode(f, "alert");
      if (!record.isEmpty() && !alert.isEmpty()) {
        errs.add("rulefmt/record-and-alert", List.of(reader.position(recordNode), reader.position(alertNode)),
            "only one of 'record' and 'alert' must be set");
      }
      if (record.isEmpty() && alert.isEmpty()) {
        List<Position> ps = new ArrayList<>();
        if (recordNode != null) {
          ps.add(reader.position(recordNode));
        }
        if (alertNode != null) {
          ps.add(reader.position(alertNode));
        }
        if (ps.isEmpty()) {
          ps.add(reader.position(node));
        }
        errs.add("rulefmt/no-record-or-alert", ps, "one of 'record' or 'alert' must be set");
      }
      RuleQuery query = null;
      Node exprNode = valueNode(f, "expr");
      if (expr.isEmpty()) {
        errs.add("rulefmt/expr", List.of(reader.position(exprNode == null ? node : exprNode)),
            "field 'expr' must be set in rule");
      } else {
        query = query((ScalarNode) exprNode, expr, declared, errs);
      }
      if (!record.isEmpty()) {
        Position at = reader.position(recordNode);
        if (f.containsKey("annotations") && !NodeReader.isNull(f.get("annotations").getValueNode())) {
          errs.add("rulefmt/recording-field", List.of(at), "invalid field 'annotations' in recording rule");
        }
        if (hold != null && !hold.isZero()) {
          errs.add("rulefmt/recording-field", List.of(at), "invalid field 'for' in recording rule");
        }
        if (keep != null && !keep.isZero()) {
          errs.add("rulefmt/recording-field", List.of(at), "invalid field 'keep_firing_for' in recording rule");
        }
        if (!LabelNames.isValidMetricName(record)) {
          errs.add("rulefmt/record-name", List.of(at), "invalid recording rule name: " + record);
        } else if (record.indexOf('{') >= 0 || record.indexOf('}') >= 0) {
          errs.add("rulefmt/record-name", List.of(at),
              "braces present in the recording rule name; should it be in expr?: " + record);
        }
      }
      boolean alerting = record.isEmpty() && !alert.isEmpty();
      Map<String, NodeTuple> labelEntries = entries(f.get("labels"));
      Map<String, NodeTuple> annotationEntries = entries(f.get("annotations"));
      Labels labels = labels(labelEntries, alerting ? errs : null, "label");
      Labels annotations = labels(annotationEntries, alerting ? errs : null, "annotation");
      nameErrors(labelEntries, errs, "label");
      nameErrors(annotationEntries, errs, "annotation");
      if (errs.any() || query == null) {
        return null;
      }
      Position pos = reader.position(node);
      if (alerting) {
        return new AlertingRule(alert, query, hold == null ? Duration.ZERO : hold, keep == null ? Duration.ZERO : keep,
            labels, annotations, pos);
      }
      return new RecordingRule(record, query, labels, pos);
    }

    private RuleQuery query(ScalarNode node, String text, QueryLanguage declared, RuleErrors errs) {
      ScalarSource source = doc.scalarSource(node);
      QueryRouter.Outcome outcome = router.route(text, declared);
      if (outcome instanceof QueryRouter.Failed failed) {
        ExpressionException e = failed.error();
        ParseError first = e.errors().get(0);
        String prefix = failed.language() == QueryLanguage.LOGQL ? "could not parse LogQL expression: "
            : "could not parse expression: ";
        errs.add(failed.language().id() + "/parse", List.of(source.positionOf(first.span().start())),
            prefix + first.format(text));
        return null;
      }
      QueryRouter.Parsed parsed = (QueryRouter.Parsed) outcome;
      if (parsed.ambiguous()) {
        ruleErrors.add(new Diagnostic("language/ambiguous", Severity.WARNING, file, List.of(source.start()),
            errs.context(), "expression is valid PromQL and LogQL; it is evaluated as PromQL (set the group's"
                + " type: loki to evaluate it as LogQL)"));
      }
      return new RuleQuery(text, parsed.language(), parsed.query(), source);
    }

    private Map<String, NodeTuple> entries(NodeTuple field) {
      return field == null ? Map.of() : reader.stringMap(field.getValueNode(), "map[string]string");
    }

    private Labels labels(Map<String, NodeTuple> m, RuleErrors templateErrs, String kind) {
      if (m.isEmpty()) {
        return Labels.EMPTY;
      }
      Labels.Builder b = Labels.builder();
      for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
        String value = reader.string(e.getValue().getValueNode());
        b.put(e.getKey(), value);
        if (templateErrs != null) {
          Node vn = e.getValue().getValueNode();
          String err = templates.check(templateErrs.ruleName, value);
          if (err != null) {
            Position p = vn instanceof ScalarNode s ? TemplateCheck.position(err, doc.scalarSource(s))
                : reader.position(vn);
            templateErrs.add("template/parse", List.of(p), kind + " \"" + e.getKey() + "\": " + err);
          }
        }
      }
      return b.build();
    }

    /** Label names must be valid and not {@code __name__}; annotation names only valid. */
    private void nameErrors(Map<String, NodeTuple> m, RuleErrors errs, String kind) {
      for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
        String k = e.getKey();
        if (!LabelNames.isValidLabelName(k) || (kind.equals("label") && k.equals(Labels.METRIC_NAME))) {
          errs.add("rulefmt/" + kind + "-name", List.of(reader.position(e.getValue().getKeyNode())),
              "invalid " + kind + " name: " + k);
        }
      }
    }

    /** Group labels are checked like rule labels but reported without group or rule context, as Prometheus does. */
    private void groupLabelErrors(Map<String, NodeTuple> m) {
      for (Map.Entry<String, NodeTuple> e : m.entrySet()) {
        String k = e.getKey();
        if (!LabelNames.isValidLabelName(k) || k.equals(Labels.METRIC_NAME)) {
          ruleErrors.add(Diagnostic.error("rulefmt/label-name", file, reader.position(e.getValue().getKeyNode()),
              "invalid label name: " + k));
        }
      }
    }

    private String stringField(Map<String, NodeTuple> f, String key) {
      NodeTuple t = f.get(key);
      return t == null ? "" : reader.string(t.getValueNode());
    }

    private Duration durationField(Map<String, NodeTuple> f, String key) {
      NodeTuple t = f.get(key);
      return t == null ? null : reader.duration(t.getValueNode());
    }

    private Node valueNode(Map<String, NodeTuple> f, String key) {
      NodeTuple t = f.get(key);
      return t == null ? null : t.getValueNode();
    }

    /** Collects one rule's errors with promtool's context prefix. */
    private final class RuleErrors {
      private final String context;
      private final String ruleName;
      private boolean any;

      RuleErrors(String group, int index, String ruleName) {
        this.context = "group \"" + group + "\", rule " + index + ", " + quote(ruleName);
        this.ruleName = ruleName;
      }

      void add(String checkId, List<Position> positions, String message) {
        any = true;
        ruleErrors.add(new Diagnostic(checkId, Severity.ERROR, file, positions, context, message));
      }

      boolean any() {
        return any;
      }

      String context() {
        return context;
      }
    }
  }

  /** Go's %q for the strings that appear in rule names. */
  static String quote(String s) {
    return Labels.quote(s);
  }
}
