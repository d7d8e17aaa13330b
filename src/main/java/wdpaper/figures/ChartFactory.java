package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import wdpaper.claims.Series;

/** Builds an XChart chart from a {@link FigureSpec}: a pure function, no I/O. */
public final class ChartFactory {
  private static final BasicStroke SOLID = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final BasicStroke DASHED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {7f, 5f}, 0f);
  private static final BasicStroke DOTTED = new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {2f, 3f}, 0f);
  private static final BasicStroke DASH_DOT = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
      new float[] {8f, 3f, 2f, 3f}, 0f);

  private ChartFactory() {}

  public static XYChart build(FigureSpec spec) {
    // Create Chart
    boolean wide = spec.plots().size() > 4 || spec.plots().stream().mapToInt(x -> x.label().length() + 6).sum() > 90;
    XYChart chart = new XYChartBuilder().width(wide ? HouseTheme.WIDTH + 220 : HouseTheme.WIDTH)
        .height(HouseTheme.HEIGHT).title(spec.title())
        .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
    // Customize Chart
    HouseTheme.apply(chart);
    chart.getStyler().setXAxisLogarithmic(spec.xLog());
    chart.getStyler().setYAxisLogarithmic(spec.yLog());
    long legendEntries = spec.plots().size();
    int legendChars = spec.plots().stream().mapToInt(x -> x.label().length() + 6).sum();
    if (legendEntries > 4 || legendChars > 90) {
      // too many entries for one row below the plot: a column at the right, still outside the data
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
      chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    }
    // Series
    int hidden = 0;
    for (FigureSpec.Plot p : spec.plots()) {
      Series s = p.series();
      Color c = p.style() == FigureSpec.Style.REFERENCE ? HouseTheme.REFERENCE : HouseTheme.color(p.color());
      if (p.style() == FigureSpec.Style.POINTS) {
        double[] err = new double[s.mean().length];
        for (int i = 0; i < err.length; i++) {
          err[i] = Math.max(s.mean()[i] - s.lo()[i], s.hi()[i] - s.mean()[i]);
        }
        XYSeries xs = s.hasSpread() ? chart.addSeries(p.label(), s.x(), s.mean(), err)
            : chart.addSeries(p.label(), s.x(), s.mean());
        xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xs.setMarker(SeriesMarkers.CIRCLE);
        xs.setMarkerColor(c);
        xs.setLineColor(c);
        continue;
      }
      XYSeries xs = chart.addSeries(p.label(), s.x(), s.mean());
      xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      xs.setMarker(SeriesMarkers.NONE);
      xs.setLineColor(c);
      xs.setLineStyle(p.style() == FigureSpec.Style.MEASURED ? SOLID
          : p.style() == FigureSpec.Style.PREDICTED ? DASHED : DASH_DOT);
      if (p.style() == FigureSpec.Style.MEASURED && s.hasSpread()) {
        for (double[] bound : new double[][] {s.lo(), s.hi()}) {
          XYSeries b = chart.addSeries("_spread" + hidden++, s.x(), bound);
          b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
          b.setMarker(SeriesMarkers.NONE);
          b.setLineColor(c);
          b.setLineStyle(DOTTED);
          b.setShowInLegend(false);
        }
      }
    }
    if (!spec.xLog()) {
      niceLinearXRange(chart, spec);
    }
    return chart;
  }

  /**
   * Widens a linear x axis to multiples of a round step (1, 2, 2.5 or 5 times a power of ten, about ten of them over
   * the range), so that the tick labels are round numbers (-6, -5, ...) rather than the first data point (say a
   * histogram's first bin centre, -5.9375) plus multiples of the step. Ranges that already start and end on round
   * numbers are left alone.
   */
  static void niceLinearXRange(XYChart chart, FigureSpec spec) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FigureSpec.Plot p : spec.plots()) {
      for (double x : p.series().x()) {
        if (Double.isFinite(x)) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
      }
    }
    if (!(max > min)) {
      return;
    }
    double step = niceStep((max - min) / 10);
    if (isMultiple(min, step / 10) && isMultiple(max, step / 10)) {
      return; // already round (epochs 1..30, say): XChart's ticks are fine, and no empty margin is added
    }
    chart.getStyler().setXAxisMin(Math.floor(min / step + 1e-9) * step);
    chart.getStyler().setXAxisMax(Math.ceil(max / step - 1e-9) * step);
  }

  private static boolean isMultiple(double x, double unit) {
    double q = x / unit;
    return Math.abs(q - Math.rint(q)) < 1e-9;
  }

  /** The smallest of 1, 2, 2.5, 5 (times a power of ten) at least {@code rough}. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= rough * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
