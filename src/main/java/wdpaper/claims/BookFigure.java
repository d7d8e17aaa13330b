package wdpaper.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.data.Mnist;
import wdpaper.experiments.Results;
import wdpaper.nn.RunSpec;

/**
 * The book's figure (Nielsen, ch. 3, weight initialization): validation accuracy per epoch of [784, H, 10] with the
 * old and the new initialization, compared with the three numbers the book quotes for one H.
 *
 * <p>Rule: reproduced when the new init leads after epoch 1 and the gap closes by the last epoch (the shape), and
 * each of the four quoted numbers (old and new after epoch 1, both at the end) is matched within the tolerance;
 * the shape alone gives "holds with caveats"; no shape, "does not hold".
 */
public final class BookFigure implements Claim<BookFigure.Result> {
  /** The H the book quotes numbers for. */
  public static final Threshold HIDDEN = Threshold.count("hidden", 1);
  /** The book's epoch-1 accuracy of the old init ("under 87 percent"), in percent. */
  public static final Threshold OLD_EPOCH1 = Threshold.between("oldEpoch1Percent", 0, 100);
  /** The book's epoch-1 accuracy of the new init ("almost 93 percent"). */
  public static final Threshold NEW_EPOCH1 = Threshold.between("newEpoch1Percent", 0, 100);
  /** The book's final accuracy of both ("somewhat over 96 percent"). */
  public static final Threshold FINAL = Threshold.between("finalPercent", 0, 100);
  /** How far (percentage points) our mean may be from each quoted number. */
  public static final Threshold TOLERANCE = Threshold.between("tolerancePercentagePoints", 0, 100);

  /** Accuracy of one (H, init) over the seeds, in percent. */
  public record Row(int hidden, String init, double epoch1, double epoch1Lo, double epoch1Hi, double last,
      double lastLo, double lastHi, double best, double test) {}

  /**
   * @param inputs n_in of the network, sizes[0]
   * @param outputs sizes[last]
   * @param hiddens the widths H run, in order
   * @param oldInit the old-init row at the H the book quotes
   * @param newInit the new-init row at that H
   * @param diffOldEpoch1 ours minus the book's, percentage points
   * @param within how many of the four differences are within the tolerance
   * @param shape the new init leads after epoch 1 and the gap closes by the last epoch
   * @param fullData true if the runs use the book's full training set
   * @param test the number of test images the rows' test accuracy was measured on (the first ones)
   * @param fullTest true if that is the whole test set
   */
  public record Result(double eta, double lambda, int m, int epochs, int n, int validation, int seeds, int inputs,
      int outputs, List<Integer> hiddens, List<Row> rows, Row oldInit, Row newInit, double diffOldEpoch1,
      double diffNewEpoch1, double diffFinalOld, double diffFinalNew, int within, boolean shape, boolean fullData,
      int test, boolean fullTest) {

    public Result {
      hiddens = List.copyOf(hiddens);
      rows = List.copyOf(rows);
    }
  }

  @Override
  public String id() {
    return "book";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "the book's setting, [784, H, 10] with the old and the new init, including the"
        + " H the book quotes"));
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(HIDDEN, OLD_EPOCH1, NEW_EPOCH1, FINAL, TOLERANCE);
  }

  @Override
  public Result measure(Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    RunSpec first = all.get(0).run().spec();
    List<Row> rows = new ArrayList<>();
    List<Integer> hiddens = new ArrayList<>();
    for (double h : Runs.distinct(all, Runs::hidden)) {
      hiddens.add((int) h);
      for (String init : List.of("old", "new")) {
        Series acc = accuracy(all, (int) h, init);
        List<Results.Entry> runs = runs(all, (int) h, init);
        double[] tests = runs.stream().mapToDouble(e -> 100 * e.record().result().testAccuracy()).toArray();
        int last = acc.mean().length - 1;
        rows.add(new Row((int) h, init, acc.mean()[0], acc.lo()[0], acc.hi()[0], acc.mean()[last], acc.lo()[last],
            acc.hi()[last], Stats.max(acc.mean()), Stats.mean(tests)));
      }
    }
    Thresholds t = in.thresholds();
    int h = (int) t.get(HIDDEN);
    Row old = row(rows, h, "old");
    Row neu = row(rows, h, "new");
    // "under 87 percent" and "somewhat over 96" are bounds: the distance is how far outside the bound we are (0
    // inside); "almost 93" is a value
    double dOld = aboveBound(old.epoch1(), t.get(OLD_EPOCH1));
    double dNew = neu.epoch1() - t.get(NEW_EPOCH1);
    double dFinalOld = aboveBound(t.get(FINAL), old.last());
    double dFinalNew = aboveBound(t.get(FINAL), neu.last());
    boolean shape = neu.epoch1() > old.epoch1() && Math.abs(old.last() - neu.last())
        < Math.abs(neu.epoch1() - old.epoch1());
    List<Integer> sizes = first.sizes();
    return new Result(first.eta(), first.lambda(), first.miniBatchSize(), first.epochs(), first.trainingSetSize(),
        first.validationSetSize(), Runs.seeds(all), sizes.get(0), sizes.get(sizes.size() - 1), hiddens, rows, old,
        neu, dOld, dNew, dFinalOld, dFinalNew, within(t, dOld, dNew, dFinalOld, dFinalNew), shape,
        first.trainingSetSize() >= Mnist.TRAINING, first.testSetSize(), first.testSetSize() >= Mnist.TEST);
  }

  /** How far {@code value} is above an upper bound (0 if within it): "under 87 percent" scored as a bound. */
  static double aboveBound(double value, double bound) {
    return Math.max(0, value - bound);
  }

  private static int within(Thresholds t, double... diffs) {
    int n = 0;
    for (double d : diffs) {
      if (Math.abs(d) <= t.get(TOLERANCE)) {
        n++;
      }
    }
    return n;
  }

  private static Row row(List<Row> rows, int hidden, String init) {
    for (Row r : rows) {
      if (r.hidden() == hidden && r.init().equals(init)) {
        return r;
      }
    }
    throw new Runs.MissingRuns("H = " + hidden + " and init " + init + " (the H the book quotes, thresholds"
        + " book.hidden)");
  }

  private static List<Results.Entry> runs(List<Results.Entry> all, int h, String init) {
    return Runs.select(all, r -> Runs.hidden(r) == h && r.init().equals(init), "H = " + h + ", init " + init);
  }

  private static Series accuracy(List<Results.Entry> all, int h, String init) {
    return Runs.series("accuracy", runs(all, h, init), 1, m -> 100 * m.validationAccuracy());
  }

  @Override
  public Outcome judge(Result r, Thresholds t) {
    int within = within(t, r.diffOldEpoch1(), r.diffNewEpoch1(), r.diffFinalOld(), r.diffFinalNew());
    return within == 4 && r.shape() ? Outcome.HOLDS : r.shape() ? Outcome.CAVEATS : Outcome.FAILS;
  }

  @Override
  public List<Figure> figures(Result r, Inputs in) {
    List<Results.Entry> all = in.runs("runs");
    List<Figure> figs = new ArrayList<>();
    for (int h : r.hiddens()) {
      figs.add(new Figure("book-accuracy-" + h, in.experiments("runs"), false, false, List.of(
          new Figure.Line("old", params(h, "old"), accuracy(all, h, "old"), Figure.Look.MEASURED, 1),
          new Figure.Line("new", params(h, "new"), accuracy(all, h, "new"), Figure.Look.MEASURED, 0))));
    }
    return figs;
  }

  private static Map<String, Object> params(int hidden, String init) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("hidden", hidden);
    p.put("init", init);
    return p;
  }
}
