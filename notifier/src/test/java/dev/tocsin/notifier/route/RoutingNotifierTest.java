package dev.tocsin.notifier.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.NotificationConfig;
import dev.tocsin.notifier.config.NotificationConfigLoader;
import dev.tocsin.notifier.config.NotificationConfigResult;
import dev.tocsin.notifier.receiver.Notification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    return new OutgoingAlert(Labels.of(labels), Labels.of("summary", "something broke"), NOW.minusSeconds(60),
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
    List<Notification> ns = RoutingNotifier.notifications(config().route(), List.of(
        firing("alertname", "Disk", "severity", "warning", "team", "web", "instance", "b"),
        firing("alertname", "Disk", "severity", "warning", "team", "web", "instance", "a"),
        firing("alertname", "Disk", "severity", "warning", "team", "db", "instance", "c"),
        firing("alertname", "CPU", "instance", "x"),
        firing("alertname", "Disk", "instance", "y")), NOW);
    assertThat(ns).extracting(Notification::groupKey).containsExactly(
        "{}:{alertname=\"CPU\"}",
        "{}:{alertname=\"Disk\"}",
        "{}/{severity=~\"critical|warning\"}:{alertname=\"Disk\", team=\"db\"}",
        "{}/{severity=~\"critical|warning\"}:{alertname=\"Disk\", team=\"web\"}");
    assertThat(ns.get(3).alerts()).extracting(a -> a.labels().get("instance")).containsExactly("a", "b");
  }

  @Test
  void logReceiverPrintsOneDeterministicLinePerNotification() {
    List<String> console = new CopyOnWriteArrayList<>();
    RoutingNotifier router = RoutingNotifier.create(config(), Labels.of("cluster", "eu1"), console::add,
        Clock.fixed(NOW, ZoneOffset.UTC));
    router.send(List.of(
        firing("alertname", "HighErrorRate", "severity", "critical", "team", "db", "job", "api"),
        resolved("alertname", "HighErrorRate", "severity", "critical", "team", "db", "job", "web"),
        resolved("alertname", "Gone", "severity", "critical", "team", "db")));
    router.close(Duration.ofSeconds(10));

    assertThat(console).containsExactly(
        "2026-03-01T12:00:00Z notification receiver=\"dba\" status=firing group={alertname=\"HighErrorRate\"}"
            + " firing=1 resolved=0 | firing HighErrorRate{cluster=\"eu1\", job=\"api\", severity=\"critical\","
            + " team=\"db\"} summary=\"something broke\"",
        "2026-03-01T12:00:00Z notification receiver=\"chat\" status=resolved group={alertname=\"Gone\", team=\"db\"}"
            + " firing=0 resolved=1 | resolved Gone{cluster=\"eu1\", severity=\"critical\", team=\"db\"}",
        "2026-03-01T12:00:00Z notification receiver=\"chat\" status=firing group={alertname=\"HighErrorRate\","
            + " team=\"db\"} firing=1 resolved=1 | firing HighErrorRate{cluster=\"eu1\", job=\"api\","
            + " severity=\"critical\", team=\"db\"} summary=\"something broke\" | resolved"
            + " HighErrorRate{cluster=\"eu1\", job=\"web\", severity=\"critical\", team=\"db\"}");
    RouterStats stats = router.stats();
    assertThat(stats.received()).isEqualTo(3);
    assertThat(stats.notifications()).as("dba's Gone notification had only resolved alerts").isEqualTo(4);
    assertThat(stats.dropped()).isZero();
  }

  @Test
  void sendsAfterCloseAreDroppedAndCounted() {
    RoutingNotifier router = RoutingNotifier.create(config(), Labels.EMPTY, s -> {}, Clock.fixed(NOW, ZoneOffset.UTC));
    router.close(Duration.ofSeconds(5));
    router.send(List.of(firing("alertname", "Late")));
    assertThat(router.stats().dropped()).isEqualTo(1);
    assertThat(router.stats().received()).isZero();
  }
}
