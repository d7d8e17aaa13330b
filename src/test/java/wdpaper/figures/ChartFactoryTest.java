package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import wdpaper.claims.Series;

class ChartFactoryTest {
  @Test
  void roundStepsAreOneTwoTwoAndAHalfOrFive() {
    assertThat(ChartFactory.niceStep(0.6875)).isEqualTo(1.0);
    assertThat(ChartFactory.niceStep(3)).isEqualTo(5.0);
    assertThat(ChartFactory.niceStep(0.15)).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(ChartFactory.niceStep(2.2)).isEqualTo(2.5);
    assertThat(ChartFactory.niceStep(1)).isEqualTo(1.0);
  }

  /** A histogram over bin centres gets round axis ends (-6 .. 1); epochs 1..30 keep XChart's own range. */
  @Test
  void linearXAxesEndOnRoundNumbers() {
    double[] centres = new double[56];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = -6 + (i + 0.5) * 0.125;
    }
    XYChart histogram = ChartFactory.build(spec(centres));
    assertThat(histogram.getStyler().getXAxisMin()).isEqualTo(-6.0);
    assertThat(histogram.getStyler().getXAxisMax()).isEqualTo(1.0);
    double[] epochs = new double[30];
    for (int i = 0; i < epochs.length; i++) {
      epochs[i] = i + 1;
    }
    XYChart accuracy = ChartFactory.build(spec(epochs));
    assertThat(accuracy.getStyler().getXAxisMin()).isNull();
    assertThat(accuracy.getStyler().getXAxisMax()).isNull();
  }

  private static FigureSpec spec(double[] x) {
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, 1);
    return new FigureSpec("t", "title", "caption", List.of("e"), "x", "y", false, false,
        List.of(new FigureSpec.Plot("series", Series.exact("s", x, y), FigureSpec.Style.MEASURED, 0)));
  }
}
