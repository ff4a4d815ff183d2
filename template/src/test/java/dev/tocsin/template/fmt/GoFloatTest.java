package dev.tocsin.template.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {
  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "1000000, g, -1, 1e+06",
    "123456, g, -1, 123456",
    "0.0001, g, -1, 0.0001",
    "0.00001, g, -1, 1e-05",
    "1.5, g, -1, 1.5",
    "0.1, g, -1, 0.1",
    "1e21, g, -1, 1e+21",
    "4.9e-324, g, -1, 5e-324",
    "1.7976931348623157e308, g, -1, 1.7976931348623157e+308",
    "2.5, f, 0, 2",
    "3.5, f, 0, 4",
    "1.005, f, 2, 1.00",
    "1234567, g, 4, 1.235e+06",
    "120, g, 4, 120",
    "1234.5678, e, 6, 1.234568e+03",
    "0, e, 2, 0.00e+00",
    "100, g, 3, 100",
    "0.000012345, g, 4, 1.234e-05",
  })
  void formatsLikeStrconv(double v, char fmt, int prec, String expected) {
    assertThat(GoFloat.format(v, fmt, prec)).isEqualTo(expected);
  }

  @Test
  void fastPathsAgreeWithExactArithmetic() {
    SplittableRandom rnd = new SplittableRandom(42);
    List<Character> formats = List.of('g', 'e', 'f');
    for (int i = 0; i < 200_000; i++) {
      double v;
      switch (i % 4) {
        case 0 -> v = Double.longBitsToDouble(rnd.nextLong());
        case 1 -> v = rnd.nextDouble() * Math.pow(10, rnd.nextInt(-12, 16));
        case 2 -> v = Math.round(rnd.nextDouble() * 100000) / Math.pow(10, rnd.nextInt(0, 6));
        default -> v = rnd.nextInt(-100000, 100000) + 0.5 * rnd.nextInt(0, 3);
      }
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      char fmt = formats.get(i % 3);
      int prec = (i / 3) % 5 == 0 ? -1 : rnd.nextInt(0, 9);
      if (fmt == 'f' && Math.abs(v) > 1e30) {
        continue;
      }
      assertThat(GoFloat.format(v, fmt, prec)).as("%s %s %s", v, fmt, prec).isEqualTo(GoFloat.formatExact(v, fmt, prec));
    }
  }

  @Test
  void printsHexFloats() {
    StringBuilder sb = new StringBuilder();
    GoFloat.appendHex(sb, 1.5, false);
    sb.append(' ');
    GoFloat.appendHex(sb, -0.1, true);
    sb.append(' ');
    GoFloat.appendHex(sb, 0, false);
    assertThat(sb).hasToString("0x1.8p+00 -0X1.999999999999AP-04 0x0p+00");
  }
}
