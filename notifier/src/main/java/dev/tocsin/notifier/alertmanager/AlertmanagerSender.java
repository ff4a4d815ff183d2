package dev.tocsin.notifier.alertmanager;

import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.QueueWorker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Posts batches to one Alertmanager and counts the outcome as Prometheus' send loop does: a
 * successful request adds its alerts to {@code sent}; a failed one (transport error, timeout or a
 * non-2xx status) adds them to {@code errors} and {@code dropped}, with no retry, because the rule
 * manager resends firing alerts every resend delay anyway.
 */
final class AlertmanagerSender implements QueueWorker.BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerNotifier.class);
  private static final MediaType JSON = MediaType.get("application/json");
  /** Enough evaluation ids to trace a request without one log line growing with the batch. */
  private static final int MAX_LOGGED_EVALUATION_IDS = 32;
  private static final String USER_AGENT = "Tocsin/" + version();

  private final String url;
  private final OkHttpClient client;
  private final long timeoutMillis;
  private final AlertmanagerCounters.Counts counts;
  private volatile Call inFlight;
  /** Set when close() gave up on the in-flight call; OkHttp also marks calls that time out as cancelled. */
  private volatile boolean aborted;

  AlertmanagerSender(AlertmanagerEndpoint endpoint, AlertmanagerCounters.Counts counts) {
    this.url = endpoint.alertsUrl();
    this.counts = counts;
    this.timeoutMillis = endpoint.timeout().toMillis();
    // The call timeout bounds the whole request (connect, write, wait, read), like Go's context deadline.
    this.client = endpoint.client().newBuilder().callTimeout(timeoutMillis, TimeUnit.MILLISECONDS).build();
  }

  String url() {
    return url;
  }

  @Override
  public void deliver(List<OutgoingAlert> batch) {
    String correlationId = newCorrelationId();
    Request request = new Request.Builder()
        .url(url)
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .header("X-Correlation-Id", correlationId)
        .post(RequestBody.create(PostableAlerts.encode(batch), JSON))
        .build();
    String failure = null;
    String outcome;
    Call call = client.newCall(request);
    inFlight = call;
    try (Response response = call.execute()) {
      outcome = response.code() + (response.message().isEmpty() ? "" : " " + response.message());
      if (!response.isSuccessful()) {
        failure = "bad response status " + outcome + excerpt(response);
      }
    } catch (InterruptedIOException e) {
      failure = aborted ? "cancelled at the shutdown deadline" : "timeout after " + timeoutMillis + "ms";
    } catch (IOException e) {
      failure = aborted ? "cancelled at the shutdown deadline" : e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      inFlight = null;
    }
    if (failure == null) {
      counts.sent.addAndGet(batch.size());
    } else {
      counts.errors.addAndGet(batch.size());
      counts.dropped.addAndGet(batch.size());
    }
    log(correlationId, batch, failure);
  }

  private void log(String correlationId, List<OutgoingAlert> batch, String failure) {
    String ids = evaluationIds(batch);
    List<String> idList = distinctEvaluationIds(batch).stream().limit(MAX_LOGGED_EVALUATION_IDS).toList();
    // The request's own id replaces any evaluation id in the MDC: this line is about the request.
    String outer = MDC.get("correlation_id");
    MDC.put("correlation_id", correlationId);
    try {
      if (failure == null) {
        LOG.atInfo().addKeyValue("event", "notification_sent").addKeyValue("alertmanager", url)
            .addKeyValue("count", batch.size()).addKeyValue("evaluation_ids", idList)
            .log("Alertmanager notification: alertmanager={} correlation_id={} count={} outcome=sent evaluation_ids={}",
                url, correlationId, batch.size(), ids);
      } else {
        LOG.atWarn().addKeyValue("event", "notification_failed").addKeyValue("alertmanager", url)
            .addKeyValue("count", batch.size()).addKeyValue("evaluation_ids", idList).addKeyValue("error", failure)
            .log("Alertmanager notification: alertmanager={} correlation_id={} count={} outcome=error ({}; alerts"
                + " dropped) evaluation_ids={}", url, correlationId, batch.size(), failure, ids);
      }
    } finally {
      if (outer == null) {
        MDC.remove("correlation_id");
      } else {
        MDC.put("correlation_id", outer);
      }
    }
  }

  @Override
  public void abort() {
    Call call = inFlight;
    aborted = true;
    if (call != null) {
      call.cancel();
    }
  }

  /** The distinct evaluation ids of a batch in order of first appearance, capped. */
  static String evaluationIds(List<OutgoingAlert> batch) {
    Set<String> ids = distinctEvaluationIds(batch);
    if (ids.size() <= MAX_LOGGED_EVALUATION_IDS) {
      return "[" + String.join(",", ids) + "]";
    }
    List<String> first = ids.stream().limit(MAX_LOGGED_EVALUATION_IDS).toList();
    return "[" + String.join(",", first) + ",... " + (ids.size() - MAX_LOGGED_EVALUATION_IDS) + " more]";
  }

  private static Set<String> distinctEvaluationIds(List<OutgoingAlert> batch) {
    Set<String> ids = new LinkedHashSet<>();
    for (OutgoingAlert a : batch) {
      if (!a.evaluationId().isEmpty()) {
        ids.add(a.evaluationId());
      }
    }
    return ids;
  }

  private static String excerpt(Response response) {
    try {
      String body = response.peekBody(200).string().strip().replaceAll("\\s+", " ");
      return body.isEmpty() ? "" : ": " + body;
    } catch (IOException e) {
      return "";
    }
  }

  private static String newCorrelationId() {
    return String.format("%016x", ThreadLocalRandom.current().nextLong());
  }

  private static String version() {
    String v = AlertmanagerSender.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
