package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import wdpaper.claims.Series;

/**
 * The data layer of a {@link Chart}, drawn by XChart: grid lines at the labelled ticks, every series' line, seed
 * range, error bars and (open) markers are series of one {@link XYChart} painted into the chart's plot rectangle.
 * The typography around it (ticks, labels, axis titles, legend) stays {@link ChartFactory}'s.
 *
 * <p>XChart's own axes, titles, legend, padding and margins are switched off, its plot content fills the whole
 * XChart drawing ({@code plotContentSize} 1) and its axes run over exactly our {@link Ticks.Axis} range, so XChart
 * maps a value to the same point as {@link Chart}'s axes: the drawing is the plot rectangle, whose corners
 * {@link ChartFactory} puts on whole units. Log axes are drawn as log10 values on XChart's linear axes (XChart's
 * log-axis tick code does not terminate for some ranges in 3.8.8).
 *
 * <p>XChart draws a line one segment at a time, so a dash pattern restarts at every data point (a dense dashed
 * series would look solid); dashed and dotted lines over dense data are therefore cut into their dashes here, on
 * the drawn length of the line, and given to XChart as one series whose dashes are separated by NaN (a break).
 */
final class XChartPlot {
  private final XYChart xy;
  private final Rectangle2D plot;
  private final Ticks.Axis xAxis;
  private final Ticks.Axis yAxis;
  private final float scale;
  private final double markerSize;
  private int count;

  private XChartPlot(Chart chart) {
    this.plot = chart.plotArea();
    this.xAxis = chart.xAxis();
    this.yAxis = chart.yAxis();
    this.scale = chart.variant().lineScale;
    this.markerSize = 8.5 * scale;
    int w = (int) plot.getWidth();
    int h = (int) plot.getHeight();
    if (w != plot.getWidth() || h != plot.getHeight()) {
      throw new IllegalArgumentException("figure '" + chart.spec().id() + "': plot area " + plot.getWidth() + " x "
          + plot.getHeight() + " is not in whole units, XChart's drawing is");
    }
    xy = new XYChart(w, h);
    style(xy.getStyler());
  }

  /** The XChart chart that draws {@code chart}'s data layer. */
  static XChartPlot of(Chart chart) {
    XChartPlot p = new XChartPlot(chart);
    p.grid();
    for (FigureSpec.Style style : new FigureSpec.Style[] {FigureSpec.Style.REFERENCE, FigureSpec.Style.PREDICTED,
        FigureSpec.Style.MEASURED, FigureSpec.Style.POINTS}) {
      for (FigureSpec.Plot plot : chart.spec().plots()) {
        if (plot.style() == style) {
          p.add(plot);
        }
      }
    }
    return p;
  }

  XYChart chart() {
    return xy;
  }

  /** Paints the data layer into the plot rectangle of {@code g}'s chart coordinates. */
  void paint(Graphics2D g) {
    Graphics2D p = (Graphics2D) g.create();
    p.translate(plot.getX(), plot.getY());
    xy.paint(p, xy.getWidth(), xy.getHeight());
    p.dispose();
  }

  private void style(XYStyler s) {
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setAxisTitlesVisible(false);
    s.setAxisTicksVisible(false);
    s.setPlotTicksMarksVisible(false);
    s.setPlotGridLinesVisible(false);
    s.setPlotBorderVisible(false);
    s.setChartPadding(0);
    s.setPlotMargin(0);
    s.setPlotContentSize(1.0);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
    s.setZoomEnabled(false);
    s.setCursorEnabled(false);
    s.setErrorBarsColorSeriesColor(true);
    // fonts are only measured (XChart sizes its hidden tick labels); fixed so nothing depends on the machine's
    s.setAxisTickLabelsFont(HouseTheme.font(10));
    s.setAxisTitleFont(HouseTheme.font(10));
    s.setLegendFont(HouseTheme.font(10));
    s.setChartTitleFont(HouseTheme.font(10));
    s.setXAxisMin(xAxis.from());
    s.setXAxisMax(xAxis.to());
    s.setYAxisMin(yAxis.from());
    s.setYAxisMax(yAxis.to());
  }

  /** Grid lines at the labelled ticks, as XChart line series (so they share the data's mapping exactly). */
  private void grid() {
    BasicStroke stroke = new BasicStroke(1f * scale);
    for (Ticks.Tick t : xAxis.labelled()) {
      line(new double[] {t.at(), t.at()}, new double[] {yAxis.from(), yAxis.to()}, HouseTheme.GRID, stroke);
    }
    for (Ticks.Tick t : yAxis.labelled()) {
      line(new double[] {xAxis.from(), xAxis.to()}, new double[] {t.at(), t.at()}, HouseTheme.GRID, stroke);
    }
  }

  private Color colorOf(FigureSpec.Plot p) {
    return p.style() == FigureSpec.Style.REFERENCE ? HouseTheme.REFERENCE : HouseTheme.color(p.color());
  }

  private void add(FigureSpec.Plot p) {
    Series s = p.series();
    Color color = colorOf(p);
    int n = s.x().length;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xAxis.coord(s.x()[i]);
      y[i] = yAxis.coord(s.mean()[i]);
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        x[i] = Double.isFinite(x[i]) ? x[i] : 0;
        y[i] = Double.NaN; // a break: XChart skips the point and starts the line anew
      }
    }
    if (p.style() == FigureSpec.Style.POINTS) {
      if (s.hasSpread()) {
        errorBars(x, s, color);
      }
      boolean[] open = new boolean[n];
      for (int i = 0; i < n; i++) {
        open[i] = p.censored(i);
      }
      markers(x, y, open, false, color, new Dot(markerSize));
      if (p.hasCensored()) {
        markers(x, y, open, true, color, new Ring(markerSize, 1.8f * scale));
      }
      return;
    }
    if (p.style() == FigureSpec.Style.MEASURED && s.hasSpread()) {
      BasicStroke spread = HouseTheme.spread(scale);
      line(x, coords(s.lo(), x), color, spread);
      line(x, coords(s.hi(), x), color, spread);
    }
    line(x, y, color, HouseTheme.stroke(p.style(), scale));
    if (p.hasCensored()) {
      boolean[] open = new boolean[n];
      for (int i = 0; i < n; i++) {
        open[i] = p.censored(i);
      }
      markers(x, y, open, true, color, new Ring(markerSize, 1.8f * scale));
    }
  }

  /** Axis coordinates of {@code values}; NaN where the axis cannot show one (or its x is missing). */
  private double[] coords(double[] values, double[] x) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = yAxis.coord(values[i]);
      out[i] = Double.isFinite(out[i]) && Double.isFinite(x[i]) ? out[i] : Double.NaN;
    }
    return out;
  }

  /** Seed ranges as XChart error bars: a series without marker at the middle of lo..hi, half the range wide. */
  private void errorBars(double[] x, Series s, Color color) {
    int n = x.length;
    double[] mid = new double[n];
    double[] half = new double[n];
    for (int i = 0; i < n; i++) {
      double lo = yAxis.coord(s.lo()[i]);
      double hi = yAxis.coord(s.hi()[i]);
      double pixels = Math.abs(hi - lo) / (yAxis.to() - yAxis.from()) * plot.getHeight();
      boolean shown = Double.isFinite(lo) && Double.isFinite(hi) && pixels > 0.5 * scale;
      mid[i] = shown ? (lo + hi) / 2 : Double.NaN;
      half[i] = shown ? Math.abs(hi - lo) / 2 : 0;
    }
    XYSeries series = xy.addSeries(next(), x, mid, half);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineStyle(SeriesLines.NONE);
    series.setLineColor(color);
    series.setMarkerColor(color);
  }

  /** Markers at the points whose {@code open} flag is {@code which}. */
  private void markers(double[] x, double[] y, boolean[] open, boolean which, Color color, Marker marker) {
    double[] ys = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      ys[i] = open[i] == which ? y[i] : Double.NaN;
    }
    XYSeries series = xy.addSeries(next(), x, ys);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    series.setMarker(marker);
    series.setMarkerColor(color);
    series.setLineColor(color);
    series.setLineStyle(SeriesLines.NONE);
  }

  /**
   * A line series; a dashed stroke over a dense line (its median segment shorter than two dash periods) is cut
   * into its dashes first (see the class comment). A sparser line keeps the dashed stroke: XChart restarts the
   * pattern at each point, which shows only as a slightly longer dash there, and the files stay small.
   */
  private void line(double[] x, double[] y, Color color, BasicStroke stroke) {
    boolean cut = stroke.getDashArray() != null && dense(x, y, stroke.getDashArray());
    double[][] xy2 = cut ? dashes(x, y, stroke.getDashArray()) : new double[][] {x, y};
    BasicStroke solid = !cut ? stroke
        : new BasicStroke(stroke.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    XYSeries series = xy.addSeries(next(), xy2[0], xy2[1]);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setLineStyle(solid);
  }

  /** True if the median length of the line's segments (drawing units) is under two periods of {@code dash}. */
  boolean dense(double[] x, double[] y, float[] dash) {
    double period = 0;
    for (float d : dash) {
      period += d;
    }
    List<Double> lengths = new ArrayList<>();
    for (int i = 1; i < x.length; i++) {
      if (Double.isFinite(y[i - 1]) && Double.isFinite(y[i])) {
        lengths.add(Math.hypot(toPxX(x[i]) - toPxX(x[i - 1]), toPxY(y[i]) - toPxY(y[i - 1])));
      }
    }
    if (lengths.isEmpty()) {
      return false;
    }
    lengths.sort(null);
    return lengths.get(lengths.size() / 2) < 2 * period;
  }

  private String next() {
    return "s" + count++;
  }

  private double toPxX(double v) {
    return (v - xAxis.from()) / (xAxis.to() - xAxis.from()) * plot.getWidth();
  }

  private double toPxY(double v) {
    return (v - yAxis.from()) / (yAxis.to() - yAxis.from()) * plot.getHeight();
  }

  private double fromPxX(double px) {
    return xAxis.from() + px / plot.getWidth() * (xAxis.to() - xAxis.from());
  }

  private double fromPxY(double px) {
    return yAxis.from() + px / plot.getHeight() * (yAxis.to() - yAxis.from());
  }

  /**
   * The dashes of the polyline through (x, y) (axis coordinates; NaN y breaks it) for the on/off lengths
   * {@code dash} in drawing units, as one polyline whose dashes are separated by NaN points. The pattern starts
   * anew after a break, as Java2D's dasher does at a move.
   */
  double[][] dashes(double[] x, double[] y, float[] dash) {
    List<double[]> out = new ArrayList<>();
    int k = 0;
    double left = dash[0];
    boolean on = true;
    boolean open = false;
    double[] prev = null;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(y[i]) || !Double.isFinite(x[i])) {
        if (open) {
          out.add(null);
        }
        open = false;
        prev = null;
        k = 0;
        left = dash[0];
        on = true;
        continue;
      }
      double[] cur = {toPxX(x[i]), toPxY(y[i])};
      if (prev == null) {
        if (on) {
          out.add(cur);
          open = true;
        }
        prev = cur;
        continue;
      }
      double length = Math.hypot(cur[0] - prev[0], cur[1] - prev[1]);
      double t = 0;
      while (length - t > left) {
        t += left;
        double[] q = {prev[0] + (cur[0] - prev[0]) * t / length, prev[1] + (cur[1] - prev[1]) * t / length};
        out.add(q);
        if (on) {
          out.add(null);
        }
        open = !on;
        on = !on;
        k = (k + 1) % dash.length;
        left = dash[k];
      }
      left -= length - t;
      if (on) {
        out.add(cur);
      }
      prev = cur;
    }
    double[] xs = new double[out.size()];
    double[] ys = new double[out.size()];
    double lastX = xAxis.from();
    for (int i = 0; i < out.size(); i++) {
      double[] p = out.get(i);
      if (p == null) {
        xs[i] = lastX;
        ys[i] = Double.NaN;
      } else {
        xs[i] = fromPxX(p[0]);
        ys[i] = fromPxY(p[1]);
        lastX = xs[i];
      }
    }
    if (xs.length == 0) {
      return new double[][] {{xAxis.from()}, {Double.NaN}};
    }
    return new double[][] {xs, ys};
  }

  /** A filled circle of a fractional diameter (XChart's own markers come in whole units). */
  static final class Dot extends Marker {
    private final double d;

    Dot(double d) {
      this.d = d;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int ignoredSize) {
      g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
    }
  }

  /** An open circle (white inside, a ring in the series colour): a censored point. */
  static final class Ring extends Marker {
    private final double d;
    private final float width;

    Ring(double d, float width) {
      this.d = d;
      this.width = width;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int ignoredSize) {
      Color color = g.getColor();
      Ellipse2D circle = new Ellipse2D.Double(x - d / 2, y - d / 2, d, d);
      g.setColor(Color.WHITE);
      g.fill(circle);
      g.setColor(color);
      g.setStroke(new BasicStroke(width));
      g.draw(circle);
    }
  }
}
