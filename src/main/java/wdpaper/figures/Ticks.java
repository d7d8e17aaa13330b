package wdpaper.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the ticks of an axis go and what they say. Our own placement, because XChart 3.8.8's tick formatter for
 * log axes never returns and its own log labels read "1E-4". Rules:
 *
 * <ul>
 *   <li>every axis has at least three labelled ticks, as many as fit without labels touching;</li>
 *   <li>linear axes step by 1, 2, 2.5 or 5 times a power of ten, labels with the step's decimals and a real minus
 *       (−5, 0.25);</li>
 *   <li>log axes label decades (10⁻⁴, 10⁰, 10³: superscript characters, real minus), every n-th decade when they
 *       are many; when fewer than three decades fall in the range (a range under two decades), 1, 2 and 5 times
 *       each power of ten, then 1 and 3, then 1 to 9; those read as plain decimals (0.05, 0.2, 1) when all lie
 *       between 0.001 and 9999, else as 2×10⁴;</li>
 *   <li>no label is ever written in "E" notation.</li>
 * </ul>
 *
 * Positions are axis coordinates: the value on a linear axis, its log10 on a log axis.
 */
public final class Ticks {
  private Ticks() {}

  /** A tick at axis coordinate {@code at}; {@code label} null for a minor (unlabelled) tick. */
  public record Tick(double at, String label) {
    public boolean labelled() {
      return label != null;
    }
  }

  /** An axis from {@code from} to {@code to} in axis coordinates, with its ticks in increasing order. */
  public record Axis(double from, double to, boolean log, List<Tick> ticks) {
    public Axis {
      ticks = List.copyOf(ticks);
    }

    /** Axis coordinate of a data value (log10 on a log axis; NaN for values a log axis cannot show). */
    public double coord(double value) {
      return log ? (value > 0 ? Math.log10(value) : Double.NaN) : value;
    }

    /** Position of a data value along the axis, 0 at {@code from} and 1 at {@code to}. */
    public double fraction(double value) {
      return (coord(value) - from) / (to - from);
    }

    public List<Tick> labelled() {
      return ticks.stream().filter(Tick::labelled).toList();
    }
  }

  private static final int MAX_LABELS = 8;
  private static final int MAX_LINEAR_LABELS = 8;
  private static final double PAD = 0.03;

  /**
   * A linear axis over data from {@code lo} to {@code hi}, {@code length} units long; {@code extent} measures a
   * label along the axis (its width on an x axis, its height on a y axis) and {@code gap} is the least space
   * between two labels, in the same units.
   */
  public static Axis linear(double lo, double hi, double length, double gap, ToDoubleFunction<String> extent) {
    double[] r = padded(lo, hi);
    double a = r[0];
    double b = r[1];
    // the densest step that fits, preferring 1, 2 and 5 to 2.5 (epochs 0, 5, 10 rather than 0, 2.5, 5)
    for (boolean allowQuarter : new boolean[] {false, true}) {
      for (double step : steps((b - a) / 40, b - a)) {
        if (!allowQuarter && isQuarterStep(step)) {
          continue;
        }
        List<Tick> ticks = linearTicks(a, b, step);
        if (ticks.size() <= MAX_LINEAR_LABELS && ticks.size() >= 3 && fits(ticks, a, b, length, gap, extent)) {
          return extended(a, b, (x, y) -> linearTicks(x, y, step), false, MAX_LINEAR_LABELS, length, gap, extent);
        }
      }
    }
    // nothing fits with three ticks inside: the coarsest step that still gives three, range widened to them
    double step = niceStep((b - a) / 2);
    a = Math.min(a, Math.floor(lo / step) * step);
    b = Math.max(b, Math.ceil(hi / step) * step);
    if (linearTicks(a, b, step).size() < 3) {
      b += step;
    }
    return new Axis(a, b, false, linearTicks(a, b, step));
  }

  /** A log axis over positive data from {@code lo} to {@code hi}; see {@link #linear} for the other arguments. */
  public static Axis log(double lo, double hi, double length, double gap, ToDoubleFunction<String> extent) {
    if (!(lo > 0) || !(hi > 0)) {
      throw new IllegalArgumentException("a log axis needs positive data, got " + lo + " to " + hi);
    }
    double[] r = padded(Math.log10(lo), Math.log10(hi));
    double a = r[0];
    double b = r[1];
    // decades, every stride-th labelled
    for (int stride : new int[] {1, 2, 3, 4, 5, 10, 20, 50}) {
      List<Tick> ticks = decades(a, b, stride, length);
      List<Tick> labelled = ticks.stream().filter(Tick::labelled).toList();
      if (labelled.size() < 3) {
        break; // fewer decades than three: use mantissas
      }
      if (labelled.size() <= MAX_LABELS && fits(labelled, a, b, length, gap, extent)) {
        return extended(a, b, (x, y) -> decades(x, y, stride, length), true, MAX_LABELS, length, gap, extent);
      }
    }
    for (int[] set : new int[][] {{1, 2, 5}, {1, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
      List<Tick> ticks = mantissas(a, b, set);
      List<Tick> labelled = ticks.stream().filter(Tick::labelled).toList();
      if (labelled.size() >= 3 && labelled.size() <= MAX_LABELS && fits(labelled, a, b, length, gap, extent)) {
        return extended(a, b, (x, y) -> mantissas(x, y, set), true, MAX_LABELS, length, gap, extent);
      }
    }
    // a very short range (under about a third of a decade): round values on the log scale
    double span = Math.pow(10, b) - Math.pow(10, a);
    for (double step : steps(span / 40, span)) {
      List<Tick> ticks = new ArrayList<>();
      for (Tick t : linearTicks(Math.pow(10, a), Math.pow(10, b), step)) {
        if (Double.parseDouble(t.label().replace('−', '-')) > 0) {
          ticks.add(new Tick(Math.log10(Double.parseDouble(t.label().replace('−', '-'))), t.label()));
        }
      }
      if (ticks.size() >= 3 && ticks.size() <= MAX_LABELS && fits(ticks, a, b, length, gap, extent)) {
        return new Axis(a, b, true, ticks);
      }
    }
    // still nothing: widen to whole decades so that three decades show
    double from = Math.floor(a);
    double to = Math.max(Math.ceil(b), from + 2);
    return new Axis(from, to, true, decades(from, to, 1, length));
  }

  /**
   * The axis with its ends moved out to the nearest labelled ticks when that lengthens it by at most 6 % at each
   * end (so the data's first and last values are read against a labelled tick, 0.0 rather than 0.03), if the labels
   * still fit; else as it is.
   */
  private static Axis extended(double a, double b, java.util.function.BiFunction<Double, Double, List<Tick>> ticks,
      boolean log, int maxLabels, double length, double gap, ToDoubleFunction<String> extent) {
    double reach = 0.06 * (b - a);
    double below = a;
    double above = b;
    for (Tick t : ticks.apply(a - reach, b + reach)) {
      if (t.labelled() && t.at() < a - 1e-9) {
        below = t.at();
      }
      if (t.labelled() && t.at() > b + 1e-9 && above == b) {
        above = t.at();
      }
    }
    List<Tick> wider = ticks.apply(below, above);
    List<Tick> labelled = wider.stream().filter(Tick::labelled).toList();
    if (labelled.size() <= maxLabels && fits(labelled, below, above, length, gap, extent)) {
      return new Axis(below, above, log, wider);
    }
    return new Axis(a, b, log, ticks.apply(a, b));
  }

  /** The range with a small margin on each side (a unit either side of a single value). */
  private static double[] padded(double lo, double hi) {
    if (!(hi > lo)) {
      double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      return new double[] {lo - d, hi + d};
    }
    double pad = PAD * (hi - lo);
    return new double[] {lo - pad, hi + pad};
  }

  /** Round steps (1, 2, 2.5, 5 times a power of ten) from at least {@code from} up to {@code to}. */
  private static List<Double> steps(double from, double to) {
    List<Double> out = new ArrayList<>();
    if (!(from > 0) || !Double.isFinite(to)) {
      return out;
    }
    double s = niceStep(from);
    while (s <= to * (1 + 1e-9)) {
      out.add(s);
      s = niceStep(s * (1 + 1e-6));
    }
    return out;
  }

  private static boolean isQuarterStep(double step) {
    double m = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    return Math.abs(m - 2.5) < 1e-6;
  }

  /** The smallest of 1, 2, 2.5, 5 (times a power of ten) at least {@code rough}. */
  static double niceStep(double rough) {
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * power >= rough * (1 - 1e-9)) {
        return new BigDecimal(m * power, MathContext.DECIMAL64).round(new MathContext(3)).doubleValue();
      }
    }
    return 10 * power;
  }

  private static List<Tick> linearTicks(double a, double b, double step) {
    BigDecimal s = new BigDecimal(Double.toString(step));
    int decimals = Math.max(0, s.stripTrailingZeros().scale());
    List<Tick> ticks = new ArrayList<>();
    long first = (long) Math.ceil(a / step - 1e-9);
    long last = (long) Math.floor(b / step + 1e-9);
    for (long k = first; k <= last; k++) {
      BigDecimal v = s.multiply(BigDecimal.valueOf(k));
      ticks.add(new Tick(v.doubleValue(), formatLinear(v, decimals)));
    }
    return ticks;
  }

  /** A linear tick label: fixed decimals, real minus, never "−0" and never "E". */
  static String formatLinear(BigDecimal v, int decimals) {
    BigDecimal r = v.setScale(decimals, RoundingMode.HALF_EVEN);
    if (r.signum() == 0) {
      r = r.abs();
    }
    return r.toPlainString().replace('-', '−');
  }

  private static List<Tick> decades(double a, double b, int stride, double length) {
    List<Tick> ticks = new ArrayList<>();
    int first = (int) Math.ceil(a - 1e-9);
    int last = (int) Math.floor(b + 1e-9);
    boolean minorMantissas = stride == 1 && (b - a) > 0 && length / (b - a) >= 60;
    for (int k = (int) Math.floor(a); k <= last; k++) {
      if (k >= first) {
        ticks.add(new Tick(k, Math.floorMod(k, stride) == 0 ? power(1, k) : null));
      }
      if (minorMantissas) {
        for (int m = 2; m <= 9; m++) {
          double at = k + Math.log10(m);
          if (at >= a && at <= b) {
            ticks.add(new Tick(at, null));
          }
        }
      }
    }
    return ticks;
  }

  private static List<Tick> mantissas(double a, double b, int[] set) {
    List<int[]> labelled = new ArrayList<>();
    List<Tick> ticks = new ArrayList<>();
    for (int k = (int) Math.floor(a); k <= (int) Math.floor(b); k++) {
      for (int m = 1; m <= 9; m++) {
        double at = k + Math.log10(m);
        if (at < a - 1e-9 || at > b + 1e-9) {
          continue;
        }
        boolean label = false;
        for (int s : set) {
          label |= s == m;
        }
        if (label) {
          labelled.add(new int[] {m, k});
        }
        ticks.add(new Tick(at, label ? "" : null));
      }
    }
    boolean plain = labelled.stream().allMatch(p -> p[1] >= -3 && p[1] <= 3);
    List<Tick> out = new ArrayList<>();
    int i = 0;
    for (Tick t : ticks) {
      if (t.labelled()) {
        int[] p = labelled.get(i++);
        out.add(new Tick(t.at(), plain ? plainDecimal(p[0], p[1]) : power(p[0], p[1])));
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** m × 10^k as a plain decimal: 5, 0.05, 2000. */
  static String plainDecimal(int m, int k) {
    return BigDecimal.valueOf(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
  }

  /** m × 10^k with a superscript exponent: 10⁻⁴ (m = 1), 2×10⁵. */
  static String power(int m, int k) {
    StringBuilder sb = new StringBuilder();
    if (m != 1) {
      sb.append(m).append('×');
    }
    sb.append("10");
    String digits = Integer.toString(Math.abs(k));
    if (k < 0) {
      sb.append('⁻');
    }
    for (int i = 0; i < digits.length(); i++) {
      sb.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digits.charAt(i) - '0'));
    }
    return sb.toString();
  }

  /** True if neighbouring labels keep at least {@code gap} between them along an axis {@code length} long. */
  private static boolean fits(List<Tick> labelled, double a, double b, double length, double gap,
      ToDoubleFunction<String> extent) {
    double prevPos = Double.NaN;
    double prevHalf = 0;
    for (Tick t : labelled) {
      if (!t.labelled()) {
        continue;
      }
      double pos = (t.at() - a) / (b - a) * length;
      double half = extent.applyAsDouble(t.label()) / 2;
      if (!Double.isNaN(prevPos) && pos - prevPos < prevHalf + half + gap) {
        return false;
      }
      prevPos = pos;
      prevHalf = half;
    }
    return true;
  }
}
