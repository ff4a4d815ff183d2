package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.NotificationConfig;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import dev.tocsin.notifier.config.LogConfig;
import dev.tocsin.notifier.receiver.Integration;
import dev.tocsin.notifier.receiver.LogIntegration;
import dev.tocsin.notifier.receiver.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RoutingNotifierTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static final String CONFIG = """
      route:
        receiver: default
        group_by: [alertname]
        routes:
          - matchers: [severity="critical"]
            receiver: pager
            continue: true
            routes:
              - matchers: [team="db"]
                receiver: dba
              - matchers: [team=~"web|api"]
          - matchers: [severity=~"critical|warning"]
            receiver: chat
            group_by: [alertname, team]
      receivers:
        - name: default
          log_configs: [{}]
        - name: pager
          log_configs: [{}]
        - name: dba
          log_configs: [{send_resolved: false}]
        - name: chat
          log_configs: [{}]
      """;

  private static NotificationConfig config() {
    NotificationConfigResult r = new NotificationConfigLoader().load("am.yml",
        CONFIG.getBytes(StandardCharsets.UTF_8), Path.of("."));
    assertThat(r.diagnostics()).isEmpty();
    return r.config();
  }

  private static OutgoingAlert firing(String... labels) {
    return new OutgoingAlert(Labels.of(labels), Labels.of("summary", "something broke"), NOW,
        NOW.plusSeconds(240), "http://prom/graph", "eval-1");
  }

  private static OutgoingAlert resolved(String... labels) {
    return new OutgoingAlert(Labels.of(labels), Labels.EMPTY, NOW.minusSeconds(600), NOW.minusSeconds(5), "", "eval-2");
  }

  private static List<String> receiversOf(Route root, String... labels) {
    return root.match(Labels.of(labels)).stream().map(Route::receiver).toList();
  }

  @Test
  void walksTheTreeDepthFirstHonouringContinueAndInheritance() {
    Route root = config().route();
    assertThat(receiversOf(root, "alertname", "A", "severity", "critical", "team", "db"))
        .as("first matching child of a continue route, then the next sibling").containsExactly("dba", "chat");
    assertThat(receiversOf(root, "alertname", "A", "severity", "critical", "team", "web"))
        .as("nested route without receiver inherits its parent's").containsExactly("pager", "chat");
    assertThat(receiversOf(root, "alertname", "A", "severity", "critical"))
        .as("no child matches: the parent takes it").containsExactly("pager", "chat");
    assertThat(receiversOf(root, "alertname", "A", "severity", "warning")).containsExactly("chat");
    assertThat(receiversOf(root, "alertname", "A", "severity", "info")).as("default route").containsExactly("default");
    assertThat(receiversOf(root)).containsExactly("default");
  }

  @Test
  void groupsPerRouteAndGroupByValuesInTreeOrder() {
    List<Notification> ns = new ArrayList<>();
    Integration capture = new Integration() {
      @Override
      public String name() {
        return "capture";
      }

      @Override
      public void deliver(Notification n) {
        ns.add(n);
      }
    };
    Dispatcher d = new Dispatcher(config().route(), Map.of("default", List.of(capture), "chat", List.of(capture),
        "pager", List.of(), "dba", List.of()), List.of(), Map.of(), Duration.ofMinutes(5));
    d.ingest(List.of(
        firing("alertname", "Disk", "severity", "warning", "team", "web", "instance", "b"),
        firing("alertname", "Disk", "severity", "warning", "team", "web", "instance", "a"),
        firing("alertname", "Disk", "severity", "warning", "team", "db", "instance", "c"),
        firing("alertname", "CPU", "instance", "x"),
        firing("alertname", "Disk", "instance", "y")), NOW);
    assertThat(d.due(NOW.plusSeconds(29))).as("group_wait 30s").isEmpty();
    d.due(NOW.plusSeconds(30)).forEach(x -> d.run(x, () -> NOW, () -> {}));
    assertThat(ns).extracting(Notification::groupKey).containsExactly(
        "{}:{alertname=\"CPU\"}",
        "{}:{alertname=\"Disk\"}",
        "{}/{severity=~\"critical|warning\"}:{alertname=\"Disk\", team=\"db\"}",
        "{}/{severity=~\"critical|warning\"}:{alertname=\"Disk\", team=\"web\"}");
    assertThat(ns.get(3).alerts()).extracting(a -> a.labels().get("instance")).containsExactly("a", "b");
  }

  @Test
  void logReceiverPrintsOneDeterministicLinePerNotificationAfterGroupWait() {
    List<String> console = new ArrayList<>();
    NotificationConfig c = config();
    Dispatcher d = new Dispatcher(c.route(), Map.of("dba", List.of(new LogIntegration(new LogConfig(false),
        console::add)), "chat", List.of(new LogIntegration(new LogConfig(true), console::add)), "pager", List.of(),
        "default", List.of()), List.of(), Map.of(), Duration.ofMinutes(5));
    d.ingest(List.of(
        firing("alertname", "HighErrorRate", "severity", "critical", "team", "db", "job", "api"),
        resolved("alertname", "HighErrorRate", "severity", "critical", "team", "db", "job", "web"),
        firing("alertname", "Gone", "severity", "critical", "team", "db")), NOW);
    Instant flush = NOW.plusSeconds(30);
    d.due(flush).forEach(x -> d.run(x, () -> flush, () -> {}));
    assertThat(console).containsExactly(
        "2026-03-01T12:00:30Z notification receiver=\"dba\" status=firing group={alertname=\"Gone\"}"
            + " firing=1 resolved=0 | firing Gone{severity=\"critical\", team=\"db\"} summary=\"something broke\"",
        "2026-03-01T12:00:30Z notification receiver=\"dba\" status=firing group={alertname=\"HighErrorRate\"}"
            + " firing=1 resolved=0 | firing HighErrorRate{job=\"api\", severity=\"critical\", team=\"db\"}"
            + " summary=\"something broke\"",
        "2026-03-01T12:00:30Z notification receiver=\"chat\" status=firing group={alertname=\"Gone\", team=\"db\"}"
            + " firing=1 resolved=0 | firing Gone{severity=\"critical\", team=\"db\"} summary=\"something broke\"",
        "2026-03-01T12:00:30Z notification receiver=\"chat\" status=firing group={alertname=\"HighErrorRate\","
            + " team=\"db\"} firing=1 resolved=1 | firing HighErrorRate{job=\"api\", severity=\"critical\","
            + " team=\"db\"} summary=\"something broke\" | resolved HighErrorRate{job=\"web\", severity=\"critical\","
            + " team=\"db\"}");
  }

  @Test
  void routerDeliversGroupsDueAtCloseAndCountsThem() {
    List<String> console = new CopyOnWriteArrayList<>();
    NotificationConfig c = new NotificationConfigLoader().load("am.yml", """
        route: {receiver: default, group_wait: 0s}
        receivers: [{name: default, log_configs: [{}]}]
        """.getBytes(StandardCharsets.UTF_8), Path.of(".")).config();
    RoutingNotifier router = RoutingNotifier.create(c, Labels.of("cluster", "eu1"), console::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
    router.send(List.of(firing("alertname", "HighErrorRate")));
    router.close(Duration.ofSeconds(10));
    assertThat(console).containsExactly("2026-03-01T12:00:00Z notification receiver=\"default\" status=firing"
        + " group={} firing=1 resolved=0 | firing HighErrorRate{cluster=\"eu1\"} summary=\"something broke\"");
    assertThat(router.stats().received()).isEqualTo(1);
    assertThat(router.stats().notifications()).isEqualTo(1);
  }

  @Test
  void routersSharingCountersCountOnAcrossAReplacement() {
    NotificationConfig c = new NotificationConfigLoader().load("am.yml", """
        route: {receiver: default, group_wait: 0s}
        receivers: [{name: default, log_configs: [{}]}, {name: unused, log_configs: [{}]}]
        """.getBytes(StandardCharsets.UTF_8), Path.of(".")).config();
    RouterCounters counters = new RouterCounters();
    RoutingNotifier.Options options = new RoutingNotifier.Options(Clock.fixed(NOW, ZoneOffset.UTC), s -> {},
        s -> null, "", null, 100, counters);
    RoutingNotifier first = RoutingNotifier.create(c, Labels.EMPTY, options);
    assertThat(counters.integrations()).as("every receiver's integrations from the start").containsOnlyKeys(
        new RouterCounters.IntegrationKey("default", "log"), new RouterCounters.IntegrationKey("unused", "log"));
    first.send(List.of(firing("alertname", "A"), resolved("alertname", "B")));
    first.close(Duration.ofSeconds(10));
    RoutingNotifier second = RoutingNotifier.create(c, Labels.EMPTY, options);
    second.send(List.of(firing("alertname", "C")));
    second.close(Duration.ofSeconds(10));
    second.send(List.of(firing("alertname", "Late")));

    assertThat(counters.receivedFiring()).isEqualTo(2);
    assertThat(counters.receivedResolved()).isEqualTo(1);
    assertThat(counters.dropped()).isEqualTo(1);
    assertThat(counters.integration("default", "log")).isEqualTo(new RouterCounters.IntegrationCounts(2, 0));
    assertThat(counters.integration("unused", "log")).isEqualTo(new RouterCounters.IntegrationCounts(0, 0));
    assertThat(counters.queueLength()).isZero();
    assertThat(counters.aggregationGroups()).as("closed routers no longer count").isZero();
    assertThat(second.stats()).isEqualTo(new RouterStats(3, 2, 0, 1, 0));
  }

  @Test
  void sendsAfterCloseAreDroppedAndCounted() {
    RoutingNotifier router = RoutingNotifier.create(config(), Labels.EMPTY, s -> {}, Clock.fixed(NOW, ZoneOffset.UTC));
    router.close(Duration.ofSeconds(5));
    router.send(List.of(firing("alertname", "Late")));
    assertThat(router.stats().dropped()).isEqualTo(1);
    assertThat(router.stats().received()).isZero();
  }

  @Test
  void corruptNotificationLogIsIgnoredAndReplacedOnClose(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve(DispatcherStateStore.FILE_NAME), "{\"format\": 1, \"groups\": [{");
    NotificationConfig c = config();
    RoutingNotifier router = RoutingNotifier.create(c, Labels.EMPTY, new RoutingNotifier.Options(
        Clock.fixed(NOW, ZoneOffset.UTC), s -> {}, s -> null, "", dir, 100));
    router.send(List.of(firing("alertname", "Pending")));
    router.close(Duration.ofSeconds(5));
    DispatcherState saved = new DispatcherStateStore(dir).load().orElseThrow();
    assertThat(saved.groups()).as("the pending group was saved with its timer").singleElement()
        .satisfies(g -> assertThat(g.nextFlush()).isEqualTo(NOW.plusSeconds(30)));
  }

  private static OutgoingAlert startedLongAgo(String name) {
    // Started long before group_wait, so its group flushes at once.
    return new OutgoingAlert(Labels.of("alertname", name), Labels.EMPTY, NOW.minusSeconds(3600), NOW.plusSeconds(600),
        "", "eval-1");
  }

  private static RoutingNotifier logRouter(Path dir, List<String> console) {
    return RoutingNotifier.create(config(), Labels.EMPTY, new RoutingNotifier.Options(Clock.fixed(NOW, ZoneOffset.UTC),
        console::add, s -> null, "", dir, 100));
  }

  private static void awaitLines(List<String> console, int n) throws InterruptedException {
    for (int i = 0; i < 500 && console.size() < n; i++) {
      Thread.sleep(10);
    }
  }

  @Test
  void aReloadedRouterTakesTheClosingRoutersFinalStateInOrder(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    RoutingNotifier old = logRouter(dir, first);
    old.send(List.of(startedLongAgo("Disk")));
    awaitLines(first, 1);
    // A reload: the new router starts while the old one is open and has not saved the notification.
    RoutingNotifier next = logRouter(dir, second);
    next.send(List.of(startedLongAgo("Disk"), startedLongAgo("Late")));
    old.close(Duration.ofSeconds(5));
    awaitLines(second, 1);
    next.close(Duration.ofSeconds(5));
    assertThat(first).as("the old router notified once").singleElement().asString().contains("Disk");
    assertThat(second).as("no repeat of Disk after the hand-over").singleElement().asString().contains("Late")
        .doesNotContain("Disk");
    assertThat(new DispatcherStateStore(dir).load().orElseThrow().log()).as("the last save has both").hasSize(2);
  }

  @Test
  void aRouterOfAFailedReloadLeavesTheOpenRouterInCharge(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    RoutingNotifier old = logRouter(dir, first);
    RoutingNotifier abandoned = logRouter(dir, new CopyOnWriteArrayList<>());
    abandoned.close(Duration.ofSeconds(5));
    old.send(List.of(startedLongAgo("Disk")));
    awaitLines(first, 1);
    List<String> third = new CopyOnWriteArrayList<>();
    RoutingNotifier next = logRouter(dir, third);
    next.send(List.of(startedLongAgo("Disk")));
    old.close(Duration.ofSeconds(5));
    next.close(Duration.ofSeconds(5));
    assertThat(first).singleElement().asString().contains("Disk");
    assertThat(third).as("the next reload still takes the state over").isEmpty();
  }
}
