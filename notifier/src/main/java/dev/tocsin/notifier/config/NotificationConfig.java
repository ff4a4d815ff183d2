package dev.tocsin.notifier.config;

import dev.tocsin.notifier.route.Route;
import dev.tocsin.notifier.route.TimeInterval;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alertmanager.yml subset that configures Tocsin's built-in routing: global settings, template
 * files (resolved against the file's folder), the route tree with inherited values filled in,
 * receivers, inhibition rules and the time intervals by name.
 */
public record NotificationConfig(
    String file,
    GlobalSettings global,
    List<Path> templates,
    Route route,
    List<ReceiverConfig> receivers,
    List<InhibitRuleConfig> inhibitRules,
    Map<String, List<TimeInterval>> timeIntervals) {

  public NotificationConfig {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(global, "global is null");
    templates = List.copyOf(templates);
    Objects.requireNonNull(route, "route is null");
    receivers = List.copyOf(receivers);
    inhibitRules = List.copyOf(inhibitRules);
    timeIntervals = Collections.unmodifiableMap(new LinkedHashMap<>(timeIntervals));
  }

  /** The receiver with a name. */
  public Optional<ReceiverConfig> receiver(String name) {
    return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
