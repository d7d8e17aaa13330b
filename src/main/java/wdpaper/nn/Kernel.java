package wdpaper.nn;

/**
 * The inner loops of {@link Trainer}, over rows padded with zeros to a multiple of {@link #LANES} doubles (the
 * padding stays exactly zero). Every operation is element-wise over a row at one index, the loop shape that the
 * JIT compiles to vector instructions; each lane sees the multiplications and additions in a fixed order, so the
 * results are the same on every run. The rows are short (30 or 100 doubles), so the sums take up to four rows per
 * pass, written {@code z = z + c1 r1 + c2 r2 + ...}: Java adds left to right, so this is exactly the one-row-at-a-
 * time result with a quarter of the loop overhead and of the loads and stores of the sum.
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
    int q = from;
    // four, then two inputs per pass over z: fewer loads and stores of z and less loop overhead on these short
    // rows, with the additions still in input order, ((z + c1 r1) + c2 r2) + ...
    for (; q + 3 < to; q += 4) {
      double c1 = val[q];
      double c2 = val[q + 1];
      double c3 = val[q + 2];
      double c4 = val[q + 3];
      double[] r1 = w[idx[q]];
      double[] r2 = w[idx[q + 1]];
      double[] r3 = w[idx[q + 2]];
      double[] r4 = w[idx[q + 3]];
      for (int k = 0; k < len; k++) {
        z[k] = z[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k];
      }
    }
    for (; q + 1 < to; q += 2) {
      double c1 = val[q];
      double c2 = val[q + 1];
      double[] r1 = w[idx[q]];
      double[] r2 = w[idx[q + 1]];
      for (int k = 0; k < len; k++) {
        z[k] = z[k] + c1 * r1[k] + c2 * r2[k];
      }
    }
    if (q < to) {
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
    int i = from;
    for (; i + 3 < to; i += 4) {
      double c1 = c[i];
      double c2 = c[i + 1];
      double c3 = c[i + 2];
      double c4 = c[i + 3];
      double[] d1 = d[e[i]];
      double[] d2 = d[e[i + 1]];
      double[] d3 = d[e[i + 2]];
      double[] d4 = d[e[i + 3]];
      for (int k = 0; k < len; k++) {
        g[k] = g[k] + c1 * d1[k] + c2 * d2[k] + c3 * d3[k] + c4 * d4[k];
      }
    }
    for (; i + 1 < to; i += 2) {
      double c1 = c[i];
      double c2 = c[i + 1];
      double[] d1 = d[e[i]];
      double[] d2 = d[e[i + 1]];
      for (int k = 0; k < len; k++) {
        g[k] = g[k] + c1 * d1[k] + c2 * d2[k];
      }
    }
    if (i < to) {
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
