package dev.tocsin.notifier.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AlertmanagerNotifierTest {
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-11-29T17:46:15.123456Z");

  private MockWebServer server;
  private AlertmanagerNotifier notifier;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(AlertmanagerNotifier.class);

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close(Duration.ofSeconds(1));
    }
    logger.detachAppender(logs);
    server.close();
  }

  private AlertmanagerNotifier notifier(Duration timeout, Labels external, int capacity) {
    AlertmanagerEndpoint endpoint = new AlertmanagerEndpoint(server.url("/").toString(), "", timeout, CLIENT);
    notifier = new AlertmanagerNotifier(List.of(endpoint), external,
        new AlertmanagerNotifier.Options(capacity, 256));
    return notifier;
  }

  private AlertmanagerNotifier notifier() {
    return notifier(Duration.ofSeconds(10), Labels.EMPTY, 10_000);
  }

  private void ok(int n) {
    for (int i = 0; i < n; i++) {
      server.enqueue(new MockResponse.Builder().code(200).build());
    }
  }

  private static OutgoingAlert alert(String name, String evaluationId) {
    return new OutgoingAlert(Labels.of("alertname", name, "job", "api"), Labels.of("summary", "s " + name), START,
        START.plusSeconds(240), "http://prom:9090/graph?g0.expr=up&g0.tab=1", evaluationId);
  }

  private static List<OutgoingAlert> many(int n) {
    return IntStream.range(0, n).mapToObj(i -> alert("A" + i, "e" + (i % 3))).toList();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    assertThat(r).as("a request arrived").isNotNull();
    return r;
  }

  @Test
  void postsPrometheusShapedJsonToPathPrefixWithHeaders() throws Exception {
    ok(1);
    AlertmanagerEndpoint endpoint = new AlertmanagerEndpoint(server.url("/").toString(), "/am/", null, CLIENT);
    notifier = new AlertmanagerNotifier(List.of(endpoint), Labels.EMPTY, AlertmanagerNotifier.Options.DEFAULT);
    notifier.send(List.of(
        alert("HighErrorRate", "ev1"),
        new OutgoingAlert(Labels.of("alertname", "Gone", "empty", ""), Labels.EMPTY, START, null, "", "ev2")));
    notifier.close(Duration.ofSeconds(10));

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/am/api/v2/alerts");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("User-Agent")).startsWith("Tocsin/");
    assertThat(r.getHeaders().get("X-Correlation-Id")).matches("[0-9a-f]{16}");
    assertThat(r.getBody().utf8()).isEqualTo("["
        + "{\"labels\":{\"alertname\":\"HighErrorRate\",\"job\":\"api\"},\"annotations\":{\"summary\":\"s HighErrorRate\"},"
        + "\"startsAt\":\"2026-11-29T17:46:15.123Z\",\"endsAt\":\"2026-11-29T17:50:15.123Z\","
        + "\"generatorURL\":\"http://prom:9090/graph?g0.expr=up&g0.tab=1\"},"
        + "{\"labels\":{\"alertname\":\"Gone\"},\"annotations\":{},\"startsAt\":\"2026-11-29T17:46:15.123Z\"}"
        + "]");
  }

  @Test
  void externalLabelsAreAddedOnlyWhereTheAlertLacksThem() throws Exception {
    ok(1);
    notifier(Duration.ofSeconds(10), Labels.of("cluster", "eu1", "replica", "a", "job", "ext"), 100);
    notifier.send(List.of(new OutgoingAlert(Labels.of("alertname", "X", "job", "api", "replica", ""), Labels.EMPTY,
        START, null, "", "")));
    notifier.close(Duration.ofSeconds(10));
    JsonNode labels = JSON.readTree(take().getBody().utf8()).get(0).get("labels");
    assertThat(JSON.writeValueAsString(labels))
        .isEqualTo("{\"alertname\":\"X\",\"cluster\":\"eu1\",\"job\":\"api\",\"replica\":\"a\"}");
  }

  @Test
  void batchesHoldAtMost256Alerts() throws Exception {
    ok(3);
    notifier().send(many(600));
    notifier.close(Duration.ofSeconds(10));
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sizes.add(JSON.readTree(take().getBody().utf8()).size());
    }
    assertThat(sizes).containsExactly(256, 256, 88);
    assertThat(notifier.stats()).singleElement()
        .isEqualTo(new AlertmanagerStats(server.url("/api/v2/alerts").toString(), 600, 0, 0, 0, 10_000));
  }

  @Test
  void aFullQueueDropsTheOldestAlertsAndCountsThem() throws Exception {
    ok(1);
    notifier(Duration.ofSeconds(10), Labels.EMPTY, 10).send(many(15));
    notifier.close(Duration.ofSeconds(10));
    JsonNode body = JSON.readTree(take().getBody().utf8());
    assertThat(body.size()).isEqualTo(10);
    assertThat(body.get(0).get("labels").get("alertname").asText()).isEqualTo("A5");
    AlertmanagerStats s = notifier.stats().get(0);
    assertThat(s.dropped()).isEqualTo(5);
    assertThat(s.sent()).isEqualTo(10);
    assertThat(s.queueCapacity()).isEqualTo(10);
  }

  @Test
  void logsOneLinePerRequestWithCorrelationIdCountOutcomeAndEvaluationIds() throws Exception {
    ok(1);
    notifier().send(List.of(alert("A", "ev-1"), alert("B", "ev-2"), alert("C", "ev-1")));
    notifier.close(Duration.ofSeconds(10));
    String id = take().getHeaders().get("X-Correlation-Id");
    assertThat(logs.list).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.INFO);
      assertThat(e.getFormattedMessage()).isEqualTo("Alertmanager notification: alertmanager="
          + server.url("/api/v2/alerts") + " correlation_id=" + id + " count=3 outcome=sent evaluation_ids=[ev-1,ev-2]");
      assertThat(e.getMDCPropertyMap()).containsEntry("correlation_id", id);
    });
  }

  @Test
  void aServerErrorCountsTheAlertsAsErrorsAndDropsThem() throws Exception {
    server.enqueue(new MockResponse.Builder().code(500).body("storage failed").build());
    notifier().send(List.of(alert("A", "ev-1"), alert("B", "ev-1")));
    notifier.close(Duration.ofSeconds(10));
    take();
    assertThat(notifier.stats().get(0)).extracting(AlertmanagerStats::sent, AlertmanagerStats::errors,
        AlertmanagerStats::dropped).containsExactly(0L, 2L, 2L);
    assertThat(logs.list).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage()).contains("count=2 outcome=error (bad response status 500 Server Error:"
          + " storage failed; alerts dropped) evaluation_ids=[ev-1]");
    });
  }

  @Test
  void aServerThatNeverAnswersFailsAtTheRequestTimeout() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    notifier(Duration.ofMillis(300), Labels.EMPTY, 100).send(List.of(alert("A", "ev-1")));
    long begin = System.nanoTime();
    notifier.close(Duration.ofSeconds(30));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    assertThat(notifier.stats().get(0).errors()).isEqualTo(1);
    assertThat(tookMillis).as("bounded by the 300ms timeout, not the 30s close deadline").isLessThan(10_000);
    assertThat(logs.list).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("outcome=error (timeout after 300ms;"));
  }

  @Test
  void closeDrainsQueuedAlertsWithinTheDeadline() throws Exception {
    ok(5);
    notifier();
    for (int i = 0; i < 5; i++) {
      notifier.send(List.of(alert("A" + i, "ev")));
    }
    notifier.close(Duration.ofSeconds(10));
    AlertmanagerStats s = notifier.stats().get(0);
    assertThat(s.sent()).isEqualTo(5);
    assertThat(s.queueLength()).isZero();
    assertThat(s.dropped()).isZero();
  }

  @Test
  void closeGivesUpAtTheDeadlineAndCountsWhatItCouldNotSend() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    notifier(Duration.ofSeconds(60), Labels.EMPTY, 100).send(List.of(alert("A", "ev")));
    take();
    notifier.send(List.of(alert("B", "ev")));
    long begin = System.nanoTime();
    notifier.close(Duration.ofMillis(300));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    assertThat(tookMillis).as("bounded by the close deadline, not the 60s timeout").isLessThan(10_000);
    AlertmanagerStats s = notifier.stats().get(0);
    assertThat(s.sent()).isZero();
    assertThat(s.errors()).as("the in-flight request").isEqualTo(1);
    assertThat(s.dropped()).as("the in-flight alert and the queued one").isEqualTo(2);
    notifier.send(List.of(alert("C", "ev")));
    assertThat(notifier.stats().get(0).dropped()).as("sent after close").isEqualTo(3);
  }

  @Test
  void everyAlertmanagerGetsEveryAlert() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      ok(1);
      other.enqueue(new MockResponse.Builder().code(200).build());
      notifier = new AlertmanagerNotifier(List.of(
          new AlertmanagerEndpoint(server.url("/").toString(), "", null, CLIENT),
          new AlertmanagerEndpoint(other.url("/").toString(), "", null, CLIENT)), Labels.EMPTY,
          AlertmanagerNotifier.Options.DEFAULT);
      notifier.send(List.of(alert("A", "ev")));
      notifier.close(Duration.ofSeconds(10));
      assertThat(take().getBody().utf8()).isEqualTo(other.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
      assertThat(notifier.stats()).extracting(AlertmanagerStats::sent).containsExactly(1L, 1L);
    }
  }

  @Test
  void sharedCountersCarryOnAcrossClientsAndTheQueueGaugeReadsOnlyOpenOnes() throws Exception {
    AlertmanagerCounters counters = new AlertmanagerCounters();
    AlertmanagerEndpoint endpoint = new AlertmanagerEndpoint(server.url("/").toString(), "", null, CLIENT);
    String url = endpoint.alertsUrl();
    ok(2);
    AlertmanagerNotifier first = new AlertmanagerNotifier(List.of(endpoint), Labels.EMPTY,
        new AlertmanagerNotifier.Options(100, 256), counters);
    first.send(many(3));
    first.close(Duration.ofSeconds(10));
    AlertmanagerNotifier second = new AlertmanagerNotifier(List.of(endpoint), Labels.EMPTY,
        new AlertmanagerNotifier.Options(100, 256), counters);
    second.send(many(2));
    second.close(Duration.ofSeconds(10));
    assertThat(counters.stats(url)).as("the second client counts on from the first's total")
        .isEqualTo(new AlertmanagerStats(url, 5, 0, 0, 0, 0));
    assertThat(second.stats().get(0).sent()).isEqualTo(5);

    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    notifier = new AlertmanagerNotifier(List.of(endpoint), Labels.EMPTY, new AlertmanagerNotifier.Options(100, 256),
        counters);
    notifier.send(List.of(alert("InFlight", "ev")));
    take();
    take();
    take();
    notifier.send(many(2));
    // A client built for a reload that then failed: closed at once, it must not hide the one in use.
    new AlertmanagerNotifier(List.of(endpoint), Labels.EMPTY, new AlertmanagerNotifier.Options(7, 256), counters)
        .close(Duration.ZERO);
    assertThat(counters.stats(url)).extracting(AlertmanagerStats::queueLength, AlertmanagerStats::queueCapacity)
        .containsExactly(2, 100);
    assertThat(counters.urls()).containsExactly(url);

    notifier.close(Duration.ofMillis(300));
    assertThat(counters.stats(url)).as("the stalled request and the two queued alerts fail; nothing is open")
        .isEqualTo(new AlertmanagerStats(url, 5, 1, 3, 0, 0));
  }
}
