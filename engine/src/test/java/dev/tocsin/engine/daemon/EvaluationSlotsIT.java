package dev.tocsin.engine.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.testing.PeerProcess;
import dev.tocsin.model.testing.SharedDir;
import dev.tocsin.promql.http.PrometheusHttpClient;
import dev.tocsin.promql.value.Vector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-group evaluation phase against Prometheus 2.42 itself: a recording rule's samples are
 * stamped with its group's slot, so the slot's phase in the interval must be the one Tocsin computes
 * for the same file and group name.
 */
class EvaluationSlotsIT {
  private static final int GROUPS = 12;
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void recordingRuleTimestampsSitAtTheSlotsTocsinComputes() throws Exception {
    Path binary = SharedDir.peers().resolve("usr/bin/prometheus");
    SharedDir.present(binary, "prometheus unpacked by scripts/peers.sh");
    StringBuilder rules = new StringBuilder("groups:\n");
    for (int i = 0; i < GROUPS; i++) {
      rules.append("  - name: slot-group-").append(i).append("\n    interval: 2s\n    rules:\n")
          .append("      - record: slot_").append(i).append("\n        expr: vector(1)\n");
    }
    Path ruleFile = Files.writeString(dir.resolve("slots.yml"), rules);
    int port = PeerProcess.freePort();
    Path config = Files.writeString(dir.resolve("prometheus.yml"),
        "global: {evaluation_interval: 2s}\nrule_files: ['" + ruleFile + "']\n");
    try (PeerProcess prometheus = PeerProcess.start(List.of(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port), dir,
        dir.resolve("prometheus.log"), "http://127.0.0.1:" + port, "/-/ready")) {
      PrometheusHttpClient client = PrometheusHttpClient.builder(prometheus.url()).build();
      List<String> mismatches = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(20);
      for (int i = 0; i < GROUPS; i++) {
        Vector v;
        while ((v = (Vector) client.instantQuery("timestamp(slot_" + i + ")", Instant.now())).samples().isEmpty()) {
          assertThat(Instant.now()).as("group %d evaluated within 20 s", i).isBefore(deadline);
          Thread.sleep(200);
        }
        long sampleMillis = Math.round(v.samples().get(0).value() * 1000);
        long expected = EvaluationSlots.offsetNanos(ruleFile.toString(), "slot-group-" + i, INTERVAL) / 1_000_000;
        if (Math.floorMod(sampleMillis, INTERVAL.toMillis()) != expected) {
          mismatches.add("slot-group-" + i + ": Prometheus at " + Math.floorMod(sampleMillis, INTERVAL.toMillis())
              + " ms into the interval, Tocsin " + expected + " ms");
        }
      }
      assertThat(mismatches).isEmpty();
    }
  }
}
