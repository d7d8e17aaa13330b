package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wdpaper.experiments.Results;
import wdpaper.experiments.RunSpec;
import wdpaper.nn.LayerMetrics;

/**
 * Claim 1: "if lambda is not too small, the first epochs of training are dominated almost entirely by weight
 * decay". Over an epoch the change of the first-layer weights splits exactly into a decay part D and a gradient
 * part G; the change of ||w||^2 likewise. An epoch is dominated by decay when the decay part makes at least the
 * threshold share of the change of ||w||^2.
 *
 * <p>Rule (old init, epoch 1, smallest share over seeds): holds if every lambda at least the book's is dominated
 * and no smaller lambda is; holds with caveats if some lambda at least the book's is; else does not hold.
 */
public final class DecayDominance implements Claim<DecayDominance.Result> {
  /** The share of the change of ||w||^2 that decay must make for an epoch to count as dominated. */
  public static final Threshold DOMINANCE = Threshold.fraction("dominanceShare");

  /**
   * One (init, lambda) over the seeds, first layer unless named otherwise.
   *
   * @param shareEpoch1 mean over seeds of the decay share of the change of ||w||^2 in epoch 1
   * @param shareEpoch1Min its smallest value over the seeds
   * @param displacement2Epoch1 the displacement share of the second layer in epoch 1
   * @param displacementEpoch1 ||D|| / (||D|| + ||G||) in epoch 1
   * @param dominatedEpochs leading epochs dominated in every seed
   * @param stepRatio per-step gradient norm / per-step decay norm, epoch 1
   * @param dominated epoch 1 is dominated in every seed
   * @param stepGradientEpoch1 mean per-step norm of the gradient term in epoch 1
   * @param stepDecayEpoch1 mean per-step norm of the decay term in epoch 1
   */
  public record Row(String init, double lambda, double shareEpoch1, double shareEpoch1Min,
      double displacement2Epoch1, double displacementEpoch1, int dominatedEpochs, double stepRatio, boolean dominated,
      double stepGradientEpoch1, double stepDecayEpoch1) {}

  /**
   * @param firstLayerShareOfWeights the first layer's share of all weights
   * @param secondLayerWeights the number of weights in the second layer
   * @param bookLambda the book's lambda: "not too small" is measured against it
   */
  public record Result(List<Double> lambdas, int epochs, List<Integer> sizes, double firstLayerShareOfWeights,
      long secondLayerWeights, double bookLambda, List<Row> rows) {

    public Result {
      lambdas = List.copyOf(lambdas);
      sizes = List.copyOf(sizes);
      rows = List.copyOf(rows);
    }

    /** The row of {@code init} and {@code lambda}. */
    public Row row(String init, double lambda) {
      for (Row r : rows) {
        if (r.init().equals(init) && r.lambda() == lambda) {
          return r;
        }
      }
      throw new Runs.MissingRuns("init " + init + ", lambda " + lambda + " among the decay/gradient runs");
    }
  }

  @Override
  public String id() {
    return "claim1";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "instrumented runs (instrument: true), old and new init, several lambda"));
  }

  @Override
  public List<Class<? extends Claim<?>>> dependsOn() {
    return List.of(BookFigure.class);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(DOMINANCE);
  }

  /** Share of the epoch's change of ||w||^2 that the decay term makes: |decay| / (|decay| + |gradient|). */
  static double normShare(LayerMetrics l) {
    double sum = Math.abs(l.normSqDecay()) + Math.abs(l.normSqGradient());
    return sum == 0 ? 0 : Math.abs(l.normSqDecay()) / sum;
  }

  /** Share of the displacement: ||D|| / (||D|| + ||G||). */
  static double displacementShare(LayerMetrics l) {
    double sum = l.netDecay() + l.netGradient();
    return sum == 0 ? 0 : l.netDecay() / sum;
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    double threshold = in.thresholds().get(DOMINANCE);
    List<Double> lambdas = Runs.distinct(all, RunSpec::lambda);
    List<Row> rows = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : lambdas) {
        List<Results.Entry> runs = runs(all, init, lambda);
        Series share = Runs.series("share", runs, 1, m -> normShare(m.layers().get(0)));
        Series displacement = Runs.series("displacement", runs, 1, m -> displacementShare(m.layers().get(0)));
        Series displacement2 = Runs.series("displacement2", runs, 1, m -> displacementShare(m.layers().get(1)));
        Series stepDecay = Runs.series("stepDecay", runs, 1, m -> m.layers().get(0).meanStepDecay());
        Series stepGradient = Runs.series("stepGradient", runs, 1, m -> m.layers().get(0).meanStepGradient());
        double minShareEpoch1 = Stats.min(runs.stream().mapToDouble(
            e -> normShare(e.record().result().epochs().get(1).layers().get(0))).toArray());
        int dominatedEpochs = 0;
        for (int i = 0; i < share.lo().length && share.lo()[i] >= threshold; i++) {
          dominatedEpochs++;
        }
        rows.add(new Row(init, lambda, share.mean()[0], minShareEpoch1, displacement2.mean()[0],
            displacement.mean()[0],
            dominatedEpochs, stepGradient.mean()[0] / stepDecay.mean()[0], minShareEpoch1 >= threshold,
            stepGradient.mean()[0], stepDecay.mean()[0]));
      }
    }
    RunSpec sp = all.get(0).run().spec();
    List<Integer> sizes = sp.sizes();
    long first = (long) sizes.get(0) * sizes.get(1);
    long second = (long) sizes.get(1) * sizes.get(2);
    return new Result(lambdas, sp.epochs(), sizes, first / (double) (first + second), second,
        in.result(BookFigure.class).lambda(), rows);
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    boolean anyLarge = false;
    boolean allLarge = true;
    boolean smallNot = true;
    for (Row row : r.rows()) {
      if (!row.init().equals("old")) {
        continue;
      }
      boolean dominated = row.shareEpoch1Min() >= t.get(DOMINANCE);
      if (row.lambda() >= r.bookLambda()) {
        allLarge &= dominated;
        anyLarge |= dominated;
      } else {
        smallNot &= !dominated;
      }
    }
    return anyLarge && allLarge && smallNot ? Outcome.HOLDS : anyLarge ? Outcome.CAVEATS : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<Figure.Line> share = new ArrayList<>();
    List<Figure.Line> steps = new ArrayList<>();
    int c = 0;
    Series first = null;
    for (double lambda : r.lambdas()) {
      List<Results.Entry> runs = runs(all, "old", lambda);
      Map<String, Object> p = Figure.params("lambda", lambda);
      Series norm = Runs.series("share", runs, 1, m -> normShare(m.layers().get(0)));
      first = first == null ? norm : first;
      share.add(new Figure.Line("norm", p, norm, Figure.Look.MEASURED, c));
      share.add(new Figure.Line("displacement", p, Runs.series("displacement", runs, 1,
          m -> displacementShare(m.layers().get(0))), Figure.Look.PREDICTED, c));
      steps.add(new Figure.Line("gradient", p, Runs.series("stepGradient", runs, 1,
          m -> m.layers().get(0).meanStepGradient()), Figure.Look.MEASURED, c));
      steps.add(new Figure.Line("decay", p, Runs.series("stepDecay", runs, 1,
          m -> m.layers().get(0).meanStepDecay()), Figure.Look.PREDICTED, c));
      c++;
    }
    double threshold = in.thresholds().get(DOMINANCE);
    share.add(new Figure.Line("threshold", Figure.params("share", threshold), Runs.constant("threshold", first.x(),
        threshold), Figure.Look.REFERENCE, 6));
    List<String> experiments = in.experiments("runs");
    return List.of(new Figure("claim1-decay-share", experiments, false, false, share),
        new Figure("claim1-step-norms", experiments, false, true, steps));
  }
}
