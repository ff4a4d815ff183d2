package dev.tocsin.engine.config;

import dev.tocsin.model.LabelNames;
import dev.tocsin.model.Labels;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.model.source.Severity;
import dev.tocsin.model.yaml.NodeReader;
import dev.tocsin.model.yaml.YamlDocument;
import dev.tocsin.model.yaml.YamlException;
import dev.tocsin.model.yaml.YamlLimits;
import dev.tocsin.promql.http.HttpClientConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Loads and strictly validates a {@code tocsin.yml}: unknown keys, wrong types, bad durations and
 * URLs, missing files and contradictory settings are all reported at file:line:column, in
 * Prometheus' wording where Prometheus has the same check. Relative paths resolve from the config
 * file's folder; {@code rule_files} entries are expanded as Go globs.
 */
public final class TocsinConfigLoader {
  /** A config file is small; anything larger than this is refused before parsing. */
  public static final YamlLimits LIMITS = new YamlLimits(4L * 1024 * 1024, 100);

  private static final Set<String> TOP = Set.of("global", "rule_files", "datasources", "alerting", "notifications",
      "state");
  private static final Set<String> GLOBAL = Set.of("evaluation_interval", "rule_query_offset", "external_labels",
      "external_url", "evaluation_workers");
  private static final Set<String> DATASOURCES = Set.of("prometheus", "loki");
  private static final Set<String> DATASOURCE_OWN = Set.of("url", "timeout", "tenant_id", "external_url", "embedded");
  private static final Set<String> PROMETHEUS = union(DATASOURCE_OWN, HttpConfigReader.ALL_KEYS);
  private static final Set<String> LOKI = union(PROMETHEUS, Set.of("grafana_url"));
  private static final Set<String> EMBEDDED = Set.of("series_file", "streams_file");
  private static final Set<String> ALERTING = Set.of("alertmanagers", "resend_delay");
  private static final Set<String> ALERTMANAGER = union(Set.of("url", "path_prefix", "timeout"),
      HttpConfigReader.ALL_KEYS);
  private static final Set<String> NOTIFICATIONS = Set.of("config_file");
  private static final Set<String> STATE = Set.of("directory", "outage_tolerance");

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new TreeSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /** Loads a file; a missing, unreadable or oversized file is an error diagnostic, never an exception. */
  public ConfigLoadResult load(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        return failed(name, "read " + name + ": is a directory");
      }
      long size = Files.size(file);
      if (size > LIMITS.maxFileBytes()) {
        return failed(name, "file is " + size + " bytes, over the limit of " + LIMITS.maxFileBytes() + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return failed(name, "open " + name + ": no such file or directory");
    } catch (AccessDeniedException e) {
      return failed(name, "open " + name + ": permission denied");
    } catch (IOException | SecurityException e) {
      return failed(name, "read " + name + ": " + e.getMessage());
    }
    return load(file, bytes);
  }

  /**
   * Loads a config's contents as if read from {@code file}: relative paths resolve against the
   * file's folder.
   */
  public ConfigLoadResult load(Path file, byte[] bytes) {
    YamlDocument doc;
    try {
      doc = YamlDocument.parse(bytes, LIMITS);
    } catch (YamlException e) {
      return new ConfigLoadResult(null, List.of(Diagnostic.error("yaml/syntax", file.toString(), e.position(),
          e.getMessage())), List.of());
    }
    return new Decoder(file, doc).decode();
  }

  private static ConfigLoadResult failed(String name, String message) {
    return new ConfigLoadResult(null, List.of(Diagnostic.error("config/file", name, null, message)), List.of());
  }

  /** One file's decoding and validation. */
  private static final class Decoder {
    private final Path path;
    private final String file;
    private final YamlDocument doc;
    private final NodeReader reader;
    private final ConfigFields fields;
    private final HttpConfigReader http;

    Decoder(Path path, YamlDocument doc) {
      this.path = path;
      this.file = path.toString();
      this.doc = doc;
      this.reader = new NodeReader(doc, file);
      this.fields = new ConfigFields(reader, path.getParent());
      this.http = new HttpConfigReader(fields);
    }

    ConfigLoadResult decode() {
      Map<String, NodeTuple> top = reader.mapping(doc.root(), "config.Config", TOP, false);
      GlobalConfig global = global(ConfigFields.value(top, "global"));
      List<Path> ruleFiles = ruleFiles(ConfigFields.value(top, "rule_files"));
      DatasourcesConfig datasources = datasources(ConfigFields.value(top, "datasources"));
      AlertingConfig alerting = alerting(ConfigFields.value(top, "alerting"));
      NotificationsConfig notifications = notifications(top.get("notifications"));
      StateConfig state = state(ConfigFields.value(top, "state"));
      List<Diagnostic> warnings = doc.hasMoreDocuments()
          ? List.of(new Diagnostic("yaml/multi-document", Severity.WARNING, file, List.of(), "",
              "the file has more than one YAML document; only the first is used"))
          : List.of();
      if (!reader.errors().isEmpty()) {
        return new ConfigLoadResult(null, reader.errors(), warnings);
      }
      TocsinConfig config = new TocsinConfig(path, global, ruleFiles, datasources, alerting, notifications,
          state);
      return new ConfigLoadResult(config, List.of(), warnings);
    }

    /** A mapping's fields, or {@code null} (after reporting) when the node is something else. */
    private Map<String, NodeTuple> section(Node node, String goType, Set<String> known) {
      Map<String, NodeTuple> f = reader.mapping(node, goType, known, false);
      return NodeReader.isNull(node) || node instanceof MappingNode ? f : null;
    }

    private GlobalConfig global(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.GlobalConfig", GLOBAL, false);
      Duration interval = fields.duration(f, "evaluation_interval", GlobalConfig.DEFAULT_EVALUATION_INTERVAL, true);
      Duration offset = fields.duration(f, "rule_query_offset", Duration.ZERO, false);
      Labels external = externalLabels(ConfigFields.value(f, "external_labels"));
      String externalUrl = fields.httpUrl(f, "external_url");
      int workers = GlobalConfig.DEFAULT_EVALUATION_WORKERS;
      Node w = ConfigFields.value(f, "evaluation_workers");
      if (w != null) {
        int before = reader.errors().size();
        workers = reader.integer(w);
        if (reader.errors().size() == before && workers <= 0) {
          reader.error("config/value", w, "evaluation_workers must be greater than 0");
        }
      }
      if (interval == null || offset == null || workers <= 0) {
        return null;
      }
      return new GlobalConfig(interval, offset, external, externalUrl, workers);
    }

    private Labels externalLabels(Node node) {
      Labels.Builder b = Labels.builder();
      for (Map.Entry<String, NodeTuple> e : reader.stringMap(node, "map[string]string").entrySet()) {
        String name = e.getKey();
        if (!LabelNames.isValidLabelName(name)) {
          reader.error("config/label-name", e.getValue().getKeyNode(), Labels.quote(name)
              + " is not a valid label name");
          continue;
        }
        String value = reader.string(e.getValue().getValueNode());
        // An empty label value is the same as no label in Prometheus' data model.
        if (value != null && !value.isEmpty()) {
          b.put(name, value);
        }
      }
      return b.build();
    }

    private List<Path> ruleFiles(Node node) {
      Set<Path> out = new LinkedHashSet<>();
      for (Node n : reader.sequence(node, "[]string")) {
        String pattern = reader.string(n);
        if (pattern == null) {
          continue;
        }
        if (pattern.isEmpty()) {
          reader.error("config/rule-files", n, "rule file path must not be empty");
          continue;
        }
        // Prometheus allows a wildcard only in the last path component.
        int star = pattern.indexOf('*');
        if (star >= 0 && pattern.indexOf('/', star) >= 0) {
          reader.error("config/rule-files", n, "invalid rule file path " + Labels.quote(pattern));
          continue;
        }
        Path resolved;
        try {
          resolved = fields.resolve(pattern);
        } catch (InvalidPathException e) {
          reader.error("config/rule-files", n, "invalid rule file path " + Labels.quote(pattern) + ": "
              + e.getReason());
          continue;
        }
        List<Path> matches;
        try {
          matches = RuleFileGlob.expand(resolved);
        } catch (RuleFileGlob.BadPatternException e) {
          reader.error("config/rule-files", n, "invalid rule file path " + Labels.quote(pattern) + ": "
              + e.getMessage());
          continue;
        }
        // As promtool: a glob matching nothing is fine, a plain path must exist.
        if (!pattern.contains("*")) {
          if (matches.isEmpty()) {
            reader.error("config/rule-files", n, Labels.quote(resolved.toString())
                + " does not point to an existing file");
            continue;
          }
          if (matches.size() == 1 && Files.isDirectory(matches.get(0))) {
            reader.error("config/rule-files", n, Labels.quote(resolved.toString())
                + " is a directory, not a rule file");
            continue;
          }
        }
        out.addAll(matches);
      }
      return List.copyOf(out);
    }

    private DatasourcesConfig datasources(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.DatasourcesConfig", DATASOURCES, false);
      DatasourceConfig prometheus = datasource(f.get("prometheus"), false);
      DatasourceConfig loki = datasource(f.get("loki"), true);
      return new DatasourcesConfig(prometheus, loki);
    }

    private DatasourceConfig datasource(NodeTuple entry, boolean loki) {
      if (entry == null || NodeReader.isNull(entry.getValueNode())) {
        return null;
      }
      String kind = loki ? "loki" : "prometheus";
      Map<String, NodeTuple> f = section(entry.getValueNode(),
          loki ? "config.LokiDatasource" : "config.PrometheusDatasource", loki ? LOKI : PROMETHEUS);
      if (f == null) {
        return null;
      }
      Node embedded = ConfigFields.value(f, "embedded");
      boolean hasUrl = ConfigFields.value(f, "url") != null;
      if (hasUrl && embedded != null) {
        reader.error("config/datasource", f.get("embedded").getKeyNode(),
            "only one of url and embedded must be set in datasource " + kind);
        return null;
      }
      if (!hasUrl && embedded == null) {
        reader.error("config/datasource", entry.getKeyNode(),
            "one of url or embedded must be set in datasource " + kind);
        return null;
      }
      if (embedded != null) {
        for (String key : f.keySet()) {
          if (!key.equals("embedded")) {
            reader.error("config/datasource", f.get(key).getKeyNode(),
                "field " + key + " cannot be used with embedded in datasource " + kind);
          }
        }
        return embedded(embedded, loki);
      }
      String url = fields.httpUrl(f, "url");
      Duration timeout = fields.duration(f, "timeout", HttpDatasourceConfig.DEFAULT_TIMEOUT, true);
      String tenant = fields.nonEmptyString(f, "tenant_id");
      String externalUrl = fields.httpUrl(f, "external_url");
      String grafanaUrl = fields.httpUrl(f, "grafana_url");
      HttpClientConfig httpConfig = http.read(f);
      if (tenant != null && httpConfig != null && httpConfig.httpHeaders().keySet().stream()
          .anyMatch(h -> h.equalsIgnoreCase("X-Scope-OrgID"))) {
        reader.error("config/datasource", f.get("tenant_id").getKeyNode(),
            "tenant_id and an X-Scope-OrgID entry in http_headers must not both be set");
        return null;
      }
      if (url == null || timeout == null || httpConfig == null) {
        return null;
      }
      return new HttpDatasourceConfig(url, timeout, tenant, httpConfig, externalUrl, grafanaUrl);
    }

    private EmbeddedDatasourceConfig embedded(Node node, boolean loki) {
      Map<String, NodeTuple> f = section(node, "config.EmbeddedConfig", EMBEDDED);
      if (f == null) {
        return null;
      }
      String wanted = loki ? "streams_file" : "series_file";
      String other = loki ? "series_file" : "streams_file";
      if (f.containsKey(other)) {
        reader.error("config/datasource", f.get(other).getKeyNode(), other + " cannot be used in the "
            + (loki ? "loki" : "prometheus") + " datasource; use " + wanted);
        return null;
      }
      if (ConfigFields.value(f, wanted) == null) {
        reader.error("config/datasource", node, "embedded needs " + wanted);
        return null;
      }
      Path p = fields.existingFile(f, wanted);
      if (p == null) {
        return null;
      }
      return loki ? new EmbeddedDatasourceConfig(null, p) : new EmbeddedDatasourceConfig(p, null);
    }

    private AlertingConfig alerting(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.AlertingConfig", ALERTING, false);
      List<AlertmanagerConfig> ams = new ArrayList<>();
      NodeTuple list = f.get("alertmanagers");
      if (list != null) {
        for (Node n : reader.sequence(list.getValueNode(), "[]*config.AlertmanagerConfig")) {
          AlertmanagerConfig am = alertmanager(n);
          if (am != null) {
            ams.add(am);
          }
        }
      }
      Duration resend = fields.duration(f, "resend_delay", AlertingConfig.DEFAULT_RESEND_DELAY, false);
      return resend == null ? null : new AlertingConfig(ams, resend);
    }

    private AlertmanagerConfig alertmanager(Node node) {
      Map<String, NodeTuple> f = section(node, "config.AlertmanagerConfig", ALERTMANAGER);
      if (f == null) {
        return null;
      }
      if (ConfigFields.value(f, "url") == null) {
        reader.error("config/alertmanager", node, "url must be set for each alertmanager");
        return null;
      }
      String url = fields.httpUrl(f, "url");
      String prefix = fields.string(f, "path_prefix");
      Duration timeout = fields.duration(f, "timeout", AlertmanagerConfig.DEFAULT_TIMEOUT, true);
      HttpClientConfig httpConfig = http.read(f);
      if (url == null || timeout == null || httpConfig == null) {
        return null;
      }
      return new AlertmanagerConfig(url, prefix, timeout, httpConfig);
    }

    private NotificationsConfig notifications(NodeTuple entry) {
      if (entry == null) {
        return null;
      }
      Map<String, NodeTuple> f = section(entry.getValueNode(), "config.NotificationsConfig", NOTIFICATIONS);
      if (f == null) {
        return null;
      }
      if (ConfigFields.value(f, "config_file") == null) {
        reader.error("config/notifications", entry.getKeyNode(), "notifications needs config_file");
        return null;
      }
      Path p = fields.existingFile(f, "config_file");
      return p == null ? null : new NotificationsConfig(p);
    }

    private StateConfig state(Node node) {
      Map<String, NodeTuple> f = reader.mapping(node, "config.StateConfig", STATE, false);
      Path dir = fields.path(f, "directory");
      if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
        reader.error("config/file", ConfigFields.value(f, "directory"), "directory " + dir + " is not a directory");
      }
      Duration tolerance = fields.duration(f, "outage_tolerance", StateConfig.DEFAULT_OUTAGE_TOLERANCE, true);
      return tolerance == null ? null : new StateConfig(dir, tolerance);
    }
  }
}
