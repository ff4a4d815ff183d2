package dev.tocsin.engine.daemon;

import dev.tocsin.engine.config.AlertmanagerConfig;
import dev.tocsin.engine.config.StateConfig;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.model.source.Diagnostic;
import dev.tocsin.notifier.Notifier;
import dev.tocsin.notifier.alertmanager.AlertmanagerCounters;
import dev.tocsin.notifier.alertmanager.AlertmanagerEndpoint;
import dev.tocsin.notifier.alertmanager.AlertmanagerNotifier;
import dev.tocsin.notifier.alertmanager.AlertmanagerStats;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.HttpSettings;
import dev.tocsin.notifier.config.NotificationConfigResult;
import dev.tocsin.notifier.route.RouterCounters;
import dev.tocsin.notifier.route.RoutingNotifier;
import dev.tocsin.promql.http.HttpClientConfig;
import dev.tocsin.promql.http.HttpClients;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds what a configuration needs besides its rules: the datasources, an Alertmanager client for
 * the configured Alertmanagers, and the built-in router when {@code notifications:} names an
 * alertmanager.yml. Every Alertmanager client counts into one {@link AlertmanagerCounters} and
 * every router into one {@link RouterCounters}, which the metrics read: the counts survive reloads
 * and never go back, and the gauges read the clients and routers open at the time, not one built
 * for a reload that failed.
 */
public final class DaemonComponents implements Daemon.ComponentFactory {
  private static final Logger LOG = LoggerFactory.getLogger(DaemonComponents.class);

  private final MeterRegistry registry;
  private final Consumer<String> console;
  private final Clock clock;
  private final AlertmanagerCounters alertmanagerCounters = new AlertmanagerCounters();
  /** The Alertmanager URLs whose metrics are registered. */
  private final Set<String> boundAlertmanagers = ConcurrentHashMap.newKeySet();
  private final RouterCounters routerCounters = new RouterCounters();
  /** The receiver and integration pairs whose router counters are registered. */
  private final Set<RouterCounters.IntegrationKey> boundRouterKeys = ConcurrentHashMap.newKeySet();
  private boolean routerBound;

  public DaemonComponents(MeterRegistry registry, Consumer<String> console, Clock clock) {
    this.registry = registry;
    this.console = console;
    this.clock = clock;
  }

  @Override
  public Daemon.Components create(TocsinConfig config, Instant start) {
    String externalUrl = config.global().externalUrl();
    Datasources datasources =
        Datasources.create(config.datasources(), start, externalUrl, new HttpDatasources()).timed(registry);
    List<Notifier> notifiers = new ArrayList<>();
    if (config.notifications() != null) {
      NotificationConfigResult r = new NotificationConfigLoader().load(config.notifications().configFile());
      if (r.hasErrors()) {
        throw new IllegalArgumentException(r.diagnostics().stream().filter(d -> !r.warnings().contains(d))
            .map(Diagnostic::format).collect(Collectors.joining("\n")));
      }
      r.warnings().forEach(w -> LOG.atWarn().addKeyValue("event", "notification_config_warning").log("{}", w.format()));
      StateConfig state = config.state();
      notifiers.add(RoutingNotifier.create(r.config(), config.global().externalLabels(),
          new RoutingNotifier.Options(clock, console, DaemonComponents::webhookClient, externalUrl,
              state == null ? null : state.directory(), RoutingNotifier.DEFAULT_QUEUE_CAPACITY, routerCounters)));
      bindRouter();
    }
    if (!config.alerting().alertmanagers().isEmpty()) {
      List<AlertmanagerEndpoint> endpoints = new ArrayList<>();
      for (AlertmanagerConfig am : config.alerting().alertmanagers()) {
        endpoints.add(new AlertmanagerEndpoint(am.url(), am.pathPrefix(), am.timeout(),
            HttpClients.create(am.http(), am.timeout())));
      }
      notifiers.add(new AlertmanagerNotifier(endpoints, config.global().externalLabels(),
          AlertmanagerNotifier.Options.DEFAULT, alertmanagerCounters));
      bindAlertmanagers();
    }
    return new Daemon.Components(datasources, notifiers);
  }

  /** An HTTP client for a webhook's {@code http_config}, built as for datasources; the flush bounds each call. */
  static OkHttpClient webhookClient(HttpSettings s) {
    HttpClientConfig.BasicAuth basic = s.basicAuth() == null ? null : new HttpClientConfig.BasicAuth(
        s.basicAuth().username(), null, s.basicAuth().password(), s.basicAuth().passwordFile());
    HttpClientConfig.Authorization auth = s.authorization() == null ? null : new HttpClientConfig.Authorization(
        s.authorization().type(), s.authorization().credentials(), s.authorization().credentialsFile());
    HttpClientConfig.TlsConfig tls = s.tls() == null ? null : new HttpClientConfig.TlsConfig(s.tls().caFile(),
        s.tls().certFile(), s.tls().keyFile(), s.tls().serverName(), s.tls().insecureSkipVerify(),
        s.tls().minVersion());
    return HttpClients.create(HttpClients.shared(), new HttpClientConfig(basic, auth, Map.of(), tls, s.proxyUrl(), s.followRedirects(),
        s.enableHttp2()), Duration.ZERO, Duration.ofSeconds(10));
  }

  /** Registers the metrics of the Alertmanagers not seen before; one a reload removes keeps its final counts. */
  private void bindAlertmanagers() {
    AlertmanagerCounters c = alertmanagerCounters;
    for (String url : c.urls()) {
      if (boundAlertmanagers.add(url)) {
        counter("tocsin.notifications.sent", url, AlertmanagerStats::sent, "Alerts sent to this Alertmanager.");
        counter("tocsin.notifications.dropped", url, AlertmanagerStats::dropped,
            "Alerts dropped: queue overflow or a failed request.");
        counter("tocsin.notifications.errors", url, AlertmanagerStats::errors, "Requests to this Alertmanager that failed.");
        Gauge.builder("tocsin.notifications.queue.length", c, x -> x.stats(url).queueLength())
            .tag("alertmanager", url).description("Alerts waiting to be sent to this Alertmanager.").register(registry);
      }
    }
  }

  /**
   * Registers the router metrics on first use, and the per-integration counters of receivers not
   * seen before; a receiver a reload removes keeps its final counts, as counters must not vanish.
   */
  private synchronized void bindRouter() {
    RouterCounters c = routerCounters;
    if (!routerBound) {
      routerBound = true;
      FunctionCounter.builder("tocsin.router.alerts.received", c, RouterCounters::receivedFiring).tag("status", "firing")
          .description("Alerts the built-in router took in, by their status on arrival.").register(registry);
      FunctionCounter.builder("tocsin.router.alerts.received", c, RouterCounters::receivedResolved)
          .tag("status", "resolved").description("Alerts the built-in router took in, by their status on arrival.")
          .register(registry);
      FunctionCounter.builder("tocsin.router.alerts.dropped", c, RouterCounters::dropped)
          .description("Alerts the built-in router dropped before routing: queue overflow or the shutdown deadline.")
          .register(registry);
      Gauge.builder("tocsin.router.queue.length", c, RouterCounters::queueLength)
          .description("Alerts waiting to be routed.").register(registry);
      Gauge.builder("tocsin.router.aggregation.groups", c, RouterCounters::aggregationGroups)
          .description("Aggregation groups of the built-in router.").register(registry);
    }
    for (RouterCounters.IntegrationKey k : c.integrations().keySet()) {
      if (boundRouterKeys.add(k)) {
        FunctionCounter.builder("tocsin.router.notifications", c,
                x -> x.integration(k.receiver(), k.integration()).notifications())
            .tags("receiver", k.receiver(), "integration", k.integration())
            .description("Notifications the built-in router attempted.").register(registry);
        FunctionCounter.builder("tocsin.router.notifications.failed", c,
                x -> x.integration(k.receiver(), k.integration()).failed())
            .tags("receiver", k.receiver(), "integration", k.integration())
            .description("Notifications that failed after their retries.").register(registry);
      }
    }
  }

  private void counter(String name, String url, ToDoubleFunction<AlertmanagerStats> f, String help) {
    FunctionCounter.builder(name, alertmanagerCounters, c -> f.applyAsDouble(c.stats(url))).tag("alertmanager", url)
        .description(help).register(registry);
  }
}
