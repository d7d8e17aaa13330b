package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import wdpaper.analysis.Series;

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
    return chart;
  }
}
