package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdlibmExpTest {
  @Test
  void agreesWithStrictMathBitForBit() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 2 == 0 ? (r.nextDouble() - 0.5) * 80 : (r.nextDouble() - 0.5) * 1600;
      assertThat(Double.doubleToRawLongBits(FdlibmExp.exp(x))).as("exp(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(StrictMath.exp(x)));
    }
    double[] special = {0.0, -0.0, 1e-300, -1e-300, 1e-9, 0.34657359027997264, 0.3465735902799727, 1.0397,
        1.0398, 709.782712893384, 709.79, -745.1332191019411, -745.14, -708.5, -740, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double x : special) {
      assertThat(Double.doubleToRawLongBits(FdlibmExp.exp(x))).as("exp(%s)", x)
          .isEqualTo(Double.doubleToRawLongBits(StrictMath.exp(x)));
    }
  }
}
