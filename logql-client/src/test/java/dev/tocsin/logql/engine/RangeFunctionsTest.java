package dev.tocsin.logql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.logql.ast.RangeOp;
import org.junit.jupiter.api.Test;

/** The per-window functions on hand-made windows. */
class RangeFunctionsTest {
  private static final long[] TS = {1_000_000_000L, 2_000_000_000L, 3_000_000_000L, 4_000_000_000L};
  private static final long MINUTE = 60_000_000_000L;

  private static double apply(RangeOp op, double param, double... v) {
    return RangeFunctions.apply(op, param, TS, v, 0, v.length, 0, 4_000_000_000L, MINUTE);
  }

  @Test
  void quantileInterpolatesAndClampsOutOfRangeQ() {
    assertThat(apply(RangeOp.QUANTILE_OVER_TIME, 0.75, 80, 150, 120, 200)).isEqualTo(162.5);
    assertThat(apply(RangeOp.QUANTILE_OVER_TIME, 0, 80, 150, 120, 200)).isEqualTo(80);
    assertThat(apply(RangeOp.QUANTILE_OVER_TIME, -1, 80, 150)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(apply(RangeOp.QUANTILE_OVER_TIME, 2, 80, 150)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void statisticsArePopulationStatistics() {
    assertThat(apply(RangeOp.STDVAR_OVER_TIME, 0, 2, 4, 4, 4)).isEqualTo(0.75);
    assertThat(apply(RangeOp.STDDEV_OVER_TIME, 0, 1, 3)).isEqualTo(1);
    assertThat(apply(RangeOp.AVG_OVER_TIME, 0, 1, 2, 3, 6)).isEqualTo(3);
    assertThat(apply(RangeOp.AVG_OVER_TIME, 0, Double.POSITIVE_INFINITY, 1)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void minMaxReplaceALeadingNaN() {
    assertThat(apply(RangeOp.MIN_OVER_TIME, 0, Double.NaN, 3, 1)).isEqualTo(1);
    assertThat(apply(RangeOp.MAX_OVER_TIME, 0, Double.NaN, 3, 1)).isEqualTo(3);
    assertThat(apply(RangeOp.FIRST_OVER_TIME, 0, Double.NaN, 3)).isNaN();
    assertThat(apply(RangeOp.LAST_OVER_TIME, 0, 3, 7)).isEqualTo(7);
  }

  @Test
  void ratesDivideByTheRangeInSeconds() {
    assertThat(apply(RangeOp.RATE, 0, 1, 1, 1)).isEqualTo(0.05);
    assertThat(apply(RangeOp.BYTES_RATE, 0, 30, 30)).isEqualTo(1);
    assertThat(apply(RangeOp.COUNT_OVER_TIME, 0, 9, 9, 9)).isEqualTo(3);
  }

  @Test
  void rateCounterAddsResetsBackAndNeedsTwoSamples() {
    assertThat(apply(RangeOp.RATE_COUNTER, 0, 5)).isZero();
    // 10, 20, reset to 5, 15: increase 10 + 5 + 10 = 25 over the 3 s sampled; the first sample is
    // 1 s from the window start (under 1.1 intervals, zero point 1.2 s back), so the increase
    // extrapolates to the whole 4 s window: 25 * 4/3 / 4 s.
    double r = RangeFunctions.apply(RangeOp.RATE_COUNTER, 0, TS, new double[] {10, 20, 5, 15}, 0, 4, 0, 4_000_000_000L, 4_000_000_000L);
    assertThat(r).isCloseTo(25.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
  }
}
