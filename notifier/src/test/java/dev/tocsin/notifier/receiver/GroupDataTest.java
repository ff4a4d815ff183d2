package dev.tocsin.notifier.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import dev.tocsin.notifier.OutgoingAlert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDataTest {
  @Test
  void fingerprintIsAlertmanagers() {
    assertThat(GroupData.fingerprintText(Labels.of("alertname", "HighErrorRate", "job", "api", "severity", "critical")))
        .isEqualTo("d8da8f2e9952176d");
    assertThat(GroupData.fingerprintText(Labels.EMPTY)).as("FNV-1a offset basis").isEqualTo("cbf29ce484222325");
    assertThat(GroupData.hex(0x1L)).isEqualTo("0000000000000001");
  }

  @Test
  void commonLabelsAndAnnotationsAreThoseAllAlertsShare() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    OutgoingAlert a = new OutgoingAlert(Labels.of("alertname", "X", "job", "api", "i", "1"),
        Labels.of("summary", "s", "d", "one"), t, null, "", "");
    OutgoingAlert b = new OutgoingAlert(Labels.of("alertname", "X", "job", "api", "i", "2"),
        Labels.of("summary", "s", "d", "two"), t, null, "", "");
    OutgoingAlert c = new OutgoingAlert(Labels.of("alertname", "X", "i", "2"), Labels.of("summary", "s"), t, null,
        "", "");
    assertThat((Object) GroupData.commonLabels(List.of(a, b))).isEqualTo(Labels.of("alertname", "X", "job", "api"));
    assertThat((Object) GroupData.commonAnnotations(List.of(a, b))).isEqualTo(Labels.of("summary", "s"));
    assertThat((Object) GroupData.commonLabels(List.of(a, b, c))).isEqualTo(Labels.of("alertname", "X"));
    assertThat((Object) GroupData.commonLabels(List.of())).isEqualTo(Labels.EMPTY);
  }
}
