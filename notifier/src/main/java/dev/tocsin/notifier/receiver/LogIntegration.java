package dev.tocsin.notifier.receiver;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import dev.tocsin.notifier.config.LogConfig;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tocsin's {@code log} receiver type: one console line per notification, for demos and for
 * running without any notification service. The line names the receiver, the status, the group
 * labels and, per alert (sorted by labels), its status, alertname, other labels and {@code summary}
 * annotation; values are quoted with escapes, so a notification is always exactly one line:
 *
 * <pre>
 * 2026-01-02T03:04:05Z notification receiver="ops" status=firing group={alertname="HighErrorRate"} firing=1 resolved=0 | firing HighErrorRate{job="api"} summary="Error rate above 5%"
 * </pre>
 */
public final class LogIntegration implements Integration {
  private final boolean sendResolved;
  private final Consumer<String> console;

  public LogIntegration(LogConfig config, Consumer<String> console) {
    this.sendResolved = config.sendResolved();
    this.console = Objects.requireNonNull(console, "console is null");
  }

  @Override
  public String name() {
    return "log";
  }

  @Override
  public boolean sendResolved() {
    return sendResolved;
  }

  @Override
  public void deliver(Notification notification) {
    Notification n = sendResolved ? notification : notification.firingOnly();
    if (!n.alerts().isEmpty()) {
      console.accept(format(n));
    }
  }

  /** The console line for a notification. */
  public static String format(Notification n) {
    long firing = n.alerts().stream().filter(a -> n.status(a) == Notification.Status.FIRING).count();
    StringBuilder sb = new StringBuilder(128 + 96 * n.alerts().size())
        .append(DateTimeFormatter.ISO_INSTANT.format(n.time().truncatedTo(ChronoUnit.SECONDS)))
        .append(" notification receiver=").append(Labels.quote(n.receiver()))
        .append(" status=").append(n.status().text())
        .append(" group=").append(n.groupLabels())
        .append(" firing=").append(firing)
        .append(" resolved=").append(n.alerts().size() - firing);
    for (OutgoingAlert a : n.alerts()) {
      sb.append(" | ").append(n.status(a).text()).append(' ');
      String name = a.labels().get("alertname");
      if (name != null) {
        sb.append(name);
      }
      sb.append(a.labels().without("alertname"));
      String summary = a.annotations().get("summary");
      if (summary != null && !summary.isEmpty()) {
        sb.append(" summary=").append(Labels.quote(summary));
      }
    }
    return sb.toString();
  }
}
