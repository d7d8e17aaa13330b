package wdpaper.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import wdpaper.claims.Series;

/**
 * The text alternative of a figure, computed from its spec and data: what is plotted against what, the series,
 * and what the data show at the end (which measured series ends highest and lowest, the range of the measured
 * values), and how many points are censored.
 */
public final class AltText {
  private AltText() {}

  public static String of(FigureSpec spec) {
    StringBuilder sb = new StringBuilder();
    boolean points = spec.plots().stream().anyMatch(p -> p.style() == FigureSpec.Style.POINTS);
    sb.append(points ? "Chart with points and lines of " : "Line chart of ").append(RichText.plain(spec.yLabel()))
        .append(spec.yLog() ? " (log scale)" : "").append(" against ").append(RichText.plain(spec.xLabel()))
        .append(spec.xLog() ? " (log scale)" : "").append(", ").append(spec.plots().size())
        .append(" series: ");
    List<String> labels = new ArrayList<>();
    for (FigureSpec.Plot p : spec.plots()) {
      labels.add(RichText.plain(p.label()) + " (" + styleWord(p.style()) + ")");
    }
    sb.append(String.join("; ", labels)).append(". ");
    // measured data (lines and points); formulas and references only if there is nothing else
    List<FigureSpec.Plot> data = spec.plots().stream()
        .filter(p -> p.style() == FigureSpec.Style.MEASURED || p.style() == FigureSpec.Style.POINTS).toList();
    if (data.isEmpty()) {
      data = spec.plots();
    }
    FigureSpec.Plot highest = null;
    FigureSpec.Plot lowest = null;
    double hi = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (FigureSpec.Plot p : data) {
      Series s = p.series();
      double end = Double.NaN;
      for (int i = 0; i < s.mean().length; i++) {
        double v = s.mean()[i];
        if (Double.isFinite(v) && (!spec.yLog() || v > 0)) {
          end = v;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
      if (Double.isNaN(end)) {
        continue;
      }
      if (end > hi) {
        hi = end;
        highest = p;
      }
      if (end < lo) {
        lo = end;
        lowest = p;
      }
    }
    if (highest != null && data.size() > 1 && highest != lowest) {
      sb.append("At the end, ").append(RichText.plain(highest.label())).append(" is highest (")
          .append(number(hi)).append(") and ").append(RichText.plain(lowest.label())).append(" lowest (")
          .append(number(lo)).append("). ");
    } else if (highest != null) {
      sb.append("At the end, ").append(RichText.plain(highest.label())).append(" is at ").append(number(hi))
          .append(". ");
    }
    if (min <= max) {
      sb.append(data.size() > 1 ? "The measured values range from " : "Its values range from ").append(number(min))
          .append(" to ").append(number(max)).append('.');
    }
    long censored = 0;
    for (FigureSpec.Plot p : spec.plots()) {
      for (int i = 0; i < p.series().x().length; i++) {
        censored += p.censored(i) ? 1 : 0;
      }
    }
    if (censored > 0) {
      sb.append(' ').append(censored).append(censored == 1 ? " point is drawn open (" : " points are drawn open (")
          .append(RichText.plain(spec.censoredLabel())).append(").");
    }
    return sb.toString().strip();
  }

  private static String styleWord(FigureSpec.Style style) {
    return switch (style) {
      case MEASURED -> "solid";
      case PREDICTED -> "dashed";
      case REFERENCE -> "dash-dot";
      case POINTS -> "points";
    };
  }

  /**
   * Three significant digits, as the prose writes numbers: plain between 0.001 and 9999 (0.953, 96.4), else a
   * power of ten with superscript digits and a real minus (1.23 × 10⁻⁵).
   */
  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(v).round(new MathContext(3));
    int exponent = b.precision() - b.scale() - 1;
    if (exponent >= -3 && exponent <= 3) {
      return b.stripTrailingZeros().toPlainString().replace('-', '−');
    }
    BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString().replace('-', '−') + "\u00a0×\u00a0" + Ticks.power(1, exponent);
  }
}
