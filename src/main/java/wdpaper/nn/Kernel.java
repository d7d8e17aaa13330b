package wdpaper.nn;

/**
 * The inner loops of {@link Trainer}, over rows padded with zeros to a multiple of {@link #LANES} doubles (the
 * padding stays exactly zero). Every operation is element-wise over a row at one index, the loop shape that the
 * JIT compiles to vector instructions; each lane sees the multiplications and additions in a fixed order, so the
 * results are the same on every run.
 */
final class Kernel {
  /** Row lengths are padded to a multiple of this. */
  static final int LANES = 4;

  private Kernel() {}

  /** Returns n rounded up to a multiple of {@link #LANES}. */
  static int padded(int n) {
    return (n + LANES - 1) / LANES * LANES;
  }

  /**
   * z = b + sum over q in [from, to) of val[q] * w[idx[q]], added in that order; lanes [0, len) of z are written.
   * Dense layers pass idx = 0, 1, 2, ... and val = the activations.
   */
  static void affine(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to, int len) {
    System.arraycopy(b, 0, z, 0, len);
    for (int q = from; q < to; q++) {
      double c = val[q];
      double[] row = w[idx[q]];
      for (int k = 0; k < len; k++) {
        z[k] += c * row[k];
      }
    }
  }

  /**
   * row = decay * row - step * g where g = sum over i in [from, to) of c[i] * d[e[i]] (added in that order, in the
   * scratch array g): one row of the SGD update {@code w -> (1 - eta*lambda/n) w - (eta/m) nablaW}, lanes [0, len).
   */
  static void decayAndSubtract(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from,
      int to, int len, double[] g) {
    java.util.Arrays.fill(g, 0, len, 0.0);
    for (int i = from; i < to; i++) {
      double ci = c[i];
      double[] di = d[e[i]];
      for (int k = 0; k < len; k++) {
        g[k] += ci * di[k];
      }
    }
    for (int k = 0; k < len; k++) {
      row[k] = decay * row[k] - step * g[k];
    }
  }

  /** row = factor * row over lanes [0, len). */
  static void scale(double[] row, double factor, int len) {
    for (int k = 0; k < len; k++) {
      row[k] = factor * row[k];
    }
  }
}
