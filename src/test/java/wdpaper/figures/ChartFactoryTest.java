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

  /**
   * A legend entry in a column exactly as wide as itself stays on one line: "λ = 5" was broken after its "=" by a
   * rounding error in the column's text width (claim1-angle, print and narrow).
   */
  @Test
  void aLegendEntryAsWideAsItsColumnStaysOnOneLine() {
    double[] x = {0, 1, 2, 3, 4};
    List<FigureSpec.Plot> plots = new java.util.ArrayList<>();
    for (String label : new String[] {"λ = 0.5", "λ = 5", "λ = 50"}) {
      plots.add(new FigureSpec.Plot(label, Series.exact(label, x, new double[] {1, 0.99, 0.98, 0.97, 0.96}),
          FigureSpec.Style.MEASURED, plots.size()));
    }
    FigureSpec spec = new FigureSpec("angle", "title", "caption", List.of("e"), "epoch", "cos", false, false, plots);
    for (Variant v : Variant.values()) {
      assertThat(ChartFactory.build(spec, v).texts().stream().filter(t -> t.role().equals("legend"))
          .map(Chart.Text::text)).as(v.toString()).containsExactly("λ = 0.5", "λ = 5", "λ = 50");
    }
  }

  private static FigureSpec spec(double[] x) {
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, 1);
    return new FigureSpec("t", "title", "caption", List.of("e"), "x", "y", false, false,
        List.of(new FigureSpec.Plot("series", Series.exact("s", x, y), FigureSpec.Style.MEASURED, 0)));
  }
}
