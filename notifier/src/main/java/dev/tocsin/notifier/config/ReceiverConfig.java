package dev.tocsin.notifier.config;

import dev.tocsin.model.source.Position;
import java.util.List;
import java.util.Objects;

/**
 * A named receiver: the integrations Tocsin delivers to, and the Alertmanager receiver types the
 * file also configures but Tocsin does not deliver (kept so they can be reported).
 */
public record ReceiverConfig(String name, List<IntegrationConfig> integrations, List<String> undeliveredTypes,
    Position position) {
  public ReceiverConfig {
    Objects.requireNonNull(name, "name is null");
    integrations = List.copyOf(integrations);
    undeliveredTypes = List.copyOf(undeliveredTypes);
  }
}
