package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SVG's numbers: the same strings as BigDecimal's half-even rounding of the shortest decimal form. */
class SvgDecimalsTest {
  private static String reference(double v, int places) {
    String s = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  @Test
  void tiesCarriesZerosAndSignsAsBigDecimal() {
    double[] cases = {0, -0.0, 0.125, 0.135, 0.285, 0.615, -0.615, 2.5, 3.5, 0.005, -0.005, 0.015, 9.995, 99.995,
        -99.995, 999.999, 0.0049, -0.0049, 100, 1e7, 123456.785, 1.0E-5, -2.5E-7, 1.5E10, 0.1 + 0.2, 493.2283464566929,
        12.345, 12.355, 7.00001, -7.00001, 0.99999, 0.5, -0.5, 1.005, 1.015, 1.025};
    for (double v : cases) {
      for (int places : new int[] {0, 2, 4}) {
        assertThat(FigureWriter.decimals(v, places)).as("%s to %d places", v, places).isEqualTo(reference(v, places));
      }
    }
  }

  @Test
  void aHundredThousandDrawingCoordinatesAsBigDecimal() {
    Random r = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      double v = switch (i % 4) {
        case 0 -> r.nextDouble() * 1000;
        case 1 -> -r.nextDouble() * 50;
        case 2 -> Math.round(r.nextDouble() * 1e6) / 1e4 + 0.00005; // near the 4th decimal's ties
        default -> Math.round(r.nextGaussian() * 1e5) / 1000.0 + 0.005;
      };
      for (int places : new int[] {2, 4}) {
        assertThat(FigureWriter.decimals(v, places)).as("%s to %d places", v, places).isEqualTo(reference(v, places));
      }
    }
  }
}
