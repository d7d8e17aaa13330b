package wdpaper.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wdpaper.experiments.Results;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.LayerMetrics;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;

/**
 * Claim 3: "provided lambda is not too large, the weight decay tails off when the weights are down to a size around
 * 1/sqrt(n), n the total number of weights" (the book; the question says 1/n_w).
 *
 * <p>Every run stops once its weights have settled (the spec's settle rule: the per-epoch rate |ln(||w_(e-1)|| /
 * ||w_e||)| below a fraction of eta*lambda/m for a number of consecutive epochs; the epochs are the cap). The
 * <em>plateau</em> of a run is the mean over those last settled epochs of the RMS of all its weights (and of the total
 * norm ||w|| and of each layer's RMS). A run that reaches its cap without settling is censored: it is shown, and no
 * fit uses it. n_w varies two ways: the hidden width H and the number of inputs n_in (784, or 196 with MNIST pooled
 * to 14x14). Per lambda, log10(plateau) = a + b log10(n_w) is fitted on the seed means of the groups (n_in, H) whose
 * runs all settled; its uncertainty is the range of the same fit done per seed.
 *
 * <p>Rule: a lambda's fit matches a power n_w^p (p = -1, the question's 1/n_w, or p = -1/2, the book's 1/sqrt(n_w))
 * in <em>scaling</em> if |b - p| is at most the exponent tolerance, and in <em>size</em> too if the prefactor
 * (geometric mean of plateau * n_w^(-p)) is within the prefactor factor of 1. Holds if every fitted lambda matches in
 * scaling and size; holds with caveats if every fitted lambda matches in scaling; else (or with no fitted lambda)
 * does not hold.
 */
public final class TailOff implements Claim<TailOff.Result> {
  /** The onset (secondary): the first epoch whose decay rate is below this fraction of eta*lambda/m. */
  public static final Threshold TAIL_OFF = Threshold.fraction("tailOffFraction");
  /** A fitted exponent b matches p if |b - p| is at most this. */
  public static final Threshold EXPONENT_TOLERANCE = Threshold.between("exponentTolerance", 0.01, 0.25);
  /** A prefactor c "is around 1" if 1/f <= c <= f. */
  public static final Threshold PREFACTOR_FACTOR = Threshold.between("prefactorFactor", 1, 1000);

  /** What a fit matches: -1 ({@code inverse}), -1/2 ({@code inverseSqrt}) or neither. */
  public static final String INVERSE = "inverse";
  public static final String INVERSE_SQRT = "inverseSqrt";
  public static final String NEITHER = "neither";
  /** How well one lambda's fit matches: in scaling and size ({@code full}), in scaling only, or not at all. */
  public static final String FULL = "full";
  public static final String SCALING = "scaling";
  public static final String NONE = "none";

  /**
   * One (init, n_in, H, lambda) over its seeds; plateau values are seed means over the settled runs (all runs if
   * none settled).
   *
   * @param settledAt mean epoch at which the runs settled (the cap for censored runs)
   * @param onset mean onset epoch (interpolated within the epoch), NaN if a run never tails off
   * @param plateauLo the seed range of the plateau RMS
   * @param accuracy validation accuracy at the end (%)
   */
  public record Group(String init, int inputs, int hidden, double lambda, long nw, int seeds, int censored,
      double settledAt, double onset, double plateau, double plateauLo, double plateauHi, double norm,
      double rmsLayer1, double rmsLayer2, double timesSqrtNw, double timesNw, double timesSqrtNin, double accuracy,
      boolean fitted) {}

  /**
   * What balances the decay at the plateau (instrumented runs): per epoch over the settled epochs, the change of
   * ||w||^2 from decay (negative), the gradient's drift along w and SGD diffusion, as shares of the decay's size.
   */
  public record Balance(String init, int inputs, int hidden, double lambda, double decay, double drift,
      double diffusion, double driftShare, double diffusionShare) {}

  /**
   * The fit of one lambda over the groups that settled.
   *
   * @param slope b, fitted on seed means over n_in and H together
   * @param slopeLo the smallest per-seed slope
   * @param slopeHi the largest per-seed slope
   * @param widthSlope the fit over H only (n_in = 784), NaN with fewer than two such groups
   * @param inputSlope log(plateau ratio)/log(n_w ratio) between 196 and 784 inputs at the same H, mean over H (NaN
   *     if none)
   * @param prefactorSqrt geometric mean of plateau * sqrt(n_w)
   * @param prefactorInverse geometric mean of plateau * n_w
   * @param prefactorSqrtNin geometric mean of plateau * sqrt(n_in)
   * @param exponentMatches inverse, inverseSqrt or neither (at the thresholds of the file)
   * @param match full, scaling or none (at the thresholds of the file)
   */
  public record FitRow(double lambda, double slope, double slopeLo, double slopeHi, double r2, int points,
      double widthSlope, double inputSlope, double prefactorSqrt, double prefactorInverse, double prefactorSqrtNin,
      String exponentMatches, String match) {}

  /** Per (n_in, H), the plateau's exponent in lambda (fit over the settled lambdas). */
  public record LambdaFit(int inputs, int hidden, double exponent, int points) {}

  /** Old init over new init plateau at the same (H, lambda), total and per layer. */
  public record InitComparison(int hidden, double lambda, double oldPlateau, double newPlateau, double ratio,
      double ratioLayer1, double ratioLayer2) {}

  /** A weight-RMS figure of one lambda: its id, for pages to place it. */
  public record RmsFigure(String id, double lambda) {}

  public record Result(List<Double> lambdas, double lambdaSmallest, double lambdaLargest, int epochsCap,
      double settleFraction, int settleEpochs, int seeds, double eta, int m, List<Integer> widths,
      List<Integer> inputs, int hiddenSmallest, int hiddenLargest, double widthRatio, long nwSmallest,
      long nwLargest, double nwRatio, double inverseNwLargest, double inverseSqrtNwSmallest, int runs, int censored,
      int fittedLambdas, List<Group> groups, List<FitRow> fits, List<Balance> balances, List<LambdaFit> lambdaFits,
      List<InitComparison> initComparisons, List<RmsFigure> rmsFigures, boolean driftBalancesMost,
      double lambdaExponentLo, double lambdaExponentHi, String lambdaExponentMatches, double initRatioLo,
      double initRatioHi) {

    public Result {
      lambdas = List.copyOf(lambdas);
      widths = List.copyOf(widths);
      inputs = List.copyOf(inputs);
      groups = List.copyOf(groups);
      fits = List.copyOf(fits);
      balances = List.copyOf(balances);
      lambdaFits = List.copyOf(lambdaFits);
      initComparisons = List.copyOf(initComparisons);
      rmsFigures = List.copyOf(rmsFigures);
    }
  }

  @Override
  public String id() {
    return "claim3";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "settled runs of [n_in, H, 10] for several n_in, H and lambda, old init (and new"
        + " init at some of them)"));
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(TAIL_OFF, EXPONENT_TOLERANCE, PREFACTOR_FACTOR);
  }

  /** Which power an exponent matches within {@code tolerance}: the nearer of -1 and -1/2, or neither. */
  static String exponentMatches(double slope, double tolerance) {
    double dInv = Math.abs(slope + 1);
    double dSqrt = Math.abs(slope + 0.5);
    if (dInv <= tolerance && dInv <= dSqrt) {
      return INVERSE;
    }
    return dSqrt <= tolerance ? INVERSE_SQRT : NEITHER;
  }

  /** How one lambda's fit matches at the thresholds: full, scaling or none. */
  static String match(FitRow f, double tolerance, double factor) {
    String e = exponentMatches(f.slope(), tolerance);
    if (NEITHER.equals(e)) {
      return NONE;
    }
    double c = INVERSE.equals(e) ? f.prefactorInverse() : f.prefactorSqrt();
    return c <= factor && c >= 1 / factor ? FULL : SCALING;
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    double tol = t.get(EXPONENT_TOLERANCE);
    double factor = t.get(PREFACTOR_FACTOR);
    boolean any = false;
    boolean allFull = true;
    boolean allScaling = true;
    for (FitRow f : r.fits()) {
      if (f.points() < 3) {
        continue;
      }
      any = true;
      String m = match(f, tol, factor);
      allFull &= FULL.equals(m);
      allScaling &= !NONE.equals(m);
    }
    if (!any) {
      return Outcome.FAILS;
    }
    return allFull ? Outcome.HOLDS : allScaling ? Outcome.CAVEATS : Outcome.FAILS;
  }

  /** One run's plateau and balance over its last settled epochs. */
  record RunPlateau(long seed, boolean censored, int lastEpoch, double onset, double rms, double norm, double rms1,
      double rms2, double decay, double drift, double diffusion, double accuracy) {}

  /** The onset epoch, interpolated within the epoch: where the decay rate crosses fraction * eta*lambda/m. */
  static double onset(List<EpochMetrics> ep, RunSpec sp, double fraction) {
    double limit = fraction * sp.eta() * sp.lambda() / sp.miniBatchSize();
    double prev = Double.NaN;
    for (int k = 1; k < ep.size(); k++) {
      double rate = Math.log(norm(ep.get(k - 1)) / norm(ep.get(k)));
      if (rate < limit) {
        if (k == 1 || Double.isNaN(prev) || prev == rate) {
          return k;
        }
        return k - 1 + (prev - limit) / (prev - rate);
      }
      prev = rate;
    }
    return Double.NaN;
  }

  static double norm(EpochMetrics m) {
    double sq = 0;
    for (LayerMetrics l : m.layers()) {
      sq += l.norm() * l.norm();
    }
    return Math.sqrt(sq);
  }

  static RunPlateau plateau(Results.Entry e, double fraction) {
    RunSpec sp = e.run().spec();
    TrainingResult tr = e.record().result();
    List<EpochMetrics> ep = tr.epochs();
    int k = Math.min(sp.settle() == null ? 3 : sp.settle().epochs(), ep.size() - 1);
    double rms = 0;
    double norm = 0;
    double rms1 = 0;
    double rms2 = 0;
    double decay = 0;
    double drift = 0;
    double diffusion = 0;
    for (int i = ep.size() - k; i < ep.size(); i++) {
      EpochMetrics m = ep.get(i);
      rms += Runs.totalRms(m, sp) / k;
      norm += norm(m) / k;
      rms1 += m.layers().get(0).rms() / k;
      rms2 += m.layers().get(m.layers().size() - 1).rms() / k;
      for (LayerMetrics l : m.layers()) {
        decay += l.normSqDecay() / k;
        drift += l.normSqDrift() / k;
        diffusion += l.normSqDiffusion() / k;
      }
    }
    boolean censored = sp.settle() == null || tr.censored();
    return new RunPlateau(sp.seed(), censored, ep.size() - 1, onset(ep, sp, fraction), rms, norm, rms1, rms2, decay,
        drift, diffusion, 100 * ep.get(ep.size() - 1).validationAccuracy());
  }

  private record Key(String init, int inputs, int hidden, double lambda) {}

  private static Map<Key, List<RunPlateau>> byGroup(List<Results.Entry> all, double fraction) {
    Map<Key, List<RunPlateau>> out = new TreeMap<>((a, b) -> {
      int c = b.init().compareTo(a.init()); // old before new
      c = c != 0 ? c : Integer.compare(b.inputs(), a.inputs());
      c = c != 0 ? c : Integer.compare(a.hidden(), b.hidden());
      return c != 0 ? c : Double.compare(a.lambda(), b.lambda());
    });
    for (Results.Entry e : all) {
      RunSpec s = e.run().spec();
      out.computeIfAbsent(new Key(s.init(), s.sizes().get(0), Runs.hidden(s), s.lambda()), k -> new ArrayList<>())
          .add(plateau(e, fraction));
    }
    for (List<RunPlateau> l : out.values()) {
      l.sort((a, b) -> Long.compare(a.seed(), b.seed()));
    }
    return out;
  }

  private static double mean(List<RunPlateau> runs, java.util.function.ToDoubleFunction<RunPlateau> f) {
    return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static long weights(int nIn, int h) {
    return (long) nIn * h + (long) h * 10;
  }

  private static double geoMean(List<Double> v) {
    double s = 0;
    for (double x : v) {
      s += Math.log(x);
    }
    return Math.exp(s / v.size());
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    Thresholds t = in.thresholds();
    double fraction = t.get(TAIL_OFF);
    Map<Key, List<RunPlateau>> groups = byGroup(all, fraction);
    List<Group> out = new ArrayList<>();
    int censoredRuns = 0;
    for (Map.Entry<Key, List<RunPlateau>> g : groups.entrySet()) {
      Key k = g.getKey();
      List<RunPlateau> runs = g.getValue();
      int censored = (int) runs.stream().filter(RunPlateau::censored).count();
      censoredRuns += censored;
      long nw = weights(k.inputs(), k.hidden());
      double plateau = mean(runs, RunPlateau::rms);
      double lo = runs.stream().mapToDouble(RunPlateau::rms).min().orElseThrow();
      double hi = runs.stream().mapToDouble(RunPlateau::rms).max().orElseThrow();
      boolean fitted = censored == 0;
      out.add(new Group(k.init(), k.inputs(), k.hidden(), k.lambda(), nw, runs.size(), censored,
          mean(runs, RunPlateau::lastEpoch), mean(runs, RunPlateau::onset), plateau, lo, hi, mean(runs,
          RunPlateau::norm), mean(runs, RunPlateau::rms1), mean(runs, RunPlateau::rms2), plateau * Math.sqrt(nw),
          plateau * nw, plateau * Math.sqrt(k.inputs()), mean(runs, RunPlateau::accuracy), fitted));
    }
    List<Double> lambdas = Runs.distinct(all, RunSpec::lambda);
    List<FitRow> fits = new ArrayList<>();
    for (double lambda : lambdas) {
      fits.add(fit(lambda, groups, out, t));
    }
    List<Balance> balances = new ArrayList<>();
    for (Map.Entry<Key, List<RunPlateau>> g : groups.entrySet()) {
      Key k = g.getKey();
      RunSpec sp = spec(all, k);
      if (!sp.instrument()) {
        continue;
      }
      double decay = mean(g.getValue(), RunPlateau::decay);
      double drift = mean(g.getValue(), RunPlateau::drift);
      double diffusion = mean(g.getValue(), RunPlateau::diffusion);
      balances.add(new Balance(k.init(), k.inputs(), k.hidden(), k.lambda(), decay, drift, diffusion,
          drift / -decay, diffusion / -decay));
    }
    List<LambdaFit> lambdaFits = new ArrayList<>();
    Map<String, List<Group>> byNet = new LinkedHashMap<>();
    for (Group g : out) {
      if ("old".equals(g.init()) && g.fitted()) {
        byNet.computeIfAbsent(g.inputs() + "x" + g.hidden(), x -> new ArrayList<>()).add(g);
      }
    }
    for (List<Group> l : byNet.values()) {
      if (l.size() >= 2) {
        double[] x = l.stream().mapToDouble(g -> Math.log10(g.lambda())).toArray();
        double[] y = l.stream().mapToDouble(g -> Math.log10(g.plateau())).toArray();
        lambdaFits.add(new LambdaFit(l.get(0).inputs(), l.get(0).hidden(), Stats.fit(x, y).slope(), l.size()));
      }
    }
    List<InitComparison> comparisons = new ArrayList<>();
    for (Group n : out) {
      if (!"new".equals(n.init())) {
        continue;
      }
      for (Group o : out) {
        if ("old".equals(o.init()) && o.inputs() == n.inputs() && o.hidden() == n.hidden()
            && o.lambda() == n.lambda()) {
          comparisons.add(new InitComparison(n.hidden(), n.lambda(), o.plateau(), n.plateau(),
              o.plateau() / n.plateau(), o.rmsLayer1() / n.rmsLayer1(), o.rmsLayer2() / n.rmsLayer2()));
        }
      }
    }
    List<Group> old = out.stream().filter(g -> "old".equals(g.init())).toList();
    List<Integer> widths = new ArrayList<>();
    List<Integer> inputs = new ArrayList<>();
    for (Group g : old) {
      if (!widths.contains(g.hidden())) {
        widths.add(g.hidden());
      }
      if (!inputs.contains(g.inputs())) {
        inputs.add(g.inputs());
      }
    }
    widths.sort(null);
    inputs.sort(java.util.Comparator.reverseOrder());
    List<RmsFigure> rmsFigures = new ArrayList<>();
    for (double lambda : lambdas) {
      // one RMS figure per lambda that has old-init runs on the 784 inputs (other experiments may add lambdas)
      if (all.stream().map(e -> e.run().spec()).noneMatch(sp -> "old".equals(sp.init()) && sp.lambda() == lambda
          && sp.sizes().get(0) == 784)) {
        continue;
      }
      rmsFigures.add(new RmsFigure(rmsFigureId(lambda), lambda));
    }
    RunSpec sp = all.get(0).run().spec();
    long nwMin = old.stream().mapToLong(Group::nw).min().orElseThrow();
    long nwMax = old.stream().mapToLong(Group::nw).max().orElseThrow();
    int hMin = widths.get(0);
    int hMax = widths.get(widths.size() - 1);
    int fitted = (int) fits.stream().filter(f -> f.points() >= 3).count();
    return new Result(lambdas, lambdas.get(0), lambdas.get(lambdas.size() - 1), sp.epochs(),
        sp.settle() == null ? Double.NaN : sp.settle().fraction(), sp.settle() == null ? 0 : sp.settle().epochs(),
        Runs.seeds(all), sp.eta(), sp.miniBatchSize(), widths, inputs, hMin, hMax, hMax / (double) hMin, nwMin,
        nwMax, nwMax / (double) nwMin, 1.0 / nwMax, 1.0 / Math.sqrt(nwMin), all.size(), censoredRuns, fitted, out,
        fits, balances, lambdaFits, comparisons, rmsFigures,
        !balances.isEmpty() && balances.stream().allMatch(b -> b.driftShare() > b.diffusionShare()),
        lambdaFits.stream().mapToDouble(LambdaFit::exponent).min().orElse(Double.NaN),
        lambdaFits.stream().mapToDouble(LambdaFit::exponent).max().orElse(Double.NaN),
        lambdaFits.stream().map(l -> exponentMatches(l.exponent(), t.get(EXPONENT_TOLERANCE))).distinct().count() == 1
            ? exponentMatches(lambdaFits.get(0).exponent(), t.get(EXPONENT_TOLERANCE)) : NEITHER,
        comparisons.stream().mapToDouble(InitComparison::ratio).min().orElse(Double.NaN),
        comparisons.stream().mapToDouble(InitComparison::ratio).max().orElse(Double.NaN));
  }

  private static RunSpec spec(List<Results.Entry> all, Key k) {
    for (Results.Entry e : all) {
      RunSpec s = e.run().spec();
      if (s.init().equals(k.init()) && s.sizes().get(0) == k.inputs() && Runs.hidden(s) == k.hidden()
          && s.lambda() == k.lambda()) {
        return s;
      }
    }
    throw new IllegalStateException("no run for " + k);
  }

  /** The fit of one lambda over its settled old-init groups, with per-seed slopes for the uncertainty. */
  private static FitRow fit(double lambda, Map<Key, List<RunPlateau>> groups, List<Group> out, Thresholds t) {
    List<Group> use = new ArrayList<>();
    List<List<RunPlateau>> runs = new ArrayList<>();
    for (Group g : out) {
      if ("old".equals(g.init()) && g.lambda() == lambda && g.fitted()) {
        use.add(g);
        runs.add(groups.get(new Key(g.init(), g.inputs(), g.hidden(), g.lambda())));
      }
    }
    int n = use.size();
    if (n < 3) {
      return new FitRow(lambda, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, NEITHER, NONE);
    }
    double[] x = use.stream().mapToDouble(g -> Math.log10(g.nw())).toArray();
    double[] y = use.stream().mapToDouble(g -> Math.log10(g.plateau())).toArray();
    Stats.Fit f = Stats.fit(x, y);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    int seeds = runs.stream().mapToInt(List::size).min().orElse(0);
    for (int s = 0; s < seeds; s++) {
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        ys[i] = Math.log10(runs.get(i).get(s).rms());
      }
      double b = Stats.fit(x, ys).slope();
      lo = Math.min(lo, b);
      hi = Math.max(hi, b);
    }
    List<Group> wide = use.stream().filter(g -> g.inputs() == 784).toList();
    double widthSlope = wide.size() >= 2 ? Stats.fit(wide.stream().mapToDouble(g -> Math.log10(g.nw())).toArray(),
        wide.stream().mapToDouble(g -> Math.log10(g.plateau())).toArray()).slope() : Double.NaN;
    double inputSlope = 0;
    int pairs = 0;
    for (Group a : use) {
      for (Group b : use) {
        if (a.hidden() == b.hidden() && a.inputs() < b.inputs()) {
          inputSlope += Math.log(b.plateau() / a.plateau()) / Math.log((double) b.nw() / a.nw());
          pairs++;
        }
      }
    }
    FitRow raw = new FitRow(lambda, f.slope(), lo, hi, f.r2(), n, widthSlope, pairs == 0 ? Double.NaN
        : inputSlope / pairs, geoMean(use.stream().map(Group::timesSqrtNw).toList()),
        geoMean(use.stream().map(Group::timesNw).toList()), geoMean(use.stream().map(Group::timesSqrtNin).toList()),
        NEITHER, NONE);
    double tol = t.get(EXPONENT_TOLERANCE);
    return new FitRow(raw.lambda(), raw.slope(), raw.slopeLo(), raw.slopeHi(), raw.r2(), raw.points(),
        raw.widthSlope(), raw.inputSlope(), raw.prefactorSqrt(), raw.prefactorInverse(), raw.prefactorSqrtNin(),
        exponentMatches(raw.slope(), tol), match(raw, tol, t.get(PREFACTOR_FACTOR)));
  }

  private static String rmsFigureId(double lambda) {
    return "claim3-rms-lambda-" + wdpaper.experiments.Numbers.format(lambda).replace('.', '-');
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
      for (int h : r.widths()) {
        if (all.stream().map(e -> e.run().spec()).noneMatch(s -> "old".equals(s.init()) && s.lambda() == lambda
            && Runs.hidden(s) == h && s.sizes().get(0) == 784)) {
          continue;
        }
        List<Results.Entry> runs = Runs.select(all, s -> "old".equals(s.init()) && s.lambda() == lambda
            && Runs.hidden(s) == h && s.sizes().get(0) == 784, "old init, 784 inputs, lambda " + lambda + ", H = " + h);
        RunSpec sp = runs.get(0).run().spec();
        lines.add(new Figure.Line("width", Figure.params("hidden", h, "lambda", lambda),
            Runs.series("rms", runs, 0, m -> Runs.totalRms(m, sp)), Figure.Look.MEASURED, c++));
      }
      Series s0 = lines.get(0).series();
      RunSpec sp0 = all.get(0).run().spec();
      double[] pred = new double[s0.x().length];
      for (int i = 0; i < pred.length; i++) {
        pred[i] = s0.mean()[0] * Math.exp(-sp0.eta() * lambda / sp0.miniBatchSize() * s0.x()[i]);
      }
      lines.add(new Figure.Line("decay", Figure.params("hidden", r.hiddenSmallest(), "lambda", lambda),
          Series.exact("pure decay", s0.x(), pred), Figure.Look.PREDICTED, 6));
      figs.add(new Figure(f.id(), experiments, false, true, lines));
    }
    // the plateau against n_w: one set of points per (lambda, n_in), the fits, and 1/sqrt(n_w) and 1/n_w themselves
    Map<Key, List<RunPlateau>> groups = byGroup(all, in.thresholds().get(TAIL_OFF));
    List<Figure.Line> lines = new ArrayList<>();
    int c = 0;
    for (double lambda : r.lambdas()) {
      for (int nIn : r.inputs()) {
        List<Group> gs = r.groups().stream().filter(g -> "old".equals(g.init()) && g.lambda() == lambda
            && g.inputs() == nIn).toList();
        if (gs.isEmpty()) {
          continue;
        }
        double[] x = gs.stream().mapToDouble(Group::nw).toArray();
        double[] mean = gs.stream().mapToDouble(Group::plateau).toArray();
        double[] lo = gs.stream().mapToDouble(Group::plateauLo).toArray();
        double[] hi = gs.stream().mapToDouble(Group::plateauHi).toArray();
        boolean[] censored = new boolean[gs.size()];
        for (int i = 0; i < censored.length; i++) {
          censored[i] = !gs.get(i).fitted();
        }
        int seeds = groups.get(new Key("old", nIn, gs.get(0).hidden(), lambda)).size();
        lines.add(new Figure.Line("plateau", Figure.params("lambda", lambda, "inputs", nIn), new Series("plateau",
            x, mean, lo, hi, seeds), Figure.Look.POINTS, c % 6, censored));
        c++;
      }
    }
    double[] xs = {r.nwSmallest(), r.nwLargest()};
    int fc = 0;
    for (FitRow f : r.fits()) {
      int color = fc;
      fc += r.inputs().size();
      if (f.points() < 3) {
        continue;
      }
      List<Group> use = r.groups().stream().filter(g -> "old".equals(g.init()) && g.lambda() == f.lambda()
          && g.fitted()).toList();
      Stats.Fit line = Stats.fit(use.stream().mapToDouble(g -> Math.log10(g.nw())).toArray(),
          use.stream().mapToDouble(g -> Math.log10(g.plateau())).toArray());
      double[] y = new double[xs.length];
      for (int k = 0; k < y.length; k++) {
        y[k] = Math.pow(10, line.intercept() + line.slope() * Math.log10(xs[k]));
      }
      lines.add(new Figure.Line("fit", Figure.params("lambda", f.lambda(), "slope", f.slope()),
          Series.exact("fit", xs, y), Figure.Look.MEASURED, color % 6));
    }
    // the book's size 1/sqrt(n_w) dashed (black), the question's 1/n_w dash-dot (grey): two styles, not one
    lines.add(new Figure.Line("inverse-sqrt", Figure.params(), Series.exact("1/sqrt(n_w)", xs,
        new double[] {1 / Math.sqrt(xs[0]), 1 / Math.sqrt(xs[1])}), Figure.Look.PREDICTED, 6));
    lines.add(new Figure.Line("inverse", Figure.params(), Series.exact("1/n_w", xs,
        new double[] {1 / xs[0], 1 / xs[1]}), Figure.Look.REFERENCE, 8));
    figs.add(new Figure("claim3-plateau-vs-nw", experiments, true, true, lines));
    return figs;
  }
}
