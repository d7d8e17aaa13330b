package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import wdpaper.claims.Series;

class ChartFactoryTest {
  /** A histogram over bin centres (-5.9375 ...) gets round tick labels, -6 .. 1 with a real minus. */
  @Test
  void linearAxesLabelRoundNumbers() {
    double[] centres = new double[56];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = -6 + (i + 0.5) * 0.125;
    }
    Chart histogram = ChartFactory.build(spec(centres), Variant.WIDE);
    assertThat(histogram.xAxis().labelled().stream().map(Ticks.Tick::label))
        .containsExactly("−6", "−5", "−4", "−3", "−2", "−1", "0", "1");
  }

  private static FigureSpec spec(double[] x) {
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, 1);
    return new FigureSpec("t", "title", "caption", List.of("e"), "x", "y", false, false,
        List.of(new FigureSpec.Plot("series", Series.exact("s", x, y), FigureSpec.Style.MEASURED, 0)));
  }
}
