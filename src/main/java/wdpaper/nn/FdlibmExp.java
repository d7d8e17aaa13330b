package wdpaper.nn;

/**
 * e^x by the fdlibm algorithm (e_exp.c), the one {@link StrictMath#exp} specifies, written in plain Java so
 * the JIT can inline it. Uses only IEEE +, -, *, / and exponent arithmetic, so results are the same on every
 * JVM and CPU; a test checks it against StrictMath.exp bit for bit.
 */
final class FdlibmExp {
  private static final double HUGE = 1.0e+300;
  private static final double TWOM1000 = 9.33263618503218878990e-302;
  private static final double O_THRESHOLD = 7.09782712893383973096e+02;
  private static final double U_THRESHOLD = -7.45133219101941108420e+02;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double INV_LN2 = 1.44269504088896338700e+00;
  private static final double P1 = 1.66666666666666019037e-01;
  private static final double P2 = -2.77777777770155933842e-03;
  private static final double P3 = 6.61375632143793436117e-05;
  private static final double P4 = -1.65339022054652515390e-06;
  private static final double P5 = 4.13813679705723846039e-08;

  private FdlibmExp() {}

  static double exp(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >>> 32);
    int xsb = (hx >>> 31) & 1;
    hx &= 0x7fffffff;
    double hi = 0;
    double lo = 0;
    int k = 0;
    // filter out non-finite and overflowing/underflowing arguments
    if (hx >= 0x40862E42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | (int) bits) != 0) {
          return x + x; // NaN
        }
        return xsb == 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
      }
      if (x > O_THRESHOLD) {
        return HUGE * HUGE;
      }
      if (x < U_THRESHOLD) {
        return TWOM1000 * TWOM1000;
      }
    }
    // argument reduction: x = k ln2 + r, |r| <= 0.5 ln2
    if (hx > 0x3fd62e42) {
      if (hx < 0x3FF0A2B2) {
        hi = xsb == 0 ? x - LN2_HI : x + LN2_HI;
        lo = xsb == 0 ? LN2_LO : -LN2_LO;
        k = 1 - xsb - xsb;
      } else {
        k = (int) (INV_LN2 * x + (xsb == 0 ? 0.5 : -0.5));
        double t = k;
        hi = x - t * LN2_HI;
        lo = t * LN2_LO;
      }
      x = hi - lo;
    } else if (hx < 0x3e300000) {
      if (HUGE + x > 1.0) {
        return 1.0 + x;
      }
    } else {
      k = 0;
    }
    double t = x * x;
    double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    long yb = Double.doubleToRawLongBits(y);
    if (k >= -1021) {
      return Double.longBitsToDouble(yb + ((long) k << 52));
    }
    return Double.longBitsToDouble(yb + ((long) (k + 1000) << 52)) * TWOM1000;
  }
}
