package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import wdpaper.experiments.Results;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;

/**
 * Claim 4: "so L2 regularization with the old initialization ends up doing something like the new
 * initialization". Old and new init, each with lambda = 0 and the book's lambda: accuracy per epoch, the
 * per-layer weight standard deviation against the new init's 1/sqrt(n_in), and histograms of the first layer.
 *
 * <p>Rule: L2 with the old init does the new init's job if it shrinks the first-layer std by more than the
 * minimum factor (and more than without L2) and the accuracy gap to the new init narrows from epoch 1 to the end;
 * it holds fully if the std also ends within the maximum factor of 1/sqrt(n_in); shrinking and narrowing alone
 * give "holds with caveats"; else "does not hold".
 */
public final class L2VersusInit implements Claim<L2VersusInit.Result> {
  /** The old init + L2 must shrink the first-layer std by more than this factor. */
  public static final Threshold MIN_SHRINK = Threshold.positive("minShrink");
  /** "Holds" needs the final std within this factor of 1/sqrt(n_in). */
  public static final Threshold MAX_OVER_TARGET = Threshold.positive("maxOverTarget");

  /**
   * One (init, lambda) over the seeds: validation accuracy (%) after epoch 1 and the last epoch, and the weight
   * standard deviation of the first layer at the start and the end (and its ratio to 1/sqrt(n_in)) and of the
   * second layer at the end.
   */
  public record Row(String init, double lambda, double epoch1, double last, double std0, double stdFinal,
      double stdFinalOverTarget, double std2Final, List<Structure> structure) {

    public Row {
      structure = List.copyOf(structure);
    }
  }

  /**
   * The structure of W1 at one histogram epoch, seed means (and range): is it still the random init, shrunk?
   *
   * @param cosInit cosine between W1 now and W1 at init
   * @param initShare cosInit^2: the share of ||W1||^2 that lies along the (scaled) initial matrix
   * @param topShare sigma_1^2 / sum sigma_i^2 of W1: the share of ||W1||^2 in its largest singular direction
   * @param topShareInit the same at epoch 0 (a random matrix's value)
   * @param sigmaMax the largest singular value of W1
   */
  public record Structure(int epoch, double cosInit, double initShare, double topShare, double topShareLo,
      double topShareHi, double topShareInit, double sigmaMax) {}

  /** The share of sum sigma^2 in the largest singular value, and the largest, of layer 1 at an epoch (NaN if absent). */
  private static double[] top(wdpaper.nn.TrainingResult result, int epoch) {
    for (wdpaper.nn.TrainingResult.Spectrum sp : result.spectra()) {
      if (sp.epoch() == epoch && sp.layer() == 0 && sp.singularValues().length > 0) {
        double sum = 0;
        double max = 0;
        for (double v : sp.singularValues()) {
          sum += v * v;
          max = Math.max(max, v);
        }
        return new double[] {max * max / sum, max};
      }
    }
    return new double[] {Double.NaN, Double.NaN};
  }

  /** W1's structure at each histogram epoch of the runs. */
  static List<Structure> structure(List<Results.Entry> runs) {
    List<Structure> out = new ArrayList<>();
    for (int epoch : runs.get(0).run().spec().histogramEpochs()) {
      double[] cos = new double[runs.size()];
      double[] share = new double[runs.size()];
      double[] share0 = new double[runs.size()];
      double[] sigma = new double[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        wdpaper.nn.TrainingResult res = runs.get(i).record().result();
        cos[i] = epoch < res.epochs().size() ? res.epochs().get(epoch).layers().get(0).cosInit() : Double.NaN;
        double[] t = top(res, epoch);
        share[i] = t[0];
        sigma[i] = t[1];
        share0[i] = top(res, 0)[0];
      }
      double c = Stats.mean(cos);
      out.add(new Structure(epoch, c, c * c, Stats.mean(share), Stats.min(share), Stats.max(share),
          Stats.mean(share0), Stats.mean(sigma)));
    }
    return out;
  }

  /**
   * @param target 1/sqrt(n_in) of the first layer
   * @param target2 1/sqrt(H), the second layer's
   * @param shrink old init + L2: first-layer std at the start over at the end
   * @param stillAbove old init + L2: final std over the target
   * @param gapEpoch1 new minus old init accuracy (both with L2) after epoch 1, percentage points
   * @param gapFinal the same after the last epoch
   * @param l2GainOld old init: final accuracy with L2 minus without
   * @param oldNoL2Std old init without L2: final first-layer std
   * @param newNoL2Growth new init without L2: final over initial first-layer std (its weights grow)
   * @param closes the accuracy gap narrows from epoch 1 to the end
   */
  public record Result(List<Row> rows, List<Integer> sizes, int nIn, int epochs, double bookLambda, double target,
      double target2, double shrink, double stillAbove, double gapEpoch1, double gapFinal, double l2GainOld,
      double oldNoL2Std, double oldL2Std, boolean closes, double newNoL2Growth, double newNoL2Std,
      double newL2Std) {

    public Result {
      rows = List.copyOf(rows);
      sizes = List.copyOf(sizes);
    }

    /** The row of {@code init} and {@code lambda}. */
    public Row row(String init, double lambda) {
      for (Row r : rows) {
        if (r.init().equals(init) && r.lambda() == lambda) {
          return r;
        }
      }
      throw new Runs.MissingRuns("init " + init + ", lambda " + lambda);
    }
  }

  @Override
  public String id() {
    return "claim4";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "old and new init, each with lambda 0 and the book's lambda, with histograms"));
  }

  @Override
  public List<Class<? extends Claim<?>>> dependsOn() {
    return List.of(BookFigure.class);
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(MIN_SHRINK, MAX_OVER_TARGET);
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, String init, double lambda) {
    return Runs.select(all, r -> r.init().equals(init) && r.lambda() == lambda, "init " + init + ", lambda "
        + lambda);
  }

  private static Series accuracy(List<Results.Entry> runs) {
    return Runs.series("accuracy", runs, 1, m -> 100 * m.validationAccuracy());
  }

  private static Series std(List<Results.Entry> runs, int layer) {
    return Runs.series("std", runs, 0, m -> m.layers().get(layer).std());
  }

  private static double last(Series s) {
    return s.mean()[s.mean().length - 1];
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    RunSpec first = all.get(0).run().spec();
    double bookLambda = in.result(BookFigure.class).lambda();
    double target = 1 / Math.sqrt(first.sizes().get(0));
    double target2 = 1 / Math.sqrt(first.sizes().get(1));
    List<Row> rows = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : Runs.distinct(all, RunSpec::lambda)) {
        List<Results.Entry> runs = runs(all, init, lambda);
        Series acc = accuracy(runs);
        Series std = std(runs, 0);
        rows.add(new Row(init, lambda, acc.mean()[0], last(acc), std.mean()[0], last(std), last(std) / target,
            last(std(runs, 1)), structure(runs)));
      }
    }
    // both inits with lambda 0 and the book's lambda are needed
    for (String init : List.of("old", "new")) {
      for (double lambda : List.of(0.0, bookLambda)) {
        runs(all, init, lambda);
      }
    }
    Result partial = new Result(rows, first.sizes(), first.sizes().get(0), first.epochs(), bookLambda, target,
        target2, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0);
    Row oldL2 = partial.row("old", bookLambda);
    Row oldNoL2 = partial.row("old", 0.0);
    Row newL2 = partial.row("new", bookLambda);
    Row newNoL2 = partial.row("new", 0.0);
    double gapEpoch1 = newL2.epoch1() - oldL2.epoch1();
    double gapFinal = newL2.last() - oldL2.last();
    return new Result(rows, first.sizes(), first.sizes().get(0), first.epochs(), bookLambda, target, target2,
        oldNoL2.std0() / oldL2.stdFinal(), oldL2.stdFinal() / target, gapEpoch1, gapFinal,
        oldL2.last() - oldNoL2.last(), oldNoL2.stdFinal(), oldL2.stdFinal(), Math.abs(gapFinal)
        < Math.abs(gapEpoch1), newNoL2.stdFinal() / newNoL2.std0(), newNoL2.stdFinal(), newL2.stdFinal());
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    boolean moves = r.shrink() > t.get(MIN_SHRINK) && r.oldNoL2Std() > r.oldL2Std();
    return moves && r.closes() && r.stillAbove() < t.get(MAX_OVER_TARGET) ? Outcome.HOLDS
        : moves && r.closes() ? Outcome.CAVEATS : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<Figure.Line> accuracy = new ArrayList<>();
    List<Figure.Line> std = new ArrayList<>();
    for (String init : List.of("old", "new")) {
      for (double lambda : List.of(0.0, r.bookLambda())) {
        List<Results.Entry> runs = runs(all, init, lambda);
        // every curve is measured (the CSV says so); lambda = 0 is told apart by its own colour
        Figure.Look look = Figure.Look.MEASURED;
        int color = (init.equals("old") ? 1 : 0) + (lambda == 0 ? 2 : 0);
        accuracy.add(new Figure.Line("curve", Figure.params("init", init, "lambda", lambda), accuracy(runs), look,
            color));
        std.add(new Figure.Line("curve", Figure.params("init", init, "lambda", lambda), std(runs, 0), look, color));
      }
    }
    std.add(new Figure.Line("target", Figure.params("nIn", r.nIn()), Runs.constant("target", Runs.epochs(0,
        r.epochs()), r.target()), Figure.Look.REFERENCE, 6));
    List<Figure.Line> histograms = new ArrayList<>();
    int c = 0;
    for (Series h : histograms(runs(all, "old", r.bookLambda()).get(0).record().result())) {
      histograms.add(new Figure.Line("epoch", Figure.params("epoch", Integer.parseInt(h.name())), h,
          Figure.Look.MEASURED, c++));
    }
    for (Series h : histograms(runs(all, "new", r.bookLambda()).get(0).record().result())) {
      if (h.name().equals("0")) {
        histograms.add(new Figure.Line("new-init", Figure.params("epoch", 0), h, Figure.Look.MEASURED, 6));
      }
    }
    List<String> experiments = in.experiments("runs");
    return List.of(new Figure("claim4-accuracy", experiments, false, false, accuracy),
        new Figure("claim4-weight-std", experiments, false, true, std),
        new Figure("claim4-histograms", experiments, false, false, histograms));
  }

  /** Density of log10|w| of the first layer at each histogram epoch of one run; each series is named by its epoch. */
  private static List<Series> histograms(TrainingResult result) {
    List<Series> out = new ArrayList<>();
    for (TrainingResult.Histogram h : result.histograms()) {
      if (h.layer() != 0) {
        continue;
      }
      double[] x = new double[h.counts().length];
      double[] y = new double[h.counts().length];
      double total = 0;
      for (long count : h.counts()) {
        total += count;
      }
      double width = (h.high() - h.low()) / h.counts().length;
      for (int k = 0; k < x.length; k++) {
        x[k] = h.low() + (k + 0.5) * width;
        y[k] = h.counts()[k] / total / width;
      }
      out.add(Series.exact(Integer.toString(h.epoch()), x, y));
    }
    return out;
  }
}
