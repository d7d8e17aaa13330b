package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import wdpaper.experiments.Results;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.RunSpec;

/**
 * The popular answer (and the book's own chapter-3 argument): with N(0,1) weights the hidden neurons' weighted
 * inputs are so large that sigma'(z), and with it the first layer's gradient, is nearly zero. Measured: the
 * percentage of (hidden neuron, image) pairs with |z| above the threshold at initialization, and the first layer's
 * mean per-step gradient norm in epoch 1 (from claim 1's runs).
 *
 * <p>Rule: the explanation holds if at least the old-init percentage is saturated at the old init and at most the
 * new-init percentage at the new one, and the old init's first-layer gradient steps in epoch 1 are smaller than the
 * ratio times the new init's; saturation alone gives "holds with caveats"; else "does not hold".
 */
public final class Saturation implements Claim<Saturation.Result> {
  /**
   * |z| above which a neuron counts as saturated. The runs measure one threshold, {@link RunSpec#SATURATION_Z},
   * so the file must say the same: the prose and the measurement cannot disagree.
   */
  public static final Threshold Z = Threshold.exactly("z", RunSpec.SATURATION_Z,
      "the trainer measures saturation at |z| > " + wdpaper.experiments.Numbers.format(RunSpec.SATURATION_Z)
          + " only");
  /** At least this percentage saturated at the old init. */
  public static final Threshold OLD_SATURATED = Threshold.between("oldSaturatedPercent", 0, 100);
  /** At most this percentage saturated at the new init. */
  public static final Threshold NEW_SATURATED = Threshold.between("newSaturatedPercent", 0, 100);
  /** "Holds" needs the old init's epoch-1 gradient steps below this ratio times the new init's. */
  public static final Threshold GRADIENT_RATIO = Threshold.positive("gradientRatio");

  /**
   * @param saturatedOld0 percentage of (hidden neuron, image) pairs with |z| above z at initialization, old init
   * @param saturatedOldLast the same after the last epoch of the runs
   * @param gradientOld mean per-step norm of the first layer's gradient term in epoch 1, old init (claim 1)
   * @param gradientRatio gradientOld / gradientNew
   * @param oldSigmaPrime0 mean sigma'(z) over the same pairs at initialization, old init
   * @param sample the number of validation images saturation is measured on
   * @param sigmaPrimeAtZ sigma'(z) at |z| = z, the largest slope a saturated neuron has
   */
  public record Result(double z, int sample, double sigmaPrimeAtZ, double bookLambda, double saturatedOld0,
      double saturatedNew0, double saturatedOldLast, double saturatedNewLast, double oldSigmaPrime0,
      double newSigmaPrime0, double gradientOld, double gradientNew, double gradientRatio) {}

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
    return List.of(Z, OLD_SATURATED, NEW_SATURATED, GRADIENT_RATIO);
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  private static Series saturated(List<Results.Entry> runs) {
    return Runs.series("saturated", runs, 0, m -> 100 * m.saturatedFraction());
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    double bookLambda = in.result(BookFigure.class).lambda();
    DecayDominance.Result claim1 = in.result(DecayDominance.class);
    List<Results.Entry> old = runs(all, "old", bookLambda);
    List<Results.Entry> neu = runs(all, "new", bookLambda);
    Series satOld = saturated(old);
    Series satNew = saturated(neu);
    double sigmaOld = Runs.series("sigmaPrime", old, 0, EpochMetrics::meanSigmaPrime).mean()[0];
    double sigmaNew = Runs.series("sigmaPrime", neu, 0, EpochMetrics::meanSigmaPrime).mean()[0];
    double gradOld = claim1.row("old", bookLambda).stepGradientEpoch1();
    double gradNew = claim1.row("new", bookLambda).stepGradientEpoch1();
    double z = in.thresholds().get(Z);
    double sigma = 1 / (1 + Math.exp(-z));
    return new Result(z, old.get(0).run().spec().saturationSample(), sigma * (1 - sigma), bookLambda,
        satOld.mean()[0], satNew.mean()[0], satOld.mean()[satOld.mean().length - 1],
        satNew.mean()[satNew.mean().length - 1], sigmaOld, sigmaNew, gradOld, gradNew, gradOld / gradNew);
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    boolean saturates = r.saturatedOld0() >= t.get(OLD_SATURATED) && r.saturatedNew0() <= t.get(NEW_SATURATED);
    boolean smallGradients = r.gradientOld() < t.get(GRADIENT_RATIO) * r.gradientNew();
    return saturates && smallGradients ? Outcome.HOLDS : saturates ? Outcome.CAVEATS : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> curves = in.runs("curves");
    List<Figure.Line> lines = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : List.of(0.0, r.bookLambda())) {
        lines.add(new Figure.Line("curve", Figure.params("init", init, "lambda", lambda),
            saturated(runs(curves, init, lambda)), Figure.Look.MEASURED,
            (init.equals("old") ? 1 : 0) + (lambda == 0 ? 2 : 0)));
      }
    }
    return List.of(new Figure("saturation", in.experiments("curves"), false, false, lines));
  }
}
