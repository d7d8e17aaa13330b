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
    addRows(z, w, idx, val, from, to, len);
  }

  /**
   * z = b + sum over p in [from, to) of value[level[p]] * w[index[p]], added in that order (a sparse input: the
   * non-zero entries of one example); lanes [0, len) of z are written.
   */
  static void affineSparse(double[] z, double[] b, double[][] w, char[] index, char[] level, double[] value, int from,
      int to, int len) {
    System.arraycopy(b, 0, z, 0, len);
    int p = from;
    for (; p + 3 < to; p += 4) {
      double c1 = value[level[p]];
      double c2 = value[level[p + 1]];
      double c3 = value[level[p + 2]];
      double c4 = value[level[p + 3]];
      double[] r1 = w[index[p]];
      double[] r2 = w[index[p + 1]];
      double[] r3 = w[index[p + 2]];
      double[] r4 = w[index[p + 3]];
      for (int k = 0; k < len; k++) {
        z[k] = z[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k];
      }
    }
    for (; p + 1 < to; p += 2) {
      double c1 = value[level[p]];
      double c2 = value[level[p + 1]];
      double[] r1 = w[index[p]];
      double[] r2 = w[index[p + 1]];
      for (int k = 0; k < len; k++) {
        z[k] = z[k] + c1 * r1[k] + c2 * r2[k];
      }
    }
    if (p < to) {
      double c = value[level[p]];
      double[] r = w[index[p]];
      for (int k = 0; k < len; k++) {
        z[k] += c * r[k];
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
    addRows(g, d, e, c, from, to, len);
    for (int k = 0; k < len; k++) {
      row[k] = decay * row[k] - step * g[k];
    }
  }

  /**
   * As {@link #decayAndSubtract}, and measures the step for the decay/gradient split: with w the row before and
   * g_t = step * g its gradient step, sum = sum + w (the running sum_t w_t), and per lane wg = wg + w g_t and
   * gg = gg + g_t g_t (summed over the rows of a layer lane by lane, reduced once per step). The new row is the same
   * number as {@link #decayAndSubtract} gives.
   */
  static void decayAndSubtractMeasured(double[] row, double decay, double step, double[][] d, int[] e, double[] c,
      int from, int to, int len, double[] g, double[] sum, double[] wg, double[] gg) {
    java.util.Arrays.fill(g, 0, len, 0.0);
    addRows(g, d, e, c, from, to, len);
    for (int k = 0; k < len; k++) {
      double w = row[k];
      double gk = step * g[k];
      sum[k] += w;
      wg[k] += w * gk;
      gg[k] += gk * gk;
      row[k] = decay * w - gk;
    }
  }

  /** sum = sum + row, then row = factor * row, over lanes [0, len). */
  static void sumAndScale(double[] row, double factor, int len, double[] sum) {
    for (int k = 0; k < len; k++) {
      sum[k] += row[k];
      row[k] = factor * row[k];
    }
  }

  /** sum = sum + c * row, then row = factor * row (a row's sum over steps it sat out, then its missed decay). */
  static void addScaledAndScale(double[] row, double c, double factor, int len, double[] sum) {
    for (int k = 0; k < len; k++) {
      sum[k] += c * row[k];
      row[k] = factor * row[k];
    }
  }

  /**
   * acc = acc + sum over i in [from, to) of coef[i] * rows[pick[i]], added in that order, four, then two rows per
   * pass over acc: fewer loads and stores of acc and less loop overhead on these short rows, with the additions
   * still in order, ((acc + c1 r1) + c2 r2) + ...
   */
  private static void addRows(double[] acc, double[][] rows, int[] pick, double[] coef, int from, int to, int len) {
    int i = from;
    for (; i + 3 < to; i += 4) {
      double c1 = coef[i];
      double c2 = coef[i + 1];
      double c3 = coef[i + 2];
      double c4 = coef[i + 3];
      double[] r1 = rows[pick[i]];
      double[] r2 = rows[pick[i + 1]];
      double[] r3 = rows[pick[i + 2]];
      double[] r4 = rows[pick[i + 3]];
      for (int k = 0; k < len; k++) {
        acc[k] = acc[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k];
      }
    }
    for (; i + 1 < to; i += 2) {
      double c1 = coef[i];
      double c2 = coef[i + 1];
      double[] r1 = rows[pick[i]];
      double[] r2 = rows[pick[i + 1]];
      for (int k = 0; k < len; k++) {
        acc[k] = acc[k] + c1 * r1[k] + c2 * r2[k];
      }
    }
    if (i < to) {
      double c = coef[i];
      double[] r = rows[pick[i]];
      for (int k = 0; k < len; k++) {
        acc[k] += c * r[k];
      }
    }
  }

  /** row = factor * row over lanes [0, len). */
  static void scale(double[] row, double factor, int len) {
    for (int k = 0; k < len; k++) {
      row[k] = factor * row[k];
    }
  }
}
