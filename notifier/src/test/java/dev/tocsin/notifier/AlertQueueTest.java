package dev.tocsin.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.model.Labels;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertQueueTest {
  private static List<OutgoingAlert> alerts(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> new OutgoingAlert(Labels.of("alertname", "A" + i), Labels.EMPTY,
        Instant.EPOCH, null, "", "")).toList();
  }

  private static List<String> names(List<OutgoingAlert> as) {
    return as.stream().map(a -> a.labels().get("alertname")).toList();
  }

  @Test
  void overflowDropsTheOldestAndCountsThem() throws Exception {
    AlertQueue q = new AlertQueue(5);
    assertThat(q.add(alerts(0, 3))).isZero();
    assertThat(q.add(alerts(3, 7))).isEqualTo(2);
    assertThat(q.dropped()).isEqualTo(2);
    assertThat(q.size()).isEqualTo(5);
    assertThat(names(q.take(10))).containsExactly("A2", "A3", "A4", "A5", "A6");
  }

  @Test
  void aBatchLargerThanTheCapacityKeepsItsNewestAlerts() throws Exception {
    AlertQueue q = new AlertQueue(3);
    q.add(alerts(0, 2));
    assertThat(q.add(alerts(2, 10))).isEqualTo(7);
    assertThat(names(q.take(10))).containsExactly("A7", "A8", "A9");
    assertThat(q.dropped()).isEqualTo(7);
  }

  @Test
  void takeReturnsAtMostTheBatchSizeOldestFirstAndEmptyOnceClosedAndDrained() throws Exception {
    AlertQueue q = new AlertQueue(100);
    q.add(alerts(0, 5));
    assertThat(names(q.take(2))).containsExactly("A0", "A1");
    q.close();
    assertThat(q.add(alerts(5, 6))).as("refused after close").isEqualTo(1);
    assertThat(names(q.take(10))).containsExactly("A2", "A3", "A4");
    assertThat(q.take(10)).isEmpty();
    assertThat(q.dropped()).isEqualTo(1);
  }
}
