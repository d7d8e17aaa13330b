package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A figure laid out at one {@link Variant}: where the plot, every tick, label and legend entry go. Built by
 * {@link ChartFactory} (no I/O), painted onto any {@link Graphics2D} (a PNG's, JFreeSVG's, PDFBox's, an EPS's):
 * the data layer inside the plot by XChart ({@link XChartPlot}), frame, ticks, texts and legend here.
 * The layout is exposed for tests: the axes' ticks and every text with its size and box.
 */
public final class Chart {
  /** A text of the figure: its role (tick-x, tick-y, axis-x, axis-y, legend), label, base size and box. */
  public record Text(String role, String text, float size, Rectangle2D bounds) {}

  /** A line of text placed with its baseline at (x, baseline); turned a quarter left about that point if rotated. */
  record Placed(String role, TextBlock block, double x, double baseline, boolean rotated) {
    Rectangle2D bounds() {
      if (!rotated) {
        return new Rectangle2D.Double(x, baseline - block.ascent, block.width, block.height());
      }
      return new Rectangle2D.Double(x - block.ascent, baseline - block.width, block.height(), block.width);
    }
  }

  /** A legend entry's sample (line, marker or open marker), centred on (x, y), {@code width} wide. */
  record Sample(FigureSpec.Plot plot, boolean censored, double x, double y, double width) {}

  private final FigureSpec spec;
  private final Variant variant;
  private final double width;
  private final double height;
  private final Rectangle2D plot;
  private final Ticks.Axis xAxis;
  private final Ticks.Axis yAxis;
  private final List<Placed> texts;
  private final List<Sample> samples;

  Chart(FigureSpec spec, Variant variant, double width, double height, Rectangle2D plot, Ticks.Axis xAxis,
      Ticks.Axis yAxis, List<Placed> texts, List<Sample> samples) {
    this.spec = spec;
    this.variant = variant;
    this.width = width;
    this.height = height;
    this.plot = plot;
    this.xAxis = xAxis;
    this.yAxis = yAxis;
    this.texts = List.copyOf(texts);
    this.samples = List.copyOf(samples);
  }

  public FigureSpec spec() {
    return spec;
  }

  public Variant variant() {
    return variant;
  }

  /** Width of the drawing in the variant's unit (px or pt). */
  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  public Rectangle2D plotArea() {
    return (Rectangle2D) plot.clone();
  }

  public Ticks.Axis xAxis() {
    return xAxis;
  }

  public Ticks.Axis yAxis() {
    return yAxis;
  }

  /** Every text drawn, in drawing order. */
  public List<Text> texts() {
    return texts.stream().map(p -> new Text(p.role(), p.block().label, p.block().size, p.bounds())).toList();
  }

  /** The smallest base text size drawn (scripts are drawn at {@link HouseTheme#SCRIPT_SCALE} of it). */
  public double minTextSize() {
    return texts.stream().mapToDouble(p -> p.block().size).min().orElseThrow();
  }

  /** Where a data value lands across the drawing (x axis). */
  double px(double x) {
    return plot.getMinX() + xAxis.fraction(x) * plot.getWidth();
  }

  /** Where a data value lands down the drawing (y axis). */
  double py(double y) {
    return plot.getMaxY() - yAxis.fraction(y) * plot.getHeight();
  }

  /**
   * Paints the figure at its own size, origin top left; {@code realText} draws text as text in the embedded font
   * (PDF) rather than as glyph outlines.
   */
  public void paint(Graphics2D target, boolean realText) {
    Graphics2D g = (Graphics2D) target.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    float s = variant.lineScale;
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    // the data layer (grid at the labelled ticks, series, seed ranges, markers) is drawn by XChart, clipped to the
    // plot: references under predictions under measurements under points
    XChartPlot.of(this).paint(g);
    // frame and ticks
    g.setColor(HouseTheme.FRAME);
    g.setStroke(new BasicStroke(1.1f * s));
    g.draw(plot);
    double major = 0.4 * variant.tickSize;
    for (Ticks.Tick t : xAxis.ticks()) {
      double x = plot.getMinX() + (t.at() - xAxis.from()) / (xAxis.to() - xAxis.from()) * plot.getWidth();
      double len = t.labelled() ? major : major * 0.55;
      g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + len));
    }
    for (Ticks.Tick t : yAxis.ticks()) {
      double y = plot.getMaxY() - (t.at() - yAxis.from()) / (yAxis.to() - yAxis.from()) * plot.getHeight();
      double len = t.labelled() ? major : major * 0.55;
      g.draw(new Line2D.Double(plot.getMinX() - len, y, plot.getMinX(), y));
    }
    // texts
    for (Placed p : texts) {
      if (p.rotated()) {
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2, p.x(), p.baseline());
        p.block().draw(r, p.x(), p.baseline(), realText);
        r.dispose();
      } else {
        p.block().draw(g, p.x(), p.baseline(), realText);
      }
    }
    // legend samples
    for (Sample sample : samples) {
      paintSample(g, sample);
    }
    g.dispose();
  }

  private Color colorOf(FigureSpec.Plot p) {
    return p.style() == FigureSpec.Style.REFERENCE ? HouseTheme.REFERENCE : HouseTheme.color(p.color());
  }

  private double markerSize() {
    return 8.5 * variant.lineScale;
  }

  /** A filled circle, or an open one (white inside, coloured ring) for a censored point. */
  private void marker(Graphics2D g, double x, double y, Color color, boolean open) {
    double d = markerSize();
    Shape circle = new Ellipse2D.Double(x - d / 2, y - d / 2, d, d);
    if (open) {
      g.setColor(Color.WHITE);
      g.fill(circle);
      g.setColor(color);
      g.setStroke(new BasicStroke(1.8f * variant.lineScale));
      g.draw(circle);
    } else {
      g.setColor(color);
      g.fill(circle);
    }
  }

  private void paintSample(Graphics2D g, Sample sample) {
    double x0 = sample.x() - sample.width() / 2;
    double x1 = sample.x() + sample.width() / 2;
    if (sample.censored()) {
      marker(g, sample.x(), sample.y(), HouseTheme.CENSORED, true);
      return;
    }
    FigureSpec.Plot p = sample.plot();
    Color color = colorOf(p);
    if (p.style() == FigureSpec.Style.POINTS) {
      marker(g, sample.x(), sample.y(), color, false);
      return;
    }
    g.setColor(color);
    g.setStroke(HouseTheme.stroke(p.style(), variant.lineScale));
    g.draw(new Line2D.Double(x0, sample.y(), x1, sample.y()));
  }
}
