package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {
  /** Within 2 ulp of StrictMath.exp (fdlibm, under 1 ulp from the exact value) everywhere it is used. */
  @Test
  void isWithinTwoUlpOfStrictMath() {
    SplittableRandom r = new SplittableRandom(1);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = i % 2 == 0 ? (r.nextDouble() - 0.5) * 80 : (r.nextDouble() - 0.5) * 2 * FastExp.LIMIT;
      double want = StrictMath.exp(x);
      worst = Math.max(worst, Math.abs(FastExp.exp(x) - want) / Math.ulp(want));
    }
    for (double x : new double[] {0, -0.0, 1e-300, -1e-300, 1, -1, 0.5, FastExp.LIMIT, -FastExp.LIMIT, 0.0054,
        -0.0054, 0.01083, 0.010830424696249145}) {
      worst = Math.max(worst, Math.abs(FastExp.exp(x) - StrictMath.exp(x)) / Math.ulp(StrictMath.exp(x)));
    }
    assertThat(worst).isLessThanOrEqualTo(2.0);
    assertThat(FastExp.exp(0)).isEqualTo(1.0);
  }

  /**
   * The values are pinned: the same bits on every JVM and CPU (only IEEE arithmetic, rint and exponent bits), so a
   * trained network reproduces bit for bit anywhere.
   */
  @Test
  void valuesArePinned() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8);
    for (int i = 0; i < 100_000; i++) {
      b.clear();
      b.putLong(Double.doubleToRawLongBits(FastExp.exp((r.nextDouble() - 0.5) * 2 * FastExp.LIMIT)));
      md.update(b.array());
    }
    assertThat(java.util.HexFormat.of().formatHex(md.digest()))
        .isEqualTo("e9d13d16c123c458213e4abac05f296b98679970bdab8cc76079942fce6cfa8c");
  }
}
