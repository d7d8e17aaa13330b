package wdpaper.claims;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Small statistics used by the claims: means and ranges over seeds, and least-squares fits (EJML). */
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

  /**
   * A straight line y = intercept + slope x fitted by least squares, with the standard error of the slope and R^2.
   *
   * @param points how many (x, y) pairs the fit used
   */
  public record Fit(double intercept, double slope, double slopeStandardError, double r2, int points) {}

  /**
   * Fits y = a + b x by ordinary least squares. With the design matrix X = [1 x] (n x 2):
   * beta = argmin ||X beta - y|| (solved by QR), residuals r = y - X beta, s^2 = r'r / (n - 2), and
   * Cov(beta) = s^2 (X'X)^-1, whose [1,1] entry is the variance of the slope. The standard error is NaN for two
   * points (no degrees of freedom left); R^2 = 1 - r'r / sum (y - mean y)^2, or 1 if y is constant.
   */
  public static Fit fit(double[] x, double[] y) {
    int n = x.length;
    if (n != y.length || n < 2) {
      throw new IllegalArgumentException("a line fit needs at least 2 (x, y) pairs of equal length, was " + x.length
          + " and " + y.length);
    }
    // X = [1 x], y as a column
    DMatrixRMaj design = new DMatrixRMaj(n, 2);
    for (int i = 0; i < n; i++) {
      design.set(i, 0, 1);
      design.set(i, 1, x[i]);
    }
    DMatrixRMaj yy = new DMatrixRMaj(n, 1, true, y);
    // beta = argmin ||X beta - y||
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, 2);
    if (!solver.setA(design.copy())) {
      throw new IllegalArgumentException("a line fit needs at least two distinct x values");
    }
    DMatrixRMaj beta = new DMatrixRMaj(2, 1);
    solver.solve(yy.copy(), beta);
    // r = y - X beta
    DMatrixRMaj residual = yy.copy();
    CommonOps_DDRM.multAdd(-1, design, beta, residual);
    double rss = CommonOps_DDRM.dot(residual, residual);
    // Cov(beta) = s^2 (X'X)^-1
    DMatrixRMaj xtx = new DMatrixRMaj(2, 2);
    CommonOps_DDRM.multTransA(design, design, xtx);
    CommonOps_DDRM.invert(xtx);
    double se = n > 2 ? Math.sqrt(rss / (n - 2) * xtx.get(1, 1)) : Double.NaN;
    double my = mean(y);
    double tss = 0;
    for (double v : y) {
      tss += (v - my) * (v - my);
    }
    return new Fit(beta.get(0), beta.get(1), se, tss == 0 ? 1 : 1 - rss / tss, n);
  }
}
