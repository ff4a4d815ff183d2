package dev.tocsin.engine.cli;

import ch.qos.logback.classic.Level;
import dev.tocsin.engine.config.GlobalConfig;
import dev.tocsin.engine.config.TocsinConfig;
import dev.tocsin.engine.daemon.Daemon;
import dev.tocsin.engine.daemon.DaemonComponents;
import dev.tocsin.engine.daemon.DaemonMetrics;
import dev.tocsin.engine.daemon.JvmMetrics;
import dev.tocsin.engine.daemon.StatePersistence;
import dev.tocsin.engine.daemon.StoredState;
import dev.tocsin.engine.logging.LogFormat;
import dev.tocsin.engine.logging.LogSetup;
import dev.tocsin.engine.state.StateStore;
import dev.tocsin.engine.web.WebConfig;
import dev.tocsin.engine.web.WebConfigLoader;
import dev.tocsin.engine.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tocsin run}: the daemon, evaluating the configured rules until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Evaluate the configured rule files against their datasources and send alerts, until stopped.")
final class RunCommand implements Callable<Integer> {
  @Option(names = {"--config.file", "--config"}, required = true, paramLabel = "FILE",
      description = "Tocsin configuration file (tocsin.yml).")
  Path configFile;

  @Option(names = "--web.listen-address", paramLabel = "HOST:PORT", defaultValue = ":9097",
      description = "Address to listen on for the API, metrics and probes. Default: ${DEFAULT-VALUE}.")
  String listenAddress;

  @Option(names = "--web.config.file", paramLabel = "FILE",
      description = "Web config file (Prometheus' format) enabling TLS and/or basic authentication.")
  Path webConfigFile;

  @Option(names = "--web.enable-lifecycle", description = "Enable reloading through POST /-/reload.")
  boolean lifecycle;

  @Option(names = "--log.level", paramLabel = "LEVEL", defaultValue = "info",
      description = "Only log messages at or above this level: debug, info, warn, error. Default: ${DEFAULT-VALUE}.")
  String logLevel;

  @Option(names = "--log.format", paramLabel = "FORMAT", defaultValue = "json",
      description = "Log line format: json (one object per line) or logfmt. Default: ${DEFAULT-VALUE}.")
  String logFormat;

  @Option(names = "--shutdown.timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "How long to wait at shutdown for evaluations to end and queued notifications to go. Default: ${DEFAULT-VALUE}.")
  String shutdownTimeout;

  @Override
  public Integer call() {
    Duration shutdown;
    InetSocketAddress address;
    Level level;
    LogFormat format;
    try {
      level = LogSetup.level(logLevel);
      format = LogFormat.parse(logFormat);
      shutdown = dev.tocsin.model.PromDuration.parse(shutdownTimeout);
      address = listenAddress(listenAddress);
    } catch (IllegalArgumentException e) {
      System.err.println("tocsin: error: " + e.getMessage());
      return 2;
    }
    LogSetup.apply(format, level);
    Logger log = LoggerFactory.getLogger(RunCommand.class);
    ConfigFiles.Loaded loaded = ConfigFiles.load(configFile);
    if (loaded.config() == null) {
      System.err.println(loaded.errors());
      return 1;
    }
    if (!loaded.warnings().isEmpty()) {
      log.atWarn().addKeyValue("event", "config_warning").log("{}", loaded.warnings());
    }
    WebConfig webConfig = WebConfig.NONE;
    if (webConfigFile != null) {
      WebConfigLoader.Result web = new WebConfigLoader().load(webConfigFile);
      if (web.config() == null) {
        web.errors().forEach(d -> System.err.println(d.format()));
        return 1;
      }
      webConfig = web.config();
    }
    String defaultExternalUrl = (webConfig.tls() == null ? "http://" : "https://") + hostName() + ":" + address.getPort();
    TocsinConfig config = withExternalUrl(loaded.config(), defaultExternalUrl);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmMetrics.bindTo(registry);
    DaemonMetrics metrics = new DaemonMetrics(registry);
    Clock clock = Clock.systemUTC();
    StatePersistence state = config.state().directory() == null ? StatePersistence.NONE
        : new StoredState(new StateStore(config.state().directory(), StateStore.DEFAULT_REFRESH),
            config.state().outageTolerance(), clock);
    Daemon daemon = new Daemon(clock, new DaemonComponents(registry, RunCommand::printNotification, clock),
        metrics, state, config.global().evaluationWorkers());
    try {
      daemon.start(config);
    } catch (Daemon.StartException e) {
      System.err.println(e.getMessage());
      daemon.close(Duration.ZERO);
      return 1;
    }
    WebServer web;
    try {
      web = new WebServer(address, daemon, registry, () -> reload(daemon, metrics, log, defaultExternalUrl), lifecycle,
          webConfig, clock);
    } catch (IOException e) {
      System.err.println("tocsin: error: cannot listen on " + listenAddress + ": " + e.getMessage());
      daemon.close(Duration.ZERO);
      return 1;
    }
    log.atInfo().addKeyValue("event", "listening").log("listening on {}",
        web.address().getHostString() + ":" + web.address().getPort());
    Signals.onHangup(() -> reload(daemon, metrics, log, defaultExternalUrl));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.atInfo().addKeyValue("event", "shutting_down").log("shutting down");
      web.close();
      daemon.close(shutdown);
      log.atInfo().addKeyValue("event", "stopped").log("stopped");
      stopped.countDown();
    }, "tocsin-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Re-reads the configuration file; returns the reason when it is rejected and the old one stays. */
  private String reload(Daemon daemon, DaemonMetrics metrics, Logger log, String defaultExternalUrl) {
    ConfigFiles.Loaded loaded = ConfigFiles.load(configFile);
    String error = loaded.config() == null ? loaded.errors() : null;
    if (error != null) {
      // The daemon records its own outcomes; a file that does not even load never reaches it.
      metrics.configLoaded(false, Clock.systemUTC().instant());
    }
    if (error == null) {
      try {
        daemon.reload(withExternalUrl(loaded.config(), defaultExternalUrl));
      } catch (Daemon.StartException e) {
        error = e.getMessage();
      }
    }
    if (error != null) {
      log.atError().addKeyValue("event", "reload_failed").addKeyValue("config_file", configFile.toString())
          .log("reload failed, the previous configuration keeps running: {}", error);
    } else {
      log.atInfo().addKeyValue("event", "config_reloaded").addKeyValue("config_file", configFile.toString())
          .log("configuration reloaded from {}", configFile);
    }
    return error;
  }

  /** The config with {@code global.external_url} defaulted to this host and the listen port, as Prometheus does. */
  private static TocsinConfig withExternalUrl(TocsinConfig c, String defaultUrl) {
    GlobalConfig g = c.global();
    if (g.externalUrl() != null) {
      return c;
    }
    GlobalConfig withUrl = new GlobalConfig(g.evaluationInterval(), g.ruleQueryOffset(), g.externalLabels(), defaultUrl,
        g.evaluationWorkers());
    return new TocsinConfig(c.file(), withUrl, c.ruleFiles(), c.datasources(), c.alerting(), c.notifications(),
        c.state());
  }

  private static final java.io.PrintStream STDOUT = Console.stdout();

  /** The {@code log} receiver's output: one line per notification on standard output. */
  private static void printNotification(String line) {
    synchronized (STDOUT) {
      STDOUT.println(line);
      STDOUT.flush();
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Parses Prometheus' {@code [host]:port} listen address; an empty host means every interface. */
  static InetSocketAddress listenAddress(String s) {
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--web.listen-address \"" + s + "\": missing port");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(s.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--web.listen-address \"" + s + "\": invalid port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--web.listen-address \"" + s + "\": invalid port");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }
}
