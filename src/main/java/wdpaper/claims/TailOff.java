package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import wdpaper.experiments.Results;
import wdpaper.experiments.RunSpec;
import wdpaper.nn.EpochMetrics;

/**
 * Claim 3: "provided lambda is not too large, the weight decay tails off when the weights are down to a size
 * around 1/n_w" (the question; the book says 1/sqrt(n), n the total number of weights). The tail-off scale of a run
 * is the RMS of all its weights at the start of the first epoch whose decay rate ln(RMS_(e-1) / RMS_e) falls below
 * the threshold fraction of eta*lambda/m; a run that never tails off counts at its last-epoch RMS (censored). Per
 * lambda, log10(scale) = a + b log10(n_w) is fitted over all widths and seeds.
 *
 * <p>Rule: the slope of the smallest lambda decides; it is consistent with -1 (1/n_w) or -1/2 (1/sqrt(n_w)) when
 * within the threshold number of standard errors. Holds if consistent with -1 for every lambda; holds with caveats
 * if the smallest lambda's slope is consistent with -1/2 (the book's wording); else does not hold.
 */
public final class TailOff implements Claim<TailOff.Result> {
  /** The decay "has tailed off" in the first epoch whose rate is below this fraction of eta*lambda/m. */
  public static final Threshold TAIL_OFF = Threshold.fraction("tailOffFraction");
  /** A slope is consistent with a value within this many standard errors. */
  public static final Threshold STANDARD_ERRORS = Threshold.positive("standardErrors");

  /** What a fitted slope is consistent with: -1 ({@code inverse}), -1/2 ({@code inverseSqrt}) or neither. */
  public static final String INVERSE = "inverse";
  public static final String INVERSE_SQRT = "inverseSqrt";
  public static final String NEITHER = "neither";

  /** The fit of one lambda; {@code consistentWith} is one of inverse, inverseSqrt, neither. */
  public record FitRow(double lambda, double slope, double se, double r2, String consistentWith, int points) {}

  /**
   * One (lambda, H) over the seeds.
   *
   * @param nw the number of weights n_w
   * @param scale mean tail-off scale over the seeds
   * @param plateau mean last-epoch RMS
   * @param censored runs that never tail off within the epochs
   */
  public record Point(double lambda, int hidden, long nw, double scale, double plateau, int censored,
      double inverseNw, double inverseSqrtNw) {}

  /** A weight-RMS figure of one lambda: its id, for pages to place it. */
  public record RmsFigure(String id, double lambda) {}

  /**
   * @param widths the hidden widths H, increasing
   * @param weightsPerHidden n_w / H = n_in + n_out for [n_in, H, n_out]
   * @param widthRatio the largest over the smallest width
   * @param inverseNwLargest 1/n_w of the largest network
   * @param lambdaRatios per width, the last-epoch RMS at the smallest lambda over that at the largest
   * @param lambdaRatioPredicted the largest lambda over the smallest: the ratio if the plateau were proportional to
   *     1/lambda (NaN with one lambda)
   */
  public record Result(List<Double> lambdas, double lambdaSmallest, double lambdaLargest, int epochs, double eta,
      int m, int inputs, List<Integer> widths, int hiddenSmallest, int hiddenLargest, double widthRatio,
      int weightsPerHidden, long nwSmallest, long nwLargest, double inverseNwLargest, List<FitRow> fits,
      List<Point> points, List<Double> lambdaRatios, double lambdaRatioPredicted, List<RmsFigure> rmsFigures) {

    public Result {
      lambdas = List.copyOf(lambdas);
      widths = List.copyOf(widths);
      fits = List.copyOf(fits);
      points = List.copyOf(points);
      lambdaRatios = List.copyOf(lambdaRatios);
      rmsFigures = List.copyOf(rmsFigures);
    }
  }

  @Override
  public String id() {
    return "claim3";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "old-init runs of [n_in, H, n_out] for several hidden widths H and lambda"));
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(TAIL_OFF, STANDARD_ERRORS);
  }

  /** What a slope is consistent with, within {@code k} standard errors. */
  static String classify(double slope, double se, double k) {
    return Math.abs(slope + 1) <= k * se ? INVERSE : Math.abs(slope + 0.5) <= k * se ? INVERSE_SQRT : NEITHER;
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, double lambda, double h) {
    return Runs.select(all, r -> r.lambda() == lambda && Runs.hidden(r) == h, "lambda " + lambda + ", H = "
        + (int) h);
  }

  /** The tail-off scale of one run, or NaN if it never tails off within its epochs. */
  static double tailOffScale(List<EpochMetrics> ep, RunSpec sp, double fraction) {
    double want = sp.eta() * sp.lambda() / sp.miniBatchSize();
    for (int k = 1; k < ep.size(); k++) {
      double rate = Math.log(Runs.totalRms(ep.get(k - 1), sp) / Runs.totalRms(ep.get(k), sp));
      if (rate < fraction * want) {
        return Runs.totalRms(ep.get(k - 1), sp);
      }
    }
    return Double.NaN;
  }

  /** Per lambda, the widths' scales (mean and seed range) and censored counts: shared by measure and figures. */
  private record Scales(double lambda, List<Double> widths, double[] nws, double[] mean, double[] lo, double[] hi,
      int[] censored, double[] plateau, double[] logNw, double[] logScale) {}

  private static List<Scales> scales(List<Results.Entry> all, double fraction) {
    List<Scales> out = new ArrayList<>();
    for (double lambda : Runs.distinct(all, RunSpec::lambda)) {
      List<Double> widths = Runs.distinct(Runs.select(all, r -> r.lambda() == lambda, "lambda " + lambda),
          Runs::hidden);
      int n = widths.size();
      double[] nws = new double[n];
      double[] mean = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      int[] censored = new int[n];
      double[] plateau = new double[n];
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int wi = 0; wi < n; wi++) {
        List<Results.Entry> runs = runs(all, lambda, widths.get(wi));
        RunSpec sp = runs.get(0).run().spec();
        double[] sc = new double[runs.size()];
        double[] finals = new double[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
          List<EpochMetrics> ep = runs.get(k).record().result().epochs();
          double scale = tailOffScale(ep, sp, fraction);
          double fin = Runs.totalRms(ep.get(ep.size() - 1), sp);
          finals[k] = fin;
          if (Double.isNaN(scale)) {
            censored[wi]++;
            scale = fin;
          }
          sc[k] = scale;
          xs.add(Math.log10(sp.weightCount()));
          ys.add(Math.log10(scale));
        }
        nws[wi] = sp.weightCount();
        mean[wi] = Stats.mean(sc);
        lo[wi] = Stats.min(sc);
        hi[wi] = Stats.max(sc);
        plateau[wi] = Stats.mean(finals);
      }
      out.add(new Scales(lambda, widths, nws, mean, lo, hi, censored, plateau,
          xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue)
              .toArray()));
    }
    return out;
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    Thresholds t = in.thresholds();
    List<Double> lambdas = Runs.distinct(all, RunSpec::lambda);
    List<FitRow> fits = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    List<Scales> scales = scales(all, t.get(TAIL_OFF));
    for (Scales s : scales) {
      for (int wi = 0; wi < s.nws().length; wi++) {
        long nw = (long) s.nws()[wi];
        int h = (int) (double) s.widths().get(wi);
        points.add(new Point(s.lambda(), h, nw, s.mean()[wi], s.plateau()[wi], s.censored()[wi], 1.0 / nw,
            1.0 / Math.sqrt(nw)));
      }
      Stats.Fit fit = Stats.fit(s.logNw(), s.logScale());
      fits.add(new FitRow(s.lambda(), fit.slope(), fit.slopeStandardError(), fit.r2(),
          classify(fit.slope(), fit.slopeStandardError(), t.get(STANDARD_ERRORS)), fit.points()));
    }
    List<Double> lambdaRatios = new ArrayList<>();
    double predicted = Double.NaN;
    if (lambdas.size() >= 2) {
      double[] lowL = scales.get(0).plateau();
      double[] highL = scales.get(scales.size() - 1).plateau();
      for (int k = 0; k < Math.min(lowL.length, highL.length); k++) {
        lambdaRatios.add(lowL[k] / highL[k]);
      }
      predicted = lambdas.get(lambdas.size() - 1) / lambdas.get(0);
    }
    RunSpec sp = all.get(0).run().spec();
    List<Integer> widths = new ArrayList<>();
    for (double h : Runs.distinct(Runs.select(all, r -> r.lambda() == lambdas.get(0), "lambda " + lambdas.get(0)),
        Runs::hidden)) {
      widths.add((int) h);
    }
    List<RmsFigure> rmsFigures = new ArrayList<>();
    for (double lambda : lambdas) {
      rmsFigures.add(new RmsFigure(rmsFigureId(lambda), lambda));
    }
    List<Integer> sizes = sp.sizes();
    long nwSmallest = points.stream().mapToLong(Point::nw).min().orElseThrow();
    long nwLargest = points.stream().mapToLong(Point::nw).max().orElseThrow();
    int hMin = widths.get(0);
    int hMax = widths.get(widths.size() - 1);
    return new Result(lambdas, lambdas.get(0), lambdas.get(lambdas.size() - 1), sp.epochs(), sp.eta(),
        sp.miniBatchSize(), sizes.get(0), widths, hMin, hMax, hMax / (double) hMin,
        sizes.get(0) + sizes.get(sizes.size() - 1), nwSmallest, nwLargest, 1.0 / nwLargest, fits, points,
        lambdaRatios, predicted, rmsFigures);
  }

  private static String rmsFigureId(double lambda) {
    return "claim3-rms-lambda-" + wdpaper.experiments.Numbers.format(lambda).replace('.', '-');
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    String conclusion = null;
    boolean allSame = true;
    for (FitRow f : r.fits()) {
      String c = classify(f.slope(), f.se(), t.get(STANDARD_ERRORS));
      conclusion = conclusion == null ? c : conclusion;
      allSame &= c.equals(conclusion);
    }
    return INVERSE.equals(conclusion) && allSame ? Outcome.HOLDS : INVERSE_SQRT.equals(conclusion) ? Outcome.CAVEATS
        : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<String> experiments = in.experiments("runs");
    List<Figure> figs = new ArrayList<>();
    for (RmsFigure f : r.rmsFigures()) {
      double lambda = f.lambda();
      List<Figure.Line> lines = new ArrayList<>();
      int c = 0;
      for (double h : Runs.distinct(Runs.select(all, x -> x.lambda() == lambda, "lambda " + lambda),
          Runs::hidden)) {
        List<Results.Entry> runs = runs(all, lambda, h);
        RunSpec sp = runs.get(0).run().spec();
        lines.add(new Figure.Line("width", Figure.params("hidden", (int) h, "lambda", lambda),
            Runs.series("rms", runs, 0, m -> Runs.totalRms(m, sp)), Figure.Look.MEASURED, c++));
      }
      // pure decay, exp(-eta lambda/m) per epoch, from the first width's start
      Series s0 = lines.get(0).series();
      RunSpec sp0 = runs(all, lambda, (int) lines.get(0).params().get("hidden")).get(0).run().spec();
      double[] pred = new double[s0.x().length];
      for (int i = 0; i < pred.length; i++) {
        pred[i] = s0.mean()[0] * Math.exp(-sp0.eta() * lambda / sp0.miniBatchSize() * s0.x()[i]);
      }
      lines.add(new Figure.Line("decay", Figure.params("hidden", lines.get(0).params().get("hidden"), "lambda",
          lambda), Series.exact("prediction", s0.x(), pred), Figure.Look.PREDICTED, 6));
      figs.add(new Figure(f.id(), experiments, false, true, lines));
    }
    List<Figure.Line> lines = new ArrayList<>();
    int c = 0;
    Scales anchor = null;
    List<Scales> scales = scales(all, in.thresholds().get(TAIL_OFF));
    int seeds = Runs.seeds(all);
    for (Scales s : scales) {
      anchor = anchor == null ? s : anchor;
      boolean[] censored = new boolean[s.nws().length];
      for (int i = 0; i < censored.length; i++) {
        censored[i] = s.censored()[i] > 0;
      }
      lines.add(new Figure.Line("scale", Figure.params("lambda", s.lambda()), new Series("scale", s.nws(),
          s.mean(), s.lo(), s.hi(), seeds), Figure.Look.POINTS, c, censored));
      FitRow fit = r.fits().get(c);
      Stats.Fit line = Stats.fit(s.logNw(), s.logScale());
      double[] y = new double[s.nws().length];
      for (int k = 0; k < y.length; k++) {
        y[k] = Math.pow(10, line.intercept() + line.slope() * Math.log10(s.nws()[k]));
      }
      lines.add(new Figure.Line("fit", Figure.params("lambda", s.lambda(), "slope", fit.slope()),
          Series.exact("fit", s.nws(), y), Figure.Look.PREDICTED, c));
      c++;
    }
    double[] x = anchor.nws();
    double[] inv = new double[x.length];
    double[] invSqrt = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      inv[i] = anchor.mean()[0] * x[0] / x[i];
      invSqrt[i] = anchor.mean()[0] * Math.sqrt(x[0] / x[i]);
    }
    lines.add(new Figure.Line("inverse", Figure.params(), Series.exact("inverse", x, inv), Figure.Look.REFERENCE, 6));
    lines.add(new Figure.Line("inverse-sqrt", Figure.params(), Series.exact("inverse-sqrt", x, invSqrt),
        Figure.Look.PREDICTED, 6));
    figs.add(new Figure("claim3-scale-vs-nw", experiments, true, true, lines));
    return figs;
  }
}
