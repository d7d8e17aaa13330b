package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import wdpaper.experiments.Results;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.LayerMetrics;
import wdpaper.nn.RunSpec;

/**
 * Claim 2: "provided eta*lambda &lt;&lt; n, the weights decay by a factor exp(-eta*lambda/m) per epoch". With the
 * gradient term off, one epoch of ceil(n/m) steps multiplies the weights by exactly (1 - x)^(n/m), x =
 * eta*lambda/n; in training, the measured per-epoch factor of the first layer's ||w|| is compared with the
 * prediction.
 *
 * <p>Rule: a sanity check first (decay alone matches the exact factor to the exactness tolerance and the
 * exponential gets the decay rate within its tolerance for every x up to the approximation range; otherwise does
 * not hold). The evidence is the training epochs in which the claim's premise holds (the gradient's change of
 * ||w||^2 at most the premise ratio of the decay's): holds if at least the follow share of them follow the
 * prediction (measured rate within the rate tolerance of eta*lambda/m), holds with caveats if some do, does not
 * hold if none do or no epoch is in scope.
 */
public final class DecayFactor implements Claim<DecayFactor.Result> {
  /** A training epoch follows the prediction when its rate is within this relative tolerance of eta*lambda/m. */
  public static final Threshold RATE_TOLERANCE = Threshold.fraction("rateTolerance");
  /** Decay alone must match (1 - x)^(n/m) to this relative error. */
  public static final Threshold EXACTNESS = Threshold.positive("exactTolerance");
  /** The exponential's relative rate error allowed for x up to {@link #APPROXIMATION_RANGE}. */
  public static final Threshold APPROXIMATION_TOLERANCE = Threshold.fraction("approximationRateTolerance");
  /** The x = eta*lambda/n up to which the exponential must get the rate right. */
  public static final Threshold APPROXIMATION_RANGE = Threshold.fraction("approximationRange");
  /**
   * The claim's premise holds in an epoch when the gradient's change of ||w||^2 (drift + diffusion) is at most this
   * fraction of the decay's, in size (first layer, mean over seeds).
   */
  public static final Threshold PREMISE_RATIO = Threshold.fraction("premiseRatio");
  /** Holds if at least this share of the epochs where the premise holds follow the prediction. */
  public static final Threshold FOLLOW_SHARE = Threshold.fraction("followShare");

  /**
   * One lambda of the decay-only runs.
   *
   * @param x eta*lambda/n
   * @param measured the measured one-epoch factor of the first layer's ||w||, mean over seeds
   * @param exact (1 - x)^steps
   * @param approx exp(-eta*lambda/m)
   * @param factorError approx / exact - 1
   * @param rateError (eta*lambda/m) / (-steps ln(1 - x)) - 1
   */
  public record PureRow(double lambda, double x, double measured, double exact, double approx, double factorError,
      double rateError) {}

  /**
   * One (init, lambda) of the training runs.
   *
   * @param predicted exp(-eta*lambda/m)
   * @param factors measured per-epoch factors ||w_e|| / ||w_(e-1)||, epochs 1.., mean over seeds
   * @param holdingEpochs the epochs whose measured rate is within the rate tolerance of eta*lambda/m
   */
  public record TrainingRow(String init, double lambda, double rate, double predicted, double epoch1, double last,
      List<Double> factors, List<Integer> holdingEpochs, int holdingCount, int epochs, List<Double> premiseRatios,
      List<Integer> premiseEpochs, List<Integer> premiseHolding) {

    public TrainingRow {
      factors = List.copyOf(factors);
      holdingEpochs = List.copyOf(holdingEpochs);
      premiseRatios = List.copyOf(premiseRatios);
      premiseEpochs = List.copyOf(premiseEpochs);
      premiseHolding = List.copyOf(premiseHolding);
    }
  }

  /**
   * @param worstExact largest relative difference between a measured and the exact factor, over all decay-only runs
   * @param approxGood the exponential's rate is within tolerance for every x up to the approximation range
   * @param xMin the smallest x of the decay-only runs
   * @param stepsPerEpoch ceil(n/m)
   */
  public record Result(List<PureRow> pure, double worstExact, boolean approxGood, double xMin, double xMax, int n,
      int m, int stepsPerEpoch, List<TrainingRow> training, double bookLambda, int premiseEpochs,
      int premiseHolding, double premiseHoldingShare) {

    public Result {
      pure = List.copyOf(pure);
      training = List.copyOf(training);
    }
  }

  @Override
  public String id() {
    return "claim2";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("decay-alone", "runs with the gradient term off (gradients: false), several lambda"),
        new Role("training", "training runs, old and new init, several lambda"));
  }

  @Override
  public List<Class<? extends Claim<?>>> dependsOn() {
    return List.of(BookFigure.class);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(RATE_TOLERANCE, EXACTNESS, APPROXIMATION_TOLERANCE, APPROXIMATION_RANGE, PREMISE_RATIO,
        FOLLOW_SHARE);
  }

  private static int steps(RunSpec sp) {
    return (sp.trainingSetSize() + sp.miniBatchSize() - 1) / sp.miniBatchSize();
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> pureRuns = in.runs("decay-alone");
    Thresholds t = in.thresholds();
    List<PureRow> pure = new ArrayList<>();
    double worstExact = 0;
    for (double lambda : Runs.distinct(pureRuns, RunSpec::lambda)) {
      List<Results.Entry> runs = Runs.select(pureRuns, r -> r.lambda() == lambda, "lambda " + lambda);
      RunSpec sp = runs.get(0).run().spec();
      double x = sp.eta() * lambda / sp.trainingSetSize();
      int steps = steps(sp);
      double exact = Math.pow(1 - x, steps);
      double approx = Math.exp(-sp.eta() * lambda / sp.miniBatchSize());
      double measuredMean = 0;
      for (Results.Entry e : runs) {
        List<EpochMetrics> ep = e.record().result().epochs();
        double measured = ep.get(1).layers().get(0).norm() / ep.get(0).layers().get(0).norm();
        worstExact = Math.max(worstExact, Math.abs(measured / exact - 1));
        measuredMean += measured / runs.size();
      }
      double fe = approx / exact - 1;
      double re = (sp.eta() * lambda / sp.miniBatchSize()) / (-steps * Math.log1p(-x)) - 1;
      pure.add(new PureRow(lambda, x, measuredMean, exact, approx, fe, re));
    }
    RunSpec sp0 = pureRuns.get(0).run().spec();
    double bookLambda = in.result(BookFigure.class).lambda();
    List<Results.Entry> trainingRuns = in.runs("training");
    List<TrainingRow> training = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : Runs.distinct(trainingRuns, RunSpec::lambda)) {
        List<Results.Entry> runs = training(trainingRuns, init, lambda);
        RunSpec sp = runs.get(0).run().spec();
        Series measured = factors(runs);
        List<Double> factors = new ArrayList<>();
        for (double f : measured.mean()) {
          factors.add(f);
        }
        double rate = sp.eta() * lambda / sp.miniBatchSize();
        List<Integer> holding = holding(factors, rate, t.get(RATE_TOLERANCE));
        List<Double> premise = premiseRatios(runs);
        List<Integer> inScope = new ArrayList<>();
        List<Integer> inScopeHolding = new ArrayList<>();
        for (int k = 0; k < Math.min(premise.size(), factors.size()); k++) {
          if (premise.get(k) <= t.get(PREMISE_RATIO)) {
            inScope.add(k + 1);
            if (holding.contains(k + 1)) {
              inScopeHolding.add(k + 1);
            }
          }
        }
        training.add(new TrainingRow(init, lambda, rate, Math.exp(-sp.eta() * lambda / sp.miniBatchSize()),
            measured.mean()[0], measured.mean()[measured.mean().length - 1], factors, holding, holding.size(),
            sp.epochs(), premise, inScope, inScopeHolding));
      }
    }
    int scope = training.stream().mapToInt(r -> r.premiseEpochs().size()).sum();
    int scopeHolding = training.stream().mapToInt(r -> r.premiseHolding().size()).sum();
    return new Result(pure, worstExact, approxGood(pure, t), pure.get(0).x(), pure.get(pure.size() - 1).x(),
        sp0.trainingSetSize(), sp0.miniBatchSize(), steps(sp0), training, bookLambda, scope, scopeHolding,
        scope == 0 ? 0 : scopeHolding / (double) scope);
  }

  /**
   * Per epoch 1.., |normSqGradient| / |normSqDecay| of the first layer, mean over the seeds: how large the
   * gradient's change of ||w||^2 is next to the decay's (the claim's premise: small).
   */
  static List<Double> premiseRatios(List<Results.Entry> runs) {
    List<Double> out = new ArrayList<>();
    int len = runs.stream().mapToInt(e -> e.record().result().epochs().size()).min().orElse(1);
    for (int k = 1; k < len; k++) {
      double sum = 0;
      for (Results.Entry e : runs) {
        LayerMetrics l = e.record().result().epochs().get(k).layers().get(0);
        sum += Math.abs(l.normSqGradient()) / Math.abs(l.normSqDecay());
      }
      out.add(sum / runs.size());
    }
    return out;
  }

  /** The exponential gets the rate within tolerance for every x up to the approximation range. */
  static boolean approxGood(List<PureRow> pure, Thresholds t) {
    for (PureRow r : pure) {
      if (r.x() <= t.get(APPROXIMATION_RANGE) && Math.abs(r.rateError()) > t.get(APPROXIMATION_TOLERANCE)) {
        return false;
      }
    }
    return true;
  }

  /** Epochs (1-based) whose measured rate -ln(factor) is within {@code tolerance} of {@code rate}, relatively. */
  static List<Integer> holding(List<Double> factors, double rate, double tolerance) {
    List<Integer> holding = new ArrayList<>();
    for (int k = 0; k < factors.size(); k++) {
      if (Math.abs(-Math.log(factors.get(k)) / rate - 1) <= tolerance) {
        holding.add(k + 1);
      }
    }
    return holding;
  }

  private static List<Results.Entry> training(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  /** Per-epoch factor ||w_e|| / ||w_(e-1)|| of the first layer, epochs 1.., over the seeds. */
  private static Series factors(List<Results.Entry> runs) {
    RunSpec sp = runs.get(0).run().spec();
    List<double[]> ratios = new ArrayList<>();
    for (Results.Entry e : runs) {
      List<EpochMetrics> ep = e.record().result().epochs();
      double[] r = new double[ep.size() - 1];
      for (int k = 1; k < ep.size(); k++) {
        r[k - 1] = ep.get(k).layers().get(0).norm() / ep.get(k - 1).layers().get(0).norm();
      }
      ratios.add(r);
    }
    return Series.of("factor", Runs.epochs(1, sp.epochs()), ratios);
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    // sanity: decay alone reproduces the exact factor (floating point) and the exponential's rate is right for small
    // steps; if not, nothing below can be trusted
    boolean pureExact = r.worstExact() <= t.get(EXACTNESS);
    if (!(pureExact && approxGood(r.pure(), t))) {
      return Outcome.FAILS;
    }
    // the evidence: the training epochs in which the premise holds (gradient small next to decay)
    int scope = 0;
    int following = 0;
    for (TrainingRow row : r.training()) {
      List<Integer> holding = holding(row.factors(), row.rate(), t.get(RATE_TOLERANCE));
      for (int k = 0; k < Math.min(row.premiseRatios().size(), row.factors().size()); k++) {
        if (row.premiseRatios().get(k) <= t.get(PREMISE_RATIO)) {
          scope++;
          following += holding.contains(k + 1) ? 1 : 0;
        }
      }
    }
    if (scope == 0 || following == 0) {
      return Outcome.FAILS;
    }
    return following >= t.get(FOLLOW_SHARE) * scope ? Outcome.HOLDS : Outcome.CAVEATS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    double[] xs = new double[r.pure().size()];
    double[] factorErr = new double[xs.length];
    double[] rateErr = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = r.pure().get(i).x();
      factorErr[i] = Math.abs(r.pure().get(i).factorError());
      rateErr[i] = Math.abs(r.pure().get(i).rateError());
    }
    // the formula over a fine grid of x, for the n and m of the decay-only runs
    int steps = r.stepsPerEpoch();
    double[] grid = new double[61];
    double[] gf = new double[61];
    double[] gr = new double[61];
    for (int k = 0; k <= 60; k++) {
      grid[k] = Math.pow(10, -6 + 5.0 * k / 60);
      double lnExact = steps * Math.log1p(-grid[k]);
      gf[k] = Math.abs(Math.expm1(-grid[k] * steps - lnExact));
      gr[k] = Math.abs(grid[k] * steps / -lnExact - 1);
    }
    Figure approximation = new Figure("claim2-approximation-error", in.experiments("decay-alone"), true, true,
        List.of(
            new Figure.Line("factor-formula", Figure.params(), Series.exact("factor-formula", grid, gf),
                Figure.Look.PREDICTED, 0),
            new Figure.Line("rate-formula", Figure.params(), Series.exact("rate-formula", grid, gr),
                Figure.Look.PREDICTED, 1),
            new Figure.Line("factor-runs", Figure.params(), Series.exact("factor-runs", xs, factorErr),
                Figure.Look.POINTS, 0),
            new Figure.Line("rate-runs", Figure.params(), Series.exact("rate-runs", xs, rateErr),
                Figure.Look.POINTS, 1)));
    List<Results.Entry> trainingRuns = in.runs("training");
    List<Double> lambdas = Runs.distinct(trainingRuns, RunSpec::lambda);
    List<Figure.Line> lines = new ArrayList<>();
    int c = 0;
    for (double lambda : lambdas.subList(Math.max(0, lambdas.size() - 2), lambdas.size())) {
      Series old = factors(training(trainingRuns, "old", lambda));
      RunSpec sp = training(trainingRuns, "old", lambda).get(0).run().spec();
      double[] pred = new double[sp.epochs()];
      java.util.Arrays.fill(pred, Math.exp(-sp.eta() * lambda / sp.miniBatchSize()));
      lines.add(new Figure.Line("old", Figure.params("lambda", lambda), old, Figure.Look.MEASURED, c));
      lines.add(new Figure.Line("new", Figure.params("lambda", lambda), factors(training(trainingRuns, "new",
          lambda)), Figure.Look.MEASURED, c + 2));
      lines.add(new Figure.Line("predicted", Figure.params("lambda", lambda), Series.exact("predicted",
          Runs.epochs(1, sp.epochs()), pred), Figure.Look.PREDICTED, c));
      c++;
    }
    return List.of(approximation, new Figure("claim2-training-factor", in.experiments("training"), false, false,
        lines));
  }
}
