package wdpaper.figures;

import static wdpaper.figures.FigureSpec.Style.MEASURED;
import static wdpaper.figures.FigureSpec.Style.POINTS;
import static wdpaper.figures.FigureSpec.Style.PREDICTED;
import static wdpaper.figures.FigureSpec.Style.REFERENCE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import wdpaper.claims.Series;

/**
 * Figures shaped like the paper's (same axes, ranges, numbers of series and label lengths, made from formulas rather
 * than runs), plus harder cases: many long legend labels, long axis titles, tiny and huge ranges, negative values.
 * The build checks every real figure with {@link FigureCheck} when it writes it; these check the layout on their own.
 */
final class SampleFigures {
  private SampleFigures() {}

  static List<FigureSpec> all() {
    List<FigureSpec> f = new ArrayList<>();
    double[] epochs30 = range(1, 30);
    double[] epochs0to30 = range(0, 30);
    double[] epochs10 = range(1, 10);
    f.add(spec("accuracy", "Validation accuracy, [784, 30, 10]: old vs new initialization", "epoch",
        "validation accuracy (%)", false, false,
        measured("old init N(0, 1)", epochs30, e -> 96 - 8.5 * Math.exp(-e / 5), 1),
        measured("new init N(0, 1/n_{in})", epochs30, e -> 96.5 - 3.7 * Math.exp(-e / 3), 0)));
    List<FigureSpec.Plot> share = new ArrayList<>();
    int c = 0;
    for (double lambda : new double[] {0.5, 5, 50}) {
      final double l = lambda;
      share.add(measured("‖w‖^2, λ = " + k(lambda), epochs10, e -> 1 - 0.2 / (e * l), c));
      share.add(line("displacement, λ = " + k(lambda), epochs10, e -> 0.03 * e * Math.log10(10 * l), PREDICTED, c));
      c++;
    }
    share.add(line("threshold 0.9", epochs10, e -> 0.9, REFERENCE, 6));
    f.add(spec("share", "Share of the first layer's weight change due to decay, old init", "epoch",
        "decay share of net change", false, false, share.toArray(FigureSpec.Plot[]::new)));
    List<FigureSpec.Plot> steps = new ArrayList<>();
    c = 0;
    for (double lambda : new double[] {0.5, 5, 50}) {
      final double l = lambda;
      steps.add(measured("gradient step, λ = " + k(lambda), epochs10, e -> 0.07 + 0.001 * l / e, c));
      steps.add(line("decay step, λ = " + k(lambda), epochs10, e -> 3e-4 * l * Math.exp(-e / 8), PREDICTED, c));
      c++;
    }
    f.add(spec("steps", "Per-step update norms, first layer, old init", "epoch", "mean norm per step", false, true,
        steps.toArray(FigureSpec.Plot[]::new)));
    f.add(spec("saturation", "Saturated hidden neurons: old vs new initialization", "epoch",
        "saturated hidden neurons (%)", false, false,
        line("old init, λ = 0", epochs0to30, e -> 84 - 20 * Math.exp(-e), PREDICTED, 1),
        measured("old init, λ = 5", epochs0to30, e -> 76 - e / 2, 1),
        line("new init, λ = 0", epochs0to30, e -> 64 * (1 - Math.exp(-e / 4)), PREDICTED, 0),
        measured("new init, λ = 5", epochs0to30, e -> 50 * (1 - Math.exp(-e / 2)), 0)));
    double[] grid = new double[60];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = Math.pow(10, -6 + 5.0 * i / (grid.length - 1));
    }
    double[] runs = {1e-5, 1e-4, 1e-3, 1e-2, 0.05};
    f.add(spec("approximation", "How good is exp(−ηλ/m) as the per-epoch factor?", "ηλ/n", "relative error",
        true, true,
        line("factor error (formula)", grid, x -> 2.5e-3 * x * x * 5e6 * Math.exp(250 * x), PREDICTED, 0),
        line("rate error (formula)", grid, x -> x / 2, PREDICTED, 1),
        points("factor error (runs)", runs, x -> 2.5e-3 * x * x * 5e6 * Math.exp(250 * x), 0, null),
        points("rate error (runs)", runs, x -> x / 2, 1, null)));
    List<FigureSpec.Plot> factor = new ArrayList<>();
    c = 0;
    for (double lambda : new double[] {5, 50}) {
      final double l = lambda;
      factor.add(measured("old init, λ = " + k(lambda), epochs10, e -> Math.exp(-0.01 * l) + e / 40, c));
      factor.add(measured("new init, λ = " + k(lambda), epochs10, e -> 1 + 2 * Math.exp(-2 * e), c + 2));
      factor.add(line("exp(−ηλ/m), λ = " + k(lambda), epochs10, e -> Math.exp(-0.01 * l), PREDICTED, c));
      c++;
    }
    f.add(spec("factor", "Per-epoch factor ‖w_e‖ / ‖w_{e−1}‖, first layer, in training", "epoch",
        "‖w_e‖ / ‖w_{e−1}‖", false, false, factor.toArray(FigureSpec.Plot[]::new)));
    for (double lambda : new double[] {10, 50}) {
      final double l = lambda;
      List<FigureSpec.Plot> rms = new ArrayList<>();
      c = 0;
      for (int h : new int[] {10, 30, 100, 300}) {
        rms.add(measured("H = " + h, range(0, 20), e -> Math.max(Math.exp(-0.01 * l * e), 0.4 / Math.sqrt(h)),
            c++));
      }
      rms.add(line("exp(−ηλ/m) per epoch", range(0, 20), e -> Math.exp(-0.01 * l * e), PREDICTED, 6));
      f.add(spec("rms-" + k(lambda), "Weight RMS over epochs, old init, λ = " + k(lambda), "epoch", "weight RMS",
          false, true, rms.toArray(FigureSpec.Plot[]::new)));
    }
    double[] nw = {7940, 23820, 79400, 238200};
    f.add(new FigureSpec("scale", "Where the decay tails off, against the number of weights n_w", "caption",
        List.of("width-sweep"), "number of weights n_w", "weight RMS at tail-off", true, true, List.of(
            points("tail-off scale, λ = 10", nw, x -> 47 * Math.pow(x, -0.5), 0, new boolean[] {false, false, false,
                true}),
            line("fit, slope -0.36, λ = 10", nw, x -> 12 * Math.pow(x, -0.36), PREDICTED, 0),
            points("tail-off scale, λ = 50", nw, x -> 30 * Math.pow(x, -0.45), 1, null),
            line("fit, slope -0.45, λ = 50", nw, x -> 30 * Math.pow(x, -0.45), PREDICTED, 1),
            line("slope −1 (1/n_w)", nw, x -> 4200 / x, REFERENCE, 6),
            line("slope −1/2 (1/√n_w)", nw, x -> 47 / Math.sqrt(x), PREDICTED, 6)),
        "open: never tails off within 20 epochs (last-epoch RMS: an upper bound)"));
    f.add(spec("std", "First-layer weight standard deviation against 1/√n_{in}", "epoch", "weight std, first layer",
        false, true,
        line("old init, λ = 0", epochs0to30, e -> 1, PREDICTED, 1),
        measured("old init, λ = 5", epochs0to30, e -> Math.exp(-e / 24), 1),
        line("new init, λ = 0", epochs0to30, e -> 0.0357 + 0.3 * (1 - Math.exp(-e / 5)), PREDICTED, 0),
        measured("new init, λ = 5", epochs0to30, e -> 0.0357 + 0.17 * (1 - Math.exp(-e / 3)), 0),
        line("1/√n_{in} = 1/√784", epochs0to30, e -> 1 / Math.sqrt(784), REFERENCE, 6)));
    double[] bins = new double[56];
    for (int i = 0; i < bins.length; i++) {
      bins[i] = -6 + (i + 0.5) * 0.125;
    }
    List<FigureSpec.Plot> hist = new ArrayList<>();
    c = 0;
    for (int epoch : new int[] {0, 1, 5, 30}) {
      final int ep = epoch;
      hist.add(line("old init + L2, epoch " + epoch, bins, x -> 1.1 * Math.exp(-Math.pow(x + ep / 50.0, 2) * 8),
          MEASURED, c++));
    }
    hist.add(line("new init, epoch 0", bins, x -> 1.1 * Math.exp(-Math.pow(x + 1.45, 2) * 8), PREDICTED, 6));
    f.add(spec("histograms", "Distribution of first-layer weights, old init with L2", "log_{10} |w|", "density",
        false, false, hist.toArray(FigureSpec.Plot[]::new)));
    // harder than the paper: many long legend labels and long axis titles
    List<FigureSpec.Plot> many = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      final int j = i;
      many.add(line("a long legend label for series " + i + ", with ‖w‖^2 and n_{in}", epochs30,
          e -> j * 1000 + e * e, i % 2 == 0 ? MEASURED : PREDICTED, i));
    }
    f.add(spec("many", "Many series", "a long x-axis title that names the quantity and its unit in full (per epoch)",
        "a long y-axis title that takes more than the plot's height in the print rendition, surely, yes",
        false, false, many.toArray(FigureSpec.Plot[]::new)));
    f.add(spec("negative", "Negative values", "x", "y", false, false,
        line("falling", range(0, 10), x -> -1e-4 * x * x, MEASURED, 0)));
    f.add(spec("narrow-range", "A range under a tenth of a decade", "x", "y", true, true,
        line("flat", range(1, 10), x -> 0.95 + x / 200, MEASURED, 0)));
    f.add(spec("huge", "Huge values", "x", "y", false, true,
        line("grows", range(0, 10), x -> 3e8 * Math.pow(10, x), MEASURED, 0)));
    return f;
  }

  static FigureSpec spec(String id, String title, String x, String y, boolean xLog, boolean yLog,
      FigureSpec.Plot... plots) {
    return new FigureSpec(id, title, "caption", List.of("sample"), x, y, xLog, yLog, List.of(plots));
  }

  static double[] range(int from, int to) {
    double[] x = new double[to - from + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = from + i;
    }
    return x;
  }

  /** A measured series over three seeds (±1 % around the formula). */
  static FigureSpec.Plot measured(String label, double[] x, DoubleUnaryOperator f, int color) {
    double[] m = new double[x.length];
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      m[i] = f.applyAsDouble(x[i]);
      lo[i] = m[i] * 0.99;
      hi[i] = m[i] * 1.01;
    }
    return new FigureSpec.Plot(label, new Series(label, x, m, lo, hi, 3), MEASURED, color);
  }

  static FigureSpec.Plot line(String label, double[] x, DoubleUnaryOperator f, FigureSpec.Style style, int color) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.applyAsDouble(x[i]);
    }
    return new FigureSpec.Plot(label, Series.exact(label, x, y), style, color);
  }

  static FigureSpec.Plot points(String label, double[] x, DoubleUnaryOperator f, int color, boolean[] censored) {
    double[] m = new double[x.length];
    double[] lo = new double[x.length];
    double[] hi = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      m[i] = f.applyAsDouble(x[i]);
      lo[i] = m[i] * 0.95;
      hi[i] = m[i] * 1.05;
    }
    return new FigureSpec.Plot(label, new Series(label, x, m, lo, hi, 3), POINTS, color, censored);
  }

  private static String k(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
