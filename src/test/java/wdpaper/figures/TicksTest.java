package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TicksTest {
  /** Labels 8 px per character wide, as on a 360 px phone figure's x axis. */
  private static final ToDoubleFunction<String> WIDTH = s -> 8.0 * s.length();

  private static List<String> labels(Ticks.Axis a) {
    return a.labelled().stream().map(Ticks.Tick::label).toList();
  }

  @Test
  void logAxesOverManyDecadesLabelDecadesWithSuperscriptExponents() {
    // claim 1's step norms, 1.5e-4 to 0.08: the ends reach the decades below and above
    assertThat(labels(Ticks.log(1.5e-4, 0.08, 300, 12, WIDTH))).containsExactly("10⁻⁴", "10⁻³", "10⁻²", "10⁻¹");
    // claim 2's x axis, 1e-6 to 0.1
    assertThat(labels(Ticks.log(1e-6, 0.1, 700, 12, WIDTH)))
        .containsExactly("10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹");
  }

  @Test
  void logAxesOverTwentyDecadesLabelEveryThirdDecade() {
    // claim 2's relative error, 3e-9 to 3e11, on a 270 px tall axis
    List<String> l = labels(Ticks.log(3e-9, 3e11, 270, 13, s -> 15));
    assertThat(l).containsExactly("10⁻⁹", "10⁻⁶", "10⁻³", "10⁰", "10³", "10⁶", "10⁹", "10¹²");
  }

  @Test
  void logAxesUnderTwoDecadesLabelOneTwoAndFiveAsPlainDecimals() {
    // claim 4's weight std, 0.035 to 1
    assertThat(labels(Ticks.log(0.0357, 1.0, 270, 13, s -> 15))).containsExactly("0.05", "0.1", "0.2", "0.5", "1");
    // claim 3's RMS at lambda = 10, 0.15 to 1
    assertThat(labels(Ticks.log(0.15, 1.0, 270, 13, s -> 15))).containsExactly("0.2", "0.5", "1");
  }

  @Test
  void logAxesUnderTwoDecadesOutsidePlainRangeUsePowersForTheMantissas() {
    // the number of weights, 7940 to 238200
    assertThat(labels(Ticks.log(7940, 238200, 700, 12, WIDTH)))
        .containsExactly("10⁴", "2×10⁴", "5×10⁴", "10⁵", "2×10⁵");
  }

  @Test
  void veryShortLogRangesStillGetThreeLabels() {
    assertThat(labels(Ticks.log(0.95, 1.02, 270, 13, s -> 15))).hasSizeGreaterThanOrEqualTo(3);
    assertThat(labels(Ticks.log(5, 5, 270, 13, s -> 15))).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void linearLabelsUseTheStepsDecimalsAndARealMinus() {
    assertThat(labels(Ticks.linear(-5.94, 0.94, 700, 12, WIDTH)))
        .containsExactly("−6", "−5", "−4", "−3", "−2", "−1", "0", "1");
    assertThat(labels(Ticks.linear(0.0334, 0.998, 330, 13, s -> 15)))
        .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    assertThat(labels(Ticks.linear(0, 30, 700, 12, WIDTH))).containsExactly("0", "5", "10", "15", "20", "25", "30");
  }

  @Test
  void linearAxesPreferOneTwoFiveStepsToTwoAndAHalf() {
    assertThat(labels(Ticks.linear(0, 20, 700, 12, WIDTH))).doesNotContain("2.5").contains("5", "10");
  }

  /** Labels never collide, at least three, never E notation, across magnitudes and lengths. */
  @ParameterizedTest
  @CsvSource({"1e-300,1e-290,100", "1e-9,1e12,80", "0.001,0.0011,300", "1e5,1e9,120", "123456,123457,400",
      "2,3,60", "1e-7,3e-7,300"})
  void everyAxisHasThreeLabelledTicksWithoutENotation(double lo, double hi, double length) {
    for (Ticks.Axis a : List.of(Ticks.log(lo, hi, length, 8, WIDTH), Ticks.linear(lo, hi, length, 8, WIDTH),
        Ticks.linear(-hi, -lo, length, 8, WIDTH))) {
      assertThat(a.labelled()).hasSizeGreaterThanOrEqualTo(3);
      for (Ticks.Tick t : a.labelled()) {
        assertThat(t.label()).doesNotContain("E").doesNotContain("e").doesNotContain("-");
        assertThat(t.at()).isBetween(a.from() - 1e-9, a.to() + 1e-9);
      }
    }
  }

  @Test
  void powersOfTenAreWrittenWithSuperscriptDigits() {
    assertThat(Ticks.power(1, -12)).isEqualTo("10⁻¹²");
    assertThat(Ticks.power(5, 3)).isEqualTo("5×10³");
    assertThat(Ticks.power(1, 0)).isEqualTo("10⁰");
    assertThat(Ticks.plainDecimal(5, -3)).isEqualTo("0.005");
    assertThat(Ticks.plainDecimal(2, 3)).isEqualTo("2000");
  }
}
