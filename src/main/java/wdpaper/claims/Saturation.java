package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import wdpaper.experiments.Numbers;
import wdpaper.experiments.Results;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.RunSpec;

/**
 * The popular answer, and the book's own chapter-3 argument: with N(0,1) weights the hidden neurons' weighted
 * inputs are so large that sigma'(z), and with it the first layer's learning, is nearly zero.
 *
 * <p>Measured, per seed and then over seeds (mean and range): the number of <em>saturated hidden neurons</em> (a
 * neuron is saturated if |z| &gt; z on more than {@code neuronShare} of the sample images, so one neuron with a large
 * bias counts once, not as a share of all pairs) at initialization and over the epochs; the first layer's step
 * relative to its weights, mean over the steps of epoch 1 of ||g_t|| / ||W1_t|| (raw gradient norms mislead: the old
 * init's larger second-layer weights make up for its smaller sigma'), and the same for the second layer. The
 * fraction of (neuron, image) pairs and the raw gradient norms (from claim 1) are reported beside them.
 *
 * <p>Rule: the explanation holds if, on the seed means, at least {@code oldSaturatedPercent} of the hidden neurons
 * are saturated at the old init and at most {@code newSaturatedPercent} at the new one, the old init's relative
 * first-layer step in epoch 1 is less than {@code relativeStepRatio} times the new init's, and its raw first-layer
 * gradient step is less than {@code gradientRatio} times the new init's. The last condition is the explanation's own
 * words ("the gradients are near zero"), and the one the relative step cannot refute: the old init's first-layer
 * weights are about sqrt(n_in) times larger, so its relative step is small by that factor even with no saturation
 * at all. Saturated neurons with a smaller relative step that fail either factor give "holds with caveats";
 * anything else "does not hold".
 */
public final class Saturation implements Claim<Saturation.Result> {
  /** The saturation thresholds T (|z| &gt; T) the runs record by default; z must be one of them. */
  private static final List<Double> RECORDED = RunSpec.DEFAULTS.saturationThresholds();

  /** |z| above which a weighted input counts as saturated: one of the thresholds the runs record. */
  public static final Threshold Z = new Threshold("z", RECORDED.get(0), false, RECORDED.get(RECORDED.size() - 1),
      false, true, "the runs record saturation at |z| > " + list(RECORDED));
  /** A neuron is saturated if |z| &gt; z on more than this share of the sample images. */
  public static final Threshold NEURON_SHARE = Threshold.fraction("neuronShare");
  /** At least this percentage of the hidden neurons saturated at the old init. */
  public static final Threshold OLD_SATURATED = Threshold.between("oldSaturatedPercent", 0, 100);
  /** At most this percentage of the hidden neurons saturated at the new init. */
  public static final Threshold NEW_SATURATED = Threshold.between("newSaturatedPercent", 0, 100);
  /** "Holds" needs the old init's relative first-layer step in epoch 1 below this ratio times the new init's. */
  public static final Threshold RELATIVE_STEP_RATIO = Threshold.positive("relativeStepRatio");
  /** "Holds" also needs the old init's raw first-layer gradient step in epoch 1 below this ratio times the new's. */
  public static final Threshold GRADIENT_RATIO = Threshold.positive("gradientRatio");

  private static String list(List<Double> values) {
    List<String> s = new ArrayList<>();
    values.forEach(v -> s.add(Numbers.format(v)));
    return String.join(", ", s);
  }

  /**
   * A number over seeds: the seed mean and the smallest and largest seed's value.
   *
   * @param mean mean over seeds
   * @param lo smallest seed value
   * @param hi largest seed value
   */
  public record Spread(double mean, double lo, double hi) {
    static Spread of(double[] v) {
      double sum = 0;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double x : v) {
        sum += x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      return new Spread(sum / v.length, lo, hi);
    }

    /** A value without seed spread (a synthetic result in tests). */
    public static Spread exactly(double v) {
      return new Spread(v, v, v);
    }
  }

  /**
   * @param z the |z| threshold
   * @param neuronShare share of images on which a neuron must be saturated to count
   * @param hidden the hidden width H of claim 1's runs (the counts are out of H)
   * @param sample the number of validation images saturation is measured on
   * @param sigmaPrimeAtZ sigma'(z) at |z| = z, the largest slope a saturated input has
   * @param seeds the number of seeds per combination
   * @param neuronsOld0 saturated hidden neurons at initialization, old init (count out of H)
   * @param neuronsNew0 the same, new init
   * @param percentOld0 neuronsOld0's seed mean as a percentage of H
   * @param percentNew0 neuronsNew0's seed mean as a percentage of H
   * @param leastSaturatedOld0 the smallest per-neuron saturated share over the old init's neurons and seeds
   * @param mostSaturatedNew0 the largest per-neuron saturated share over the new init's neurons and seeds
   * @param pairsOld0 percentage of (hidden neuron, image) pairs with |z| &gt; z at initialization, old init
   * @param pairsNew0 the same, new init
   * @param oldSigmaPrime0 mean sigma'(z) over the pairs at initialization, old init
   * @param newSigmaPrime0 the same, new init
   * @param relStepOld mean over the steps of epoch 1 of ||g_t|| / ||W1_t||, old init, the book's lambda
   * @param relStepNew the same, new init
   * @param relStepRatio relStepOld.mean / relStepNew.mean
   * @param relStep2Old the same for the second layer, old init
   * @param relStep2New the same for the second layer, new init
   * @param relStep2Ratio relStep2Old.mean / relStep2New.mean
   * @param gradientOld mean per-step norm of the first layer's gradient term in epoch 1, old init (claim 1)
   * @param gradientNew the same, new init
   * @param gradientRatio gradientOld / gradientNew
   * @param bookLambda the book's lambda
   * @param runEpochs the epochs of claim 1's runs
   * @param decayLambda the largest lambda of claim 1's runs
   * @param neuronsOldLastDecay saturated neurons after the last epoch of those runs, old init, decayLambda
   * @param relStepOldLastDecay relative first-layer step in their last epoch, old init, decayLambda
   * @param relStepNewLastDecay the same, new init
   * @param curveEpochs the epochs of the curve runs
   * @param neuronsOldLast saturated neurons after the curve runs' last epoch, old init, the book's lambda
   * @param neuronsNewLast the same, new init, the book's lambda
   * @param neuronsNewLastNoL2 the same, new init, lambda 0
   * @param seedOutcomes the rule applied to each seed's own numbers (old and new init runs of the same seed), as
   *     outcome slugs in the order of the seeds: whether the verdict flips between seeds
   */
  public record Result(double z, double neuronShare, int hidden, int sample, double sigmaPrimeAtZ, int seeds,
      Spread neuronsOld0, Spread neuronsNew0, double percentOld0, double percentNew0, double leastSaturatedOld0,
      double mostSaturatedNew0, double pairsOld0, double pairsNew0, double oldSigmaPrime0, double newSigmaPrime0,
      Spread relStepOld, Spread relStepNew, double relStepRatio, Spread relStep2Old, Spread relStep2New,
      double relStep2Ratio, double gradientOld, double gradientNew, double gradientRatio, double bookLambda,
      int runEpochs, double decayLambda, Spread neuronsOldLastDecay, Spread relStepOldLastDecay,
      Spread relStepNewLastDecay, int curveEpochs, Spread neuronsOldLast, Spread neuronsNewLast,
      Spread neuronsNewLastNoL2, List<String> seedOutcomes) {

    public Result {
      seedOutcomes = List.copyOf(seedOutcomes);
    }
  }

  @Override
  public String id() {
    return "saturation";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "claim 1's instrumented runs, old and new init, including the book's lambda"),
        new Role("curves", "old and new init with lambda 0 and the book's lambda, for saturation over the epochs"));
  }

  @Override
  public List<Class<? extends Claim<?>>> dependsOn() {
    return List.of(BookFigure.class, DecayDominance.class);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(Z, NEURON_SHARE, OLD_SATURATED, NEW_SATURATED, RELATIVE_STEP_RATIO, GRADIENT_RATIO);
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  /** Where z is among the thresholds the first hidden layer's saturation was recorded at. */
  private static int zIndex(EpochMetrics.Saturation s, double z) {
    int i = s.thresholds().indexOf(z);
    if (i < 0) {
      throw new Runs.MissingRuns("saturation recorded at |z| > " + list(s.thresholds()) + ", not at the threshold z = "
          + Numbers.format(z) + " of thresholds.json");
    }
    return i;
  }

  /** Saturated neurons of the first hidden layer in one epoch: |z| &gt; z on more than {@code share} of images. */
  static int saturatedNeurons(EpochMetrics m, double z, double share) {
    if (m.saturation().isEmpty()) {
      throw new Runs.MissingRuns("per-neuron saturation (the runs predate it)");
    }
    EpochMetrics.Saturation s = m.saturation().get(0);
    int n = 0;
    for (double f : s.neuronFraction()[zIndex(s, z)]) {
      if (f > share) {
        n++;
      }
    }
    return n;
  }

  private static Series neurons(List<Results.Entry> runs, double z, double share) {
    return Runs.series("saturatedNeurons", runs, 0, m -> saturatedNeurons(m, z, share));
  }

  private static Series relativeStep(List<Results.Entry> runs, int layer) {
    return Runs.series("relativeStep", runs, 1, m -> m.layers().get(layer).meanRelativeStep());
  }

  /** The series at index i over seeds. */
  private static Spread at(Series s, int i) {
    return new Spread(s.mean()[i], s.lo()[i], s.hi()[i]);
  }

  private static Spread last(Series s) {
    return at(s, s.mean().length - 1);
  }

  /** Smallest (or largest) per-neuron saturated share at initialization over the runs' neurons. */
  private static double extremeShare(List<Results.Entry> runs, double z, boolean smallest) {
    double best = smallest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    for (Results.Entry e : runs) {
      EpochMetrics m0 = e.record().result().epochs().get(0);
      if (m0.saturation().isEmpty()) {
        throw new Runs.MissingRuns("per-neuron saturation (the runs predate it)");
      }
      EpochMetrics.Saturation s = m0.saturation().get(0);
      for (double f : s.neuronFraction()[zIndex(s, z)]) {
        best = smallest ? Math.min(best, f) : Math.max(best, f);
      }
    }
    return best;
  }

  private static double pairs0(List<Results.Entry> runs, double z) {
    return Runs.series("pairs", runs, 0, m -> {
      EpochMetrics.Saturation s = m.saturation().get(0);
      return 100 * s.fraction()[zIndex(s, z)];
    }).mean()[0];
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<Results.Entry> curves = in.runs("curves");
    double bookLambda = in.result(BookFigure.class).lambda();
    DecayDominance.Result claim1 = in.result(DecayDominance.class);
    double z = in.thresholds().get(Z);
    double share = in.thresholds().get(NEURON_SHARE);
    List<Results.Entry> old = runs(all, "old", bookLambda);
    List<Results.Entry> neu = runs(all, "new", bookLambda);
    Series nOld = neurons(old, z, share);
    Series nNew = neurons(neu, z, share);
    Series relOld = relativeStep(old, 0);
    Series relNew = relativeStep(neu, 0);
    Series rel2Old = relativeStep(old, 1);
    Series rel2New = relativeStep(neu, 1);
    double sigmaOld = Runs.series("sigmaPrime", old, 0, EpochMetrics::meanSigmaPrime).mean()[0];
    double sigmaNew = Runs.series("sigmaPrime", neu, 0, EpochMetrics::meanSigmaPrime).mean()[0];
    double gradOld = claim1.row("old", bookLambda).stepGradientEpoch1();
    double gradNew = claim1.row("new", bookLambda).stepGradientEpoch1();
    List<Double> lambdas = Runs.distinct(all, RunSpec::lambda);
    double decayLambda = lambdas.get(lambdas.size() - 1);
    List<Results.Entry> oldDecay = runs(all, "old", decayLambda);
    List<Results.Entry> newDecay = runs(all, "new", decayLambda);
    Series curveOld = neurons(runs(curves, "old", bookLambda), z, share);
    double sigma = 1 / (1 + Math.exp(-z));
    RunSpec spec = old.get(0).run().spec();
    int hidden = Runs.hidden(spec);
    return new Result(z, share, hidden, spec.saturationSample(), sigma * (1 - sigma), Runs.seeds(old),
        at(nOld, 0), at(nNew, 0), 100 * nOld.mean()[0] / hidden, 100 * nNew.mean()[0] / hidden,
        extremeShare(old, z, true), extremeShare(neu, z, false), pairs0(old, z), pairs0(neu, z), sigmaOld, sigmaNew,
        at(relOld, 0), at(relNew, 0), relOld.mean()[0] / relNew.mean()[0],
        at(rel2Old, 0), at(rel2New, 0), rel2Old.mean()[0] / rel2New.mean()[0],
        gradOld, gradNew, gradOld / gradNew, bookLambda,
        spec.epochs(), decayLambda, last(neurons(oldDecay, z, share)), last(relativeStep(oldDecay, 0)),
        last(relativeStep(newDecay, 0)), runs(curves, "old", bookLambda).get(0).run().spec().epochs(),
        last(curveOld), last(neurons(runs(curves, "new", bookLambda), z, share)),
        last(neurons(runs(curves, "new", 0), z, share)),
        seedOutcomes(old, neu, z, share, hidden, in.thresholds()));
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    return rule(r.percentOld0(), r.percentNew0(), r.relStepRatio(), r.gradientRatio(), t);
  }

  /**
   * The rule on percentages of saturated neurons (old, new init), the old/new relative-step ratio and the old/new
   * raw gradient-step ratio of the first layer in epoch 1.
   */
  private static Outcome rule(double percentOld, double percentNew, double ratio, double gradientRatio,
      Thresholds t) {
    boolean saturates = percentOld >= t.get(OLD_SATURATED) && percentNew <= t.get(NEW_SATURATED);
    if (!saturates || !(ratio < 1)) {
      return Outcome.FAILS;
    }
    return ratio < t.get(RELATIVE_STEP_RATIO) && gradientRatio < t.get(GRADIENT_RATIO) ? Outcome.HOLDS
        : Outcome.CAVEATS;
  }

  /** The rule applied seed by seed: each old-init run against the new-init run of the same seed. */
  static List<String> seedOutcomes(List<Results.Entry> old, List<Results.Entry> neu, double z, double share,
      int hidden, Thresholds t) {
    List<Results.Entry> sorted = new ArrayList<>(old);
    sorted.sort(java.util.Comparator.comparingLong(e -> e.run().spec().seed()));
    List<String> out = new ArrayList<>();
    for (Results.Entry o : sorted) {
      long seed = o.run().spec().seed();
      Results.Entry n = Runs.select(neu, r -> r.seed() == seed, "init new, seed " + seed).get(0);
      List<EpochMetrics> eo = o.record().result().epochs();
      List<EpochMetrics> en = n.record().result().epochs();
      if (eo.size() < 2 || en.size() < 2) {
        continue;
      }
      double ratio = eo.get(1).layers().get(0).meanRelativeStep() / en.get(1).layers().get(0).meanRelativeStep();
      double gradientRatio = eo.get(1).layers().get(0).meanStepGradient()
          / en.get(1).layers().get(0).meanStepGradient();
      out.add(rule(100.0 * saturatedNeurons(eo.get(0), z, share) / hidden,
          100.0 * saturatedNeurons(en.get(0), z, share) / hidden, ratio, gradientRatio, t).slug());
    }
    return out;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> curves = in.runs("curves");
    List<Figure.Line> lines = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : List.of(0.0, r.bookLambda())) {
        lines.add(new Figure.Line("curve", Figure.params("init", init, "lambda", lambda),
            neurons(runs(curves, init, lambda), r.z(), r.neuronShare()), Figure.Look.MEASURED,
            (init.equals("old") ? 1 : 0) + (lambda == 0 ? 2 : 0)));
      }
    }
    List<Results.Entry> all = in.runs("runs");
    List<Figure.Line> steps = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : List.of(r.bookLambda(), r.decayLambda())) {
        steps.add(new Figure.Line("step", Figure.params("init", init, "lambda", lambda),
            relativeStep(runs(all, init, lambda), 0), Figure.Look.MEASURED,
            (init.equals("old") ? 1 : 0) + (lambda == r.bookLambda() ? 0 : 4)));
      }
    }
    return List.of(new Figure("saturation", in.experiments("curves"), false, false, lines),
        new Figure("saturation-relative-step", in.experiments("runs"), false, true, steps));
  }
}
