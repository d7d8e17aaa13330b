package wdpaper.nn;

/**
 * e^x for |x| &lt;= {@link #LIMIT}, faster than fdlibm's algorithm and just as reproducible: only IEEE +, -, *,
 * {@link Math#rint} (exact) and exponent arithmetic, in a fixed order that Java does not let the JIT reorder or fuse,
 * so the result is the same double on every JVM and CPU (a test pins a hash of many values). Accuracy: within
 * 2 ulp of the exact value (a test checks against {@link StrictMath#exp}).
 *
 * <p>Method (table-driven, as in Tang's algorithm): write x = (64 k + j) ln2/64 + r with integers k, j (0 &lt;= j
 * &lt; 64) and |r| &lt;= ln2/128, using ln2/64 split in a high part with trailing zero bits and a low part so
 * that r is accurate to about 1e-27 of x; then e^x = 2^k 2^(j/64) e^r, with 2^(j/64) from a table (computed once with {@link StrictMath#pow},
 * itself reproducible) and e^r - 1 from its Taylor polynomial of degree 5 (the next term is below 4e-17).
 */
final class FastExp {
  /** Arguments up to this size in absolute value keep 2^k a normal number. */
  static final double LIMIT = 700;
  private static final double INV_LN2_64 = 64 / 0.6931471805599453;
  /**
   * ln2/64 = LN2_64_HI + LN2_64_LO to about 1e-27: fdlibm's split of ln2 divided by 64 (exact); the high part ends
   * in 21 zero bits, so n * LN2_64_HI is exact for the |n| &lt; 2^17 that |x| &lt;= LIMIT gives.
   */
  private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64;
  private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64;
  private static final double[] TABLE = new double[64];

  static {
    for (int j = 0; j < 64; j++) {
      TABLE[j] = StrictMath.pow(2, j / 64.0);
    }
  }

  private FastExp() {}

  /** e^x for |x| &lt;= {@link #LIMIT} (larger arguments give a wrong result: callers check). */
  static double exp(double x) {
    double n = Math.rint(x * INV_LN2_64);
    int ni = (int) n;
    double r = (x - n * LN2_64_HI) - n * LN2_64_LO;
    double p = r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))));
    double t = TABLE[ni & 63];
    double scale = Double.longBitsToDouble((long) ((ni >> 6) + 1023) << 52);
    return (t + t * p) * scale;
  }
}
