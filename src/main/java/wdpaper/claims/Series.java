package wdpaper.claims;

import java.util.List;

/**
 * One plotted quantity over x, aggregated over seeds: the mean and the seed range [lo, hi], plus the number of
 * seeds. A single-seed series has lo = hi = mean.
 */
public record Series(String name, double[] x, double[] mean, double[] lo, double[] hi, int seeds) {

  /** Aggregates per-seed curves of equal length (the shortest length is used if a run diverged early). */
  public static Series of(String name, double[] x, List<double[]> perSeed) {
    int len = x.length;
    for (double[] s : perSeed) {
      len = Math.min(len, s.length);
    }
    double[] xs = java.util.Arrays.copyOf(x, len);
    double[] mean = new double[len];
    double[] lo = new double[len];
    double[] hi = new double[len];
    for (int i = 0; i < len; i++) {
      double sum = 0;
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (double[] s : perSeed) {
        sum += s[i];
        mn = Math.min(mn, s[i]);
        mx = Math.max(mx, s[i]);
      }
      mean[i] = sum / perSeed.size();
      lo[i] = mn;
      hi[i] = mx;
    }
    return new Series(name, xs, mean, lo, hi, perSeed.size());
  }

  /** A curve with no spread (a prediction or a reference line). */
  public static Series exact(String name, double[] x, double[] y) {
    return new Series(name, x, y, y, y, 0);
  }

  public boolean hasSpread() {
    return seeds > 1;
  }
}
