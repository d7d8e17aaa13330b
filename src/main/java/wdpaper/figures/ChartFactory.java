package wdpaper.figures;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import wdpaper.claims.Series;

/**
 * Lays out a {@link FigureSpec} at a {@link Variant}: a pure function, no I/O. From the top: (on a phone) the
 * y-axis title, the plot with its ticks, the x-axis title, and the legend below in as many columns as fit, so the
 * legend never covers data and never takes width from the plot.
 */
public final class ChartFactory {
  private ChartFactory() {}

  /** The figure laid out at {@code v}. */
  public static Chart build(FigureSpec spec, Variant v) {
    // Create Chart: sizes of the variant
    float ft = v.tickSize;
    float fa = v.axisTitleSize;
    float fl = v.legendSize;
    double pad = 0.6 * ft;
    double tickLength = 0.4 * ft;
    double labelGap = 0.35 * ft;
    double width = v.width;
    double[] range = range(spec);
    List<Chart.Placed> texts = new ArrayList<>();

    // y axis: title (above the plot on a phone, else turned along the axis), ticks over the plot's fixed height
    double top = pad;
    List<TextBlock> yTitle;
    if (v.yTitleOnTop) {
      yTitle = TextBlock.wrap(spec.yLabel(), fa, width - 2 * pad);
      for (TextBlock b : yTitle) {
        texts.add(new Chart.Placed("axis-y", b, pad, top + b.ascent, false));
        top += lineHeight(fa);
      }
      top += 0.35 * ft;
    } else {
      yTitle = TextBlock.wrap(spec.yLabel(), fa, v.plotHeight);
    }
    // the plot's corners on whole units: XChart, which draws the data layer, sizes its drawing in whole units
    double plotTop = Math.ceil(top + 0.6 * ft);
    double plotBottom = plotTop + v.plotHeight;
    ToDoubleFunction<String> height = s -> TextBlock.tick(s, ft).height();
    Ticks.Axis y = spec.yLog() ? Ticks.log(range[2], range[3], v.plotHeight, 0.9 * ft, height)
        : Ticks.linear(range[2], range[3], v.plotHeight, 0.9 * ft, height);
    double yLabelWidth = 0;
    for (Ticks.Tick t : y.labelled()) {
      yLabelWidth = Math.max(yLabelWidth, TextBlock.tick(t.label(), ft).width);
    }
    double left = pad + (v.yTitleOnTop ? 0 : yTitle.size() * lineHeight(fa) + 0.3 * ft);
    double plotLeft = Math.ceil(left + yLabelWidth + labelGap + tickLength);

    // x axis: ticks over the remaining width, narrowed until the last label stays inside the drawing
    ToDoubleFunction<String> labelWidth = s -> TextBlock.tick(s, ft).width;
    double plotRight = Math.floor(width - pad);
    Ticks.Axis x = null;
    for (int round = 0; round < 4; round++) {
      double length = plotRight - plotLeft;
      x = spec.xLog() ? Ticks.log(range[0], range[1], length, 1.1 * ft, labelWidth)
          : Ticks.linear(range[0], range[1], length, 1.1 * ft, labelWidth);
      double overflow = 0;
      for (Ticks.Tick t : x.labelled()) {
        double pos = plotLeft + (t.at() - x.from()) / (x.to() - x.from()) * length;
        overflow = Math.max(overflow, pos + labelWidth.applyAsDouble(t.label()) / 2 - (width - pad));
      }
      if (overflow <= 1e-6) {
        break;
      }
      plotRight = Math.floor(plotRight - overflow);
    }
    Rectangle2D plot = new Rectangle2D.Double(plotLeft, plotTop, plotRight - plotLeft, v.plotHeight);

    // tick labels
    for (Ticks.Tick t : y.labelled()) {
      TextBlock b = TextBlock.tick(t.label(), ft);
      double py = plotBottom - (t.at() - y.from()) / (y.to() - y.from()) * v.plotHeight;
      texts.add(new Chart.Placed("tick-y", b, plotLeft - tickLength - labelGap - b.width, py + 0.73 * ft / 2,
          false));
    }
    double xAscent = 0;
    double xDescent = 0;
    for (Ticks.Tick t : x.labelled()) {
      TextBlock b = TextBlock.tick(t.label(), ft);
      xAscent = Math.max(xAscent, b.ascent);
      xDescent = Math.max(xDescent, b.descent);
    }
    double xBaseline = plotBottom + tickLength + labelGap + xAscent;
    for (Ticks.Tick t : x.labelled()) {
      TextBlock b = TextBlock.tick(t.label(), ft);
      double px = plotLeft + (t.at() - x.from()) / (x.to() - x.from()) * plot.getWidth();
      texts.add(new Chart.Placed("tick-x", b, px - b.width / 2, xBaseline, false));
    }

    // axis titles
    double cursor = xBaseline + xDescent + 0.5 * fa;
    for (TextBlock b : TextBlock.wrap(spec.xLabel(), fa, plot.getWidth())) {
      texts.add(new Chart.Placed("axis-x", b, plot.getCenterX() - b.width / 2, cursor + b.ascent, false));
      cursor += lineHeight(fa);
    }
    if (!v.yTitleOnTop) {
      double lineX = pad;
      for (TextBlock b : yTitle) {
        texts.add(new Chart.Placed("axis-y", b, lineX + b.ascent, plot.getCenterY() + b.width / 2, true));
        lineX += lineHeight(fa);
      }
    }

    // Series are painted by Chart; here the legend: entries in rows, as many columns as fit the width
    List<Chart.Sample> samples = new ArrayList<>();
    cursor += 0.7 * fl;
    double bottom = legend(spec, v, pad, plotLeft, cursor, texts, samples);
    return new Chart(spec, v, width, Math.ceil(bottom + pad), plot, x, y, texts, samples);
  }

  private static double lineHeight(float size) {
    return 1.22 * size;
  }

  /**
   * Lays the legend out from {@code top} and returns its bottom. Entries fill rows of a grid, in spec order; the
   * number of columns is the size of the groups the labels come in when they do (consecutive labels sharing what
   * precedes their first comma or follows their last: "gradient step, λ = 5" and "decay step, λ = 5" share a row),
   * else as many as fit with rows of about equal length. An entry much longer than the others takes a row of its own; one too long for the width wraps.
   */
  private static double legend(FigureSpec spec, Variant v, double pad, double plotLeft, double top,
      List<Chart.Placed> texts, List<Chart.Sample> samples) {
    float fl = v.legendSize;
    double sampleWidth = 2.4 * fl;
    double gap = 0.5 * fl;
    double columnGap = 1.4 * fl;
    double available = v.width - 2 * pad;
    List<String> labels = new ArrayList<>();
    spec.plots().forEach(p -> labels.add(p.label()));
    if (spec.hasCensored()) {
      labels.add(spec.censoredLabel());
    }
    int n = labels.size();
    double[] widths = new double[n];
    for (int i = 0; i < n; i++) {
      widths[i] = sampleWidth + gap + TextBlock.of(labels.get(i), fl).width;
    }
    int group = groupSize(labels, Math.min(v.maxLegendColumns, n));
    Grid grid = null;
    if (group > 1) {
      grid = Grid.of(widths, group, columnGap, available);
    }
    // else the most columns that fit and leave no row much shorter than the others (4 entries: 2 + 2, not 3 + 1)
    Grid widest = null;
    for (int c = Math.min(v.maxLegendColumns, n); grid == null && c >= 1; c--) {
      Grid candidate = Grid.of(widths, c, columnGap, available);
      if (candidate == null) {
        continue;
      }
      widest = widest == null ? candidate : widest;
      int inGrid = 0;
      for (boolean own : candidate.ownRow()) {
        inGrid += own ? 0 : 1;
      }
      if (inGrid % c == 0 || inGrid % c >= c - 1) {
        grid = candidate;
      }
    }
    grid = grid == null ? widest : grid;
    // start under the plot when the legend fits there, else at the left margin
    double left = plotLeft + grid.total() <= v.width - pad ? plotLeft : pad;
    double y = top;
    int column = 0;
    double rowHeight = 0;
    for (int i = 0; i < n; i++) {
      boolean own = grid.ownRow()[i];
      if (column > 0 && (own || column == grid.columns())) {
        y += rowHeight + 0.25 * fl;
        column = 0;
        rowHeight = 0;
      }
      double x = left;
      for (int c = 0; c < column; c++) {
        x += grid.widths()[c] + columnGap;
      }
      double entryLeft = own ? (left + widths[i] <= v.width - pad ? left : pad) : x;
      double textWidth = (own ? v.width - pad - entryLeft : Math.min(grid.widths()[column], v.width - pad - x))
          - sampleWidth - gap;
      List<TextBlock> lines = TextBlock.wrap(labels.get(i), fl, textWidth);
      double baseline = y + lines.get(0).ascent;
      double lineY = baseline;
      for (TextBlock b : lines) {
        texts.add(new Chart.Placed("legend", b, entryLeft + sampleWidth + gap, lineY, false));
        lineY += lineHeight(fl);
      }
      boolean censored = i >= spec.plots().size();
      samples.add(new Chart.Sample(censored ? null : spec.plots().get(i), censored,
          entryLeft + sampleWidth / 2, baseline - 0.36 * fl, sampleWidth));
      rowHeight = Math.max(rowHeight, lines.size() * lineHeight(fl));
      column = own ? grid.columns() : column + 1;
    }
    return y + rowHeight;
  }

  /**
   * The legend's grid: column widths, and which entries take a row of their own (too wide for a column).
   */
  private record Grid(int columns, double[] widths, boolean[] ownRow, double total) {
    /** A grid of {@code columns} that fits {@code available}, or null. */
    static Grid of(double[] entries, int columns, double columnGap, double available) {
      boolean[] own = new boolean[entries.length];
      // outliers take a row of their own: the longest entry while it is 1.4 times the next longest
      while (columns > 1) {
        int longest = -1;
        double next = 0;
        for (int i = 0; i < entries.length; i++) {
          if (!own[i] && (longest < 0 || entries[i] > entries[longest])) {
            longest = i;
          }
        }
        for (int i = 0; i < entries.length; i++) {
          if (!own[i] && i != longest) {
            next = Math.max(next, entries[i]);
          }
        }
        if (longest < 0 || next == 0 || entries[longest] < 1.4 * next) {
          break;
        }
        own[longest] = true;
      }
      double[] cw = new double[columns];
      int column = 0;
      for (int i = 0; i < entries.length; i++) {
        if (own[i] || column == columns) {
          column = 0;
        }
        if (!own[i]) {
          cw[column] = Math.max(cw[column], entries[i]);
          column++;
        } else {
          column = columns;
        }
      }
      double total = (columns - 1) * columnGap;
      for (double w : cw) {
        total += w;
      }
      return total <= available || columns == 1 ? new Grid(columns, cw, own, Math.min(total, available)) : null;
    }
  }

  /**
   * The size (2 to {@code max}) of the groups the labels come in, when at least two consecutive groups lead the
   * list whose labels share their text before the first comma or after the last; else 0.
   */
  static int groupSize(List<String> labels, int max) {
    for (int g = max; g >= 2; g--) {
      int groups = 0;
      for (int start = 0; start + g <= labels.size(); start += g) {
        if (!sameKey(labels.subList(start, start + g))) {
          break;
        }
        groups++;
      }
      if (groups >= 2) {
        return g;
      }
    }
    return 0;
  }

  private static boolean sameKey(List<String> group) {
    boolean prefix = true;
    boolean suffix = true;
    for (String l : group) {
      prefix &= l.contains(", ") && l.substring(0, l.indexOf(", "))
          .equals(group.get(0).substring(0, Math.max(0, group.get(0).indexOf(", "))));
      suffix &= l.contains(", ") && l.substring(l.lastIndexOf(", "))
          .equals(group.get(0).substring(Math.max(0, group.get(0).lastIndexOf(", "))));
    }
    return prefix || suffix;
  }

  /** x and y range of everything plotted: {xmin, xmax, ymin, ymax} (positive values only on log axes). */
  static double[] range(FigureSpec spec) {
    double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (FigureSpec.Plot p : spec.plots()) {
      Series s = p.series();
      boolean spread = s.hasSpread() && p.style() != FigureSpec.Style.REFERENCE;
      for (int i = 0; i < s.x().length; i++) {
        double x = s.x()[i];
        if (!Double.isFinite(x) || spec.xLog() && x <= 0) {
          continue;
        }
        boolean any = false;
        for (double y : spread ? new double[] {s.mean()[i], s.lo()[i], s.hi()[i]} : new double[] {s.mean()[i]}) {
          if (Double.isFinite(y) && (!spec.yLog() || y > 0)) {
            r[2] = Math.min(r[2], y);
            r[3] = Math.max(r[3], y);
            any = true;
          }
        }
        if (any) {
          r[0] = Math.min(r[0], x);
          r[1] = Math.max(r[1], x);
        }
      }
    }
    if (!(r[1] >= r[0]) || !(r[3] >= r[2])) {
      throw new IllegalArgumentException("figure '" + spec.id() + "' has no point that its axes can show");
    }
    return r;
  }
}
