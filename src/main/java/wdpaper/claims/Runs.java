package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import wdpaper.experiments.Results;
import wdpaper.experiments.RunSpec;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.LayerMetrics;

/** Selecting runs by their spec and turning per-epoch metrics into {@link Series} over seeds. */
public final class Runs {
  private Runs() {}

  /** A claim's experiments lack runs it needs: the page declared the wrong experiment, or the spec changed. */
  public static final class MissingRuns extends RuntimeException {
    public MissingRuns(String message) {
      super(message);
    }
  }

  /** The runs whose spec matches; throws naming {@code what} (e.g. "init old, lambda 5") if there is none. */
  public static List<Results.Entry> select(List<Results.Entry> runs, Predicate<RunSpec> filter, String what) {
    List<Results.Entry> out = new ArrayList<>();
    for (Results.Entry e : runs) {
      if (filter.test(e.run().spec())) {
        out.add(e);
      }
    }
    if (out.isEmpty()) {
      throw new MissingRuns("no run with " + what);
    }
    return out;
  }

  /** The distinct values of {@code key} over the runs, sorted. */
  public static List<Double> distinct(List<Results.Entry> runs, ToDoubleFunction<RunSpec> key) {
    List<Double> v = new ArrayList<>();
    for (Results.Entry e : runs) {
      double k = key.applyAsDouble(e.run().spec());
      if (!v.contains(k)) {
        v.add(k);
      }
    }
    v.sort(null);
    return v;
  }

  /** The number of distinct seeds among the runs. */
  public static int seeds(List<Results.Entry> runs) {
    return (int) runs.stream().mapToLong(e -> e.run().spec().seed()).distinct().count();
  }

  /** The hidden width H of a [n_in, H, n_out] network. */
  public static int hidden(RunSpec s) {
    return s.sizes().get(1);
  }

  /** x = from, from + 1, ..., to. */
  public static double[] epochs(int from, int to) {
    double[] x = new double[to - from + 1];
    for (int i = 0; i < x.length; i++) {
      x[i] = from + i;
    }
    return x;
  }

  /** A metric over epochs {@code from..epochs} of each run, as mean and seed range. */
  public static Series series(String name, List<Results.Entry> runs, int from,
      ToDoubleFunction<EpochMetrics> metric) {
    int epochs = runs.get(0).run().spec().epochs();
    List<double[]> perSeed = new ArrayList<>();
    for (Results.Entry e : runs) {
      List<EpochMetrics> ep = e.record().result().epochs();
      double[] v = new double[Math.max(0, ep.size() - from)];
      for (int i = from; i < ep.size(); i++) {
        v[i - from] = metric.applyAsDouble(ep.get(i));
      }
      perSeed.add(v);
    }
    return Series.of(name, epochs(from, epochs), perSeed);
  }

  /** A constant over the given x (a threshold or a reference value). */
  public static Series constant(String name, double[] x, double value) {
    double[] y = new double[x.length];
    java.util.Arrays.fill(y, value);
    return Series.exact(name, x, y);
  }

  /** RMS of all weights of a network: sqrt(sum over layers of ||w||^2 / n_w). */
  public static double totalRms(EpochMetrics m, RunSpec s) {
    double sq = 0;
    for (LayerMetrics l : m.layers()) {
      sq += l.norm() * l.norm();
    }
    return Math.sqrt(sq / s.weightCount());
  }
}
