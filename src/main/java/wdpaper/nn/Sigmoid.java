package wdpaper.nn;

/** The logistic function and the pieces of the cross-entropy cost that depend on it. */
public final class Sigmoid {
  private Sigmoid() {}

  /**
   * Returns sigma(z) = 1/(1+e^-z), with e^-z from {@link FastExp} (table-driven, within 2 ulp of fdlibm, the same
   * bits on every JVM and CPU, so seeded runs reproduce bit for bit); beyond its range from {@link FdlibmExp}.
   * For z &gt;= 40, e^-z &lt; 5e-18 and 1 + e^-z rounds to 1, so sigma is exactly 1.
   */
  public static double of(double z) {
    if (z >= 40) {
      return 1.0;
    }
    if (z <= -FastExp.LIMIT) {
      return 1.0 / (1.0 + FdlibmExp.exp(-z));
    }
    return 1.0 / (1.0 + FastExp.exp(-z));
  }

  /** Returns -ln(sigma(z)) without overflow: softplus(-z). */
  public static double minusLogSigma(double z) {
    return z > 0 ? StrictMath.log1p(FdlibmExp.exp(-z)) : -z + StrictMath.log1p(FdlibmExp.exp(z));
  }

  /**
   * Returns the cross-entropy cost of one output neuron with weighted input z and target y in {0,1}:
   * -y ln a - (1-y) ln(1-a), computed from z so that a saturated neuron gives a large finite cost, not NaN.
   */
  public static double crossEntropy(double z, double y) {
    return y == 1.0 ? minusLogSigma(z) : minusLogSigma(-z);
  }
}
