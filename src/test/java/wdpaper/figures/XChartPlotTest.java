package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * The data layer is drawn by XChart, and XChart puts every value where our axes (ticks, labels) say it is.
 */
class XChartPlotTest {
  /** Log-log points at round values, one of them censored, with seed ranges. */
  private static FigureSpec logLog() {
    return new FigureSpec("loglog", "title", "caption", List.of("sample"), "n_w", "RMS", true, true, List.of(
        SampleFigures.points("runs", new double[] {10, 100, 1000, 10000}, x -> 10 / x, 0,
            new boolean[] {false, false, false, true}),
        SampleFigures.line("slope −1", new double[] {10, 10000}, x -> 10 / x, FigureSpec.Style.REFERENCE, 6)),
        "open: an upper bound");
  }

  /** Records where XChart asks a marker to be painted, in the chart's coordinates. */
  private static final class Recorder extends Marker {
    final List<double[]> at = new ArrayList<>();
    final Rectangle2D plot;

    Recorder(Rectangle2D plot) {
      this.plot = plot;
    }

    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      at.add(new double[] {plot.getX() + x, plot.getY() + y});
    }
  }

  /** Every sample figure (tiny, huge and negative ranges among them) and a log-log one, at every variant. */
  @Test
  void xchartPaintsEveryPointWhereOurAxesPutIt() {
    List<FigureSpec> specs = new ArrayList<>(SampleFigures.all());
    specs.add(logLog());
    for (Variant v : Variant.values()) {
      for (FigureSpec spec : specs) {
        Chart chart = ChartFactory.build(spec, v);
        XChartPlot plot = XChartPlot.of(chart);
        List<Recorder> recorders = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (XYSeries s : plot.chart().getSeriesMap().values()) {
          if (s.getMarker() instanceof XChartPlot.Dot || s.getMarker() instanceof XChartPlot.Ring) {
            Recorder r = new Recorder(chart.plotArea());
            s.setMarker(r);
            recorders.add(r);
          }
        }
        // lines get a recording marker too, so they are checked at their vertices (a dashed line over dense data
        // is cut into its dashes, whose ends are not the data's: checked by denseDashedLinesAreCutIntoTheirDashes)
        XYChart xy = plot.chart();
        for (FigureSpec.Plot p : spec.plots()) {
          if (p.style() == FigureSpec.Style.PREDICTED || p.style() == FigureSpec.Style.REFERENCE) {
            if (!spec.id().equals("loglog")) {
              continue;
            }
          }
          for (int i = 0; i < p.series().x().length; i++) {
            double px = chart.px(p.series().x()[i]);
            double py = chart.py(p.series().mean()[i]);
            if (Double.isFinite(px) && Double.isFinite(py)) {
              expected.add(new double[] {px, py});
            }
          }
        }
        List<XYSeries> lines = new ArrayList<>(xy.getSeriesMap().values());
        for (XYSeries s : lines) {
          if (!(s.getMarker() instanceof Recorder)) {
            Recorder r = new Recorder(chart.plotArea());
            s.setMarker(r);
            recorders.add(r);
          }
        }
        BufferedImage img = new BufferedImage((int) chart.width(), (int) chart.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        plot.paint(g);
        g.dispose();
        List<double[]> painted = new ArrayList<>();
        recorders.forEach(r -> painted.addAll(r.at));
        for (double[] e : expected) {
          assertThat(painted).as(spec.id() + " " + v + ": a point painted at (%.3f, %.3f)", e[0], e[1])
              .anySatisfy(p -> {
                assertThat(p[0]).isCloseTo(e[0], within(1e-9));
                assertThat(p[1]).isCloseTo(e[1], within(1e-9));
              });
        }
      }
    }
  }

  @Test
  void gridLinesLieOnTheLabelledTicks() {
    Chart chart = ChartFactory.build(logLog(), Variant.WIDE);
    XChartPlot plot = XChartPlot.of(chart);
    Recorder r = new Recorder(chart.plotArea());
    List<XYSeries> grid = plot.chart().getSeriesMap().values().stream()
        .filter(s -> s.getLineColor().equals(HouseTheme.GRID)).toList();
    assertThat(grid).hasSize(chart.xAxis().labelled().size() + chart.yAxis().labelled().size());
    grid.forEach(s -> s.setMarker(r));
    plot.paint(new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB).createGraphics());
    Rectangle2D area = chart.plotArea();
    for (Ticks.Tick t : chart.xAxis().labelled()) {
      double x = area.getMinX() + (t.at() - chart.xAxis().from()) / (chart.xAxis().to() - chart.xAxis().from())
          * area.getWidth();
      assertThat(r.at).as("x tick " + t.label()).anySatisfy(p -> assertThat(p[0]).isCloseTo(x, within(1e-9)));
    }
    for (Ticks.Tick t : chart.yAxis().labelled()) {
      double y = area.getMaxY() - (t.at() - chart.yAxis().from()) / (chart.yAxis().to() - chart.yAxis().from())
          * area.getHeight();
      assertThat(r.at).as("y tick " + t.label()).anySatisfy(p -> assertThat(p[1]).isCloseTo(y, within(1e-9)));
    }
  }

  @Test
  void theDataLayerOfTheWrittenFigureComesFromXChart() {
    Chart chart = ChartFactory.build(logLog(), Variant.WIDE);
    int x = (int) Math.round(chart.px(100));
    int y = (int) Math.round(chart.py(0.1));
    // painted as a whole: the marker's colour at the point's pixel
    assertThat(pixel(chart, null, x, y)).isEqualTo(HouseTheme.color(0).getRGB() & 0xFFFFFF);
    // the same chart with XChart's series switched off: nothing there
    assertThat(pixel(chart, xy -> xy.getSeriesMap().values().forEach(s -> s.setEnabled(false)), x, y))
        .isEqualTo(0xFFFFFF);
  }

  private static int pixel(Chart chart, java.util.function.Consumer<XYChart> change, int x, int y) {
    BufferedImage img = new BufferedImage((int) chart.width(), (int) chart.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    XChartPlot plot = XChartPlot.of(chart);
    if (change != null) {
      change.accept(plot.chart());
    }
    plot.paint(g);
    g.dispose();
    return img.getRGB(x, y) & 0xFFFFFF;
  }

  @Test
  void censoredPointsAreOpenMarkersAndSeedRangesXChartErrorBars() {
    XChartPlot plot = XChartPlot.of(ChartFactory.build(logLog(), Variant.PRINT));
    Map<String, XYSeries> series = plot.chart().getSeriesMap();
    List<XYSeries> rings = series.values().stream().filter(s -> s.getMarker() instanceof XChartPlot.Ring).toList();
    assertThat(rings).singleElement().satisfies(s -> assertThat(java.util.Arrays.stream(s.getYData())
        .filter(Double::isFinite).count()).isEqualTo(1));
    assertThat(series.values()).anySatisfy(s -> assertThat(s.getExtraValues()).isNotNull());
  }

  @Test
  void denseDashedLinesAreCutIntoTheirDashes() {
    Chart chart = ChartFactory.build(logLog(), Variant.WIDE);
    XChartPlot plot = XChartPlot.of(chart);
    Ticks.Axis xa = chart.xAxis();
    Ticks.Axis ya = chart.yAxis();
    // a horizontal line across the plot, one point per drawing unit
    int n = (int) chart.plotArea().getWidth() + 1;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xa.from() + (xa.to() - xa.from()) * i / (n - 1);
      y[i] = (ya.from() + ya.to()) / 2;
    }
    float[] dash = {7f, 4.5f};
    assertThat(plot.dense(x, y, dash)).isTrue();
    assertThat(plot.dense(new double[] {xa.from(), xa.to()}, new double[] {y[0], y[0]}, dash)).isFalse();
    double[][] cut = plot.dashes(x, y, dash);
    double unit = (xa.to() - xa.from()) / chart.plotArea().getWidth();
    List<Double> lengths = new ArrayList<>();
    double start = Double.NaN;
    double last = Double.NaN;
    for (int i = 0; i < cut[0].length; i++) {
      if (Double.isNaN(cut[1][i])) {
        lengths.add((last - start) / unit);
        start = Double.NaN;
      } else {
        start = Double.isNaN(start) ? cut[0][i] : start;
        last = cut[0][i];
      }
    }
    if (!Double.isNaN(start)) {
      lengths.add((last - start) / unit);
    }
    double width = chart.plotArea().getWidth();
    assertThat(lengths).hasSize((int) Math.ceil(width / 11.5));
    assertThat(lengths.subList(0, lengths.size() - 1)).allSatisfy(l -> assertThat(l).isCloseTo(7, within(1e-6)));
  }
}
