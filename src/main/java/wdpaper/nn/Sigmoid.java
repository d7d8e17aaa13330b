package wdpaper.nn;

/** The logistic function and the pieces of the cross-entropy cost that depend on it. */
public final class Sigmoid {
  private Sigmoid() {}

  /**
   * Returns sigma(z) = 1/(1+e^-z). fdlibm's exp ({@link FdlibmExp}, the algorithm StrictMath.exp specifies) keeps the result identical on every JVM and CPU,
   * so seeded runs reproduce bit for bit.
   */
  public static double of(double z) {
    return 1.0 / (1.0 + FdlibmExp.exp(-z));
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
