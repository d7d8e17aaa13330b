package wdpaper.analysis;

/** Small statistics used by the verdicts. */
public final class Stats {
  private Stats() {}

  public static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  public static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  public static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Ordinary least squares y = a + b x: returns {a, b, standard error of b, R^2}. */
  public static double[] fit(double[] x, double[] y) {
    int n = x.length;
    double mx = mean(x);
    double my = mean(y);
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
      syy += (y[i] - my) * (y[i] - my);
    }
    double b = sxy / sxx;
    double a = my - b * mx;
    double rss = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - a - b * x[i];
      rss += r * r;
    }
    double se = n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Double.NaN;
    return new double[] {a, b, se, syy == 0 ? 1 : 1 - rss / syy};
  }
}
