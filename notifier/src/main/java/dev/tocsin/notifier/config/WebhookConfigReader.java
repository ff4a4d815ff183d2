package dev.tocsin.notifier.config;

import dev.tocsin.model.yaml.NodeReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Reads one {@code webhook_configs} entry with Alertmanager's defaults and validation. */
final class WebhookConfigReader {
  private static final Set<String> FIELDS = Set.of("send_resolved", "http_config", "url", "url_file", "max_alerts",
      "timeout");

  private final FieldReader fields;
  private final HttpSettingsReader http;

  WebhookConfigReader(FieldReader fields) {
    this.fields = fields;
    this.http = new HttpSettingsReader(fields);
  }

  /** The configuration, or null after reporting an error. */
  WebhookConfig read(Node node, HttpSettings globalHttp) {
    NodeReader reader = fields.reader();
    Map<String, NodeTuple> f = reader.mapping(node, "config.WebhookConfig", FIELDS, false);
    String url = fields.string(f, "url");
    Path urlFile = fields.path(f, "url_file");
    if (url != null && url.isEmpty()) {
      url = null;
    }
    if (url == null && urlFile == null) {
      fields.error(node, "one of url or url_file must be configured");
      return null;
    }
    if (url != null && urlFile != null) {
      fields.error(node, "at most one of url & url_file must be configured");
      return null;
    }
    if (url != null && !validUrl(url)) {
      fields.error(FieldReader.value(f, "url"), "unsupported scheme or missing host in URL \"" + url + "\"");
      return null;
    }
    Duration timeout = reader.duration(FieldReader.value(f, "timeout"));
    HttpSettings settings = http.read(FieldReader.value(f, "http_config"), globalHttp);
    return new WebhookConfig(fields.bool(f, "send_resolved", true), url, urlFile, fields.unsigned(f, "max_alerts", 0),
        timeout == null ? Duration.ZERO : timeout, settings);
  }

  /** Alertmanager accepts only absolute http and https URLs with a host. */
  static boolean validUrl(String url) {
    try {
      URI u = new URI(url);
      return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
