package dev.tocsin.engine.eval;

import dev.tocsin.engine.state.Alert;
import dev.tocsin.rules.model.AlertingRule;

/** An alert that the send decision picked in this evaluation, with the link back to its rule's query. */
public record AlertNotification(String group, AlertingRule rule, Alert alert, String generatorUrl) {}
