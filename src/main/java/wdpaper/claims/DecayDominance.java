package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wdpaper.experiments.Results;
import wdpaper.nn.LayerMetrics;
import wdpaper.nn.RunSpec;

/**
 * Claim 1: "if lambda is not too small, the first epochs of training are dominated almost entirely by weight
 * decay". Over an epoch the change of the first-layer weights splits exactly into a decay part D and a gradient
 * part G; the change of ||w||^2 into decay, the gradient's drift along w (-2a w.g, signed) and SGD diffusion
 * (||g||^2). Two views: the <em>size</em> view (the decay part makes at least the dominance share of the change of
 * ||w||^2, smallest seed) and the <em>learning</em> view, three measures of whether decay, not the gradient, shapes
 * epoch 1: the displacement share ||D|| / (||D|| + ||G||) at least its threshold; the cosine between W1 after epoch 1
 * and at init at least its threshold (the gradient has not turned the weights); the validation accuracy after epoch
 * 1 at least the threshold number of points below the same seed's run with lambda = 0 (decay costs learning).
 *
 * <p>Rule (old init, epoch 1): learning counts as dominated at a lambda when at least two of the three learning
 * measures say so. Holds if, for every lambda at least the book's, both the size and the learning are dominated,
 * and the size is not for smaller lambda; holds with caveats if the size is dominated for some lambda at least the
 * book's (the claim is then true of the weights' size only, or not only for large lambda); else does not hold.
 */
public final class DecayDominance implements Claim<DecayDominance.Result> {
  /** The share of the change of ||w||^2 that decay must make for an epoch to count as dominated. */
  public static final Threshold DOMINANCE = Threshold.fraction("dominanceShare");
  /** The displacement share ||D|| / (||D|| + ||G||) at which decay moves the weights more than the gradient. */
  public static final Threshold DISPLACEMENT = Threshold.fraction("displacementShare");
  /** cos(W1 after epoch 1, W1 at init) at least this: the gradient has not turned the weights. */
  public static final Threshold COSINE = Threshold.fraction("cosineInit");
  /** Epoch-1 validation accuracy at least this many points below lambda = 0 (same seed): decay costs learning. */
  public static final Threshold ACCURACY_DROP = Threshold.between("accuracyDropPoints", 0, 100);

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
   * @param decayEpoch1 the decay part of the change of ||w||^2 in epoch 1 (signed, seed mean)
   * @param driftEpoch1 the drift part, -2a sum w.g (signed: negative = the gradient shrinks w too)
   * @param diffusionEpoch1 the diffusion part, sum ||g||^2
   * @param cosInit cos(W1, W1 at init) after epochs 1, 2, 3 (seed means)
   * @param accuracyGap validation accuracy minus that of the same seed with lambda = 0, after epochs 1, 2, 3, in
   *     points (seed means; NaN without lambda = 0 runs)
   */
  public record Row(String init, double lambda, double shareEpoch1, double shareEpoch1Min,
      double displacement2Epoch1, double displacementEpoch1, int dominatedEpochs, double stepRatio, boolean dominated,
      double stepGradientEpoch1, double stepDecayEpoch1, double decayEpoch1, double driftEpoch1,
      double diffusionEpoch1, List<Double> cosInit, List<Double> accuracyGap) {

    public Row {
      cosInit = List.copyOf(cosInit);
      accuracyGap = List.copyOf(accuracyGap);
    }

    /** The cosine to init after epoch 1. */
    public double cosInitEpoch1() {
      return cosInit.get(0);
    }

    /** The accuracy gap to lambda = 0 after epoch 1 (points). */
    public double accuracyGapEpoch1() {
      return accuracyGap.get(0);
    }
  }

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
    return List.of(new Role("runs", "instrumented runs (instrument: true), old and new init, several lambda"),
        new Role("baseline", "runs with lambda = 0 of the same network, inits and seeds (at least 3 epochs)"));
  }

  @Override
  public List<Class<? extends Claim<?>>> dependsOn() {
    return List.of(BookFigure.class);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(DOMINANCE, DISPLACEMENT, COSINE, ACCURACY_DROP);
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
    List<Results.Entry> baseline = in.runs("baseline");
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
        Series cos = Runs.series("cosInit", runs, 1, m -> m.layers().get(0).cosInit());
        List<Double> cosInit = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        for (int e = 1; e <= EARLY_EPOCHS; e++) {
          cosInit.add(e - 1 < cos.mean().length ? cos.mean()[e - 1] : Double.NaN);
          gaps.add(accuracyGap(runs, baseline, init, e));
        }
        rows.add(new Row(init, lambda, share.mean()[0], minShareEpoch1, displacement2.mean()[0],
            displacement.mean()[0],
            dominatedEpochs, stepGradient.mean()[0] / stepDecay.mean()[0], minShareEpoch1 >= threshold,
            stepGradient.mean()[0], stepDecay.mean()[0], epoch1(runs, LayerMetrics::normSqDecay),
            epoch1(runs, LayerMetrics::normSqDrift), epoch1(runs, LayerMetrics::normSqDiffusion), cosInit, gaps));
      }
    }
    RunSpec sp = all.get(0).run().spec();
    List<Integer> sizes = sp.sizes();
    long first = (long) sizes.get(0) * sizes.get(1);
    long second = (long) sizes.get(1) * sizes.get(2);
    return new Result(lambdas, sp.epochs(), sizes, first / (double) (first + second), second,
        in.result(BookFigure.class).lambda(), rows);
  }

  /** Epochs 1..this are compared with lambda = 0. */
  static final int EARLY_EPOCHS = 3;

  /** Seed mean of a first-layer metric in epoch 1. */
  private static double epoch1(List<Results.Entry> runs, java.util.function.ToDoubleFunction<LayerMetrics> f) {
    return Stats.mean(runs.stream().mapToDouble(e -> f.applyAsDouble(
        e.record().result().epochs().get(1).layers().get(0))).toArray());
  }

  /**
   * Mean over the seeds of (accuracy with lambda) - (accuracy of the same seed, init and network with lambda = 0)
   * after {@code epoch}, in points; NaN if no seed has its lambda = 0 run.
   */
  static double accuracyGap(List<Results.Entry> runs, List<Results.Entry> baseline, String init, int epoch) {
    List<Double> gaps = new ArrayList<>();
    for (Results.Entry e : runs) {
      RunSpec s = e.run().spec();
      for (Results.Entry b : baseline) {
        RunSpec sb = b.run().spec();
        if (sb.lambda() == 0 && sb.init().equals(init) && sb.seed() == s.seed() && sb.sizes().equals(s.sizes())
            && sb.eta() == s.eta() && sb.input().equals(s.input())
            && b.record().result().epochs().size() > epoch && e.record().result().epochs().size() > epoch) {
          gaps.add(100 * (e.record().result().epochs().get(epoch).validationAccuracy()
              - b.record().result().epochs().get(epoch).validationAccuracy()));
          break;
        }
      }
    }
    return gaps.isEmpty() ? Double.NaN : Stats.mean(gaps.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** How many of the three learning measures say decay dominates epoch 1 of this row. */
  static int learningVotes(Row row, Thresholds t) {
    int votes = 0;
    votes += row.displacementEpoch1() >= t.get(DISPLACEMENT) ? 1 : 0;
    votes += row.cosInitEpoch1() >= t.get(COSINE) ? 1 : 0;
    votes += row.accuracyGapEpoch1() <= -t.get(ACCURACY_DROP) ? 1 : 0;
    return votes;
  }

  /** Learning counts as dominated when at least this many of the three measures say so. */
  static final int LEARNING_VOTES = 2;

  private static List<Results.Entry> runs(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    boolean anyLarge = false;
    boolean allLarge = true;
    boolean learningLarge = true;
    boolean smallNot = true;
    for (Row row : r.rows()) {
      if (!row.init().equals("old")) {
        continue;
      }
      boolean dominated = row.shareEpoch1Min() >= t.get(DOMINANCE);
      if (row.lambda() >= r.bookLambda()) {
        allLarge &= dominated;
        anyLarge |= dominated;
        learningLarge &= learningVotes(row, t) >= LEARNING_VOTES;
      } else {
        smallNot &= !dominated;
      }
    }
    return anyLarge && allLarge && learningLarge && smallNot ? Outcome.HOLDS
        : anyLarge ? Outcome.CAVEATS : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<Figure.Line> share = new ArrayList<>();
    List<Figure.Line> steps = new ArrayList<>();
    List<Figure.Line> angle = new ArrayList<>();
    int c = 0;
    Series first = null;
    for (double lambda : r.lambdas()) {
      List<Results.Entry> runs = runs(all, "old", lambda);
      Map<String, Object> p = Figure.params("lambda", lambda);
      Series norm = Runs.series("share", runs, 1, m -> normShare(m.layers().get(0)));
      first = first == null ? norm : first;
      share.add(new Figure.Line("norm", p, norm, Figure.Look.MEASURED, c));
      share.add(new Figure.Line("displacement", p, Runs.series("displacement", runs, 1,
          m -> displacementShare(m.layers().get(0))), Figure.Look.MEASURED, c + 3));
      steps.add(new Figure.Line("gradient", p, Runs.series("stepGradient", runs, 1,
          m -> m.layers().get(0).meanStepGradient()), Figure.Look.MEASURED, c));
      steps.add(new Figure.Line("decay", p, Runs.series("stepDecay", runs, 1,
          m -> m.layers().get(0).meanStepDecay()), Figure.Look.MEASURED, c + 3));
      angle.add(new Figure.Line("cosine", p, Runs.series("cosInit", runs, 0, m -> m.layers().get(0).cosInit()),
          Figure.Look.MEASURED, c));
      c++;
    }
    double threshold = in.thresholds().get(DOMINANCE);
    share.add(new Figure.Line("threshold", Figure.params("share", threshold), Runs.constant("threshold", first.x(),
        threshold), Figure.Look.REFERENCE, 6));
    List<String> experiments = in.experiments("runs");
    return List.of(new Figure("claim1-decay-share", experiments, false, false, share),
        new Figure("claim1-step-norms", experiments, false, true, steps),
        new Figure("claim1-angle", experiments, false, false, angle));
  }
}
