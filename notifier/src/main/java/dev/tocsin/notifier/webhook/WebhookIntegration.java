package dev.tocsin.notifier.webhook;

import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.WebhookConfig;
import dev.tocsin.notifier.receiver.GroupData;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.Notification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager's {@code webhook_configs} receiver: POSTs the version 4 payload ({@link
 * WebhookPayload}) as JSON. A 2xx answer is success; 5xx answers and connection errors are retried
 * with {@link Backoff} until the flush's deadline; other answers fail at once. Each request
 * carries a fresh {@code X-Correlation-Id}, logged with the evaluation ids of its alerts.
 */
public final class WebhookIntegration implements Integration {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntegration.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String USER_AGENT = "Tocsin";

  private final WebhookConfig config;
  private final OkHttpClient client;
  private final String externalUrl;
  private final Clock clock;
  private final Backoff.Sleeper sleeper;
  private final Supplier<String> ids;

  public WebhookIntegration(WebhookConfig config, OkHttpClient client, String externalUrl, Clock clock,
      Backoff.Sleeper sleeper, Supplier<String> ids) {
    this.config = Objects.requireNonNull(config, "config is null");
    this.client = Objects.requireNonNull(client, "client is null");
    this.externalUrl = externalUrl == null ? "" : externalUrl;
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper is null");
    this.ids = Objects.requireNonNull(ids, "ids is null");
  }

  /**
   * A webhook on the wall clock with real waits and random correlation ids (16 hex digits, as the
   * engine's; not from {@code SecureRandom}, whose lock hundreds of parallel deliveries contend for).
   */
  public WebhookIntegration(WebhookConfig config, OkHttpClient client, String externalUrl) {
    this(config, client, externalUrl, Clock.systemUTC(), Backoff.REAL,
        () -> GroupData.hex(ThreadLocalRandom.current().nextLong()));
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public boolean sendResolved() {
    return config.sendResolved();
  }

  @Override
  public void deliver(Notification notification) {
    deliver(notification, clock.instant().plus(Duration.ofSeconds(10)));
  }

  @Override
  public void deliver(Notification n, Instant deadline) {
    byte[] body = WebhookPayload.json(n, externalUrl, config.maxAlerts()).getBytes(StandardCharsets.UTF_8);
    String evaluations = evaluationIds(n);
    for (int attempt = 1; ; attempt++) {
      String id = ids.get();
      String failure;
      try {
        int status = post(url(), body, id, deadline);
        if (status / 100 == 2) {
          LOG.info("Webhook notified receiver={} group={} alerts={} attempt={} correlation_id={} evaluation_ids={}",
              n.receiver(), n.groupKey(), n.alerts().size(), attempt, id, evaluations);
          return;
        }
        failure = "unexpected status code " + status;
        if (status / 100 != 5) {
          throw new WebhookException(failure + " from the webhook (not retried), correlation_id=" + id);
        }
      } catch (IOException e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
      Duration wait = Backoff.after(attempt);
      LOG.warn("Webhook attempt {} for receiver={} group={} failed: {}; correlation_id={} evaluation_ids={}", attempt,
          n.receiver(), n.groupKey(), failure, id, evaluations);
      if (clock.instant().plus(wait).isAfter(deadline)) {
        throw new WebhookException("giving up after " + attempt + " attempts: " + failure);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WebhookException("interrupted after " + attempt + " attempts: " + failure);
      }
    }
  }

  /** The distinct evaluation ids of the alerts, in order, comma-separated, for the log line. */
  private static String evaluationIds(Notification n) {
    Set<String> ids = new LinkedHashSet<>();
    for (OutgoingAlert a : n.alerts()) {
      if (!a.evaluationId().isEmpty()) {
        ids.add(a.evaluationId());
      }
    }
    return String.join(",", ids);
  }

  private String url() {
    if (config.url() != null) {
      return config.url();
    }
    try {
      return Files.readString(config.urlFile(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new WebhookException("cannot read url_file " + config.urlFile() + ": " + e.getMessage());
    }
  }

  private int post(String url, byte[] body, String correlationId, Instant deadline) throws IOException {
    Request request;
    try {
      request = new Request.Builder().url(url).header("User-Agent", USER_AGENT)
          .header("X-Correlation-Id", correlationId).post(RequestBody.create(body, JSON)).build();
    } catch (IllegalArgumentException e) {
      throw new WebhookException("invalid webhook URL: " + e.getMessage());
    }
    Call call = client.newCall(request);
    long left = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
    long timeout = config.timeout().isZero() ? left : Math.min(left, config.timeout().toMillis());
    call.timeout().timeout(timeout, TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      return response.code();
    }
  }

  /** A webhook notification that failed for good. */
  public static final class WebhookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebhookException(String message) {
      super(message, null, false, false);
    }
  }
}
