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
   * z = sum over q in [from, to) of val[q] * w[idx[q]], added in that order, then z = z + b (the order of the
   * reference's z = W a + b); lanes [0, len) of z are written. Dense layers pass idx = 0, 1, 2, ... and
   * val = the activations.
   */
  static void affine(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to, int len) {
    java.util.Arrays.fill(z, 0, len, 0.0);
    addRows(z, w, idx, val, from, to, len);
    add(z, b, len);
  }

  /** z = z + b over lanes [0, len). */
  static void add(double[] z, double[] b, int len) {
    for (int k = 0; k < len; k++) {
      z[k] += b[k];
    }
  }

  /**
   * z = sum over p in [from, to) of value[level[p]] * w[index[p]], added in that order (a sparse input: the
   * non-zero entries of one example, W x without the bias); lanes [0, len) of z are written.
   */
  static void sparseSum(double[] z, double[][] w, char[] index, char[] level, double[] value, int from, int to,
      int len) {
    java.util.Arrays.fill(z, 0, len, 0.0);
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
   * row = decay * row - step * g where g = sum over i in [from, to) of c[i] * d[e[i]], added in that order: one
   * row of the SGD update {@code w -> (1 - eta*lambda/n) w - (eta/m) nablaW}, lanes [0, len). Up to four terms are
   * summed in registers in the same pass as the update; with more, all but the last one to four go through the
   * scratch array g first (no separate clearing pass: the first four are written, not added).
   */
  static void decayAndSubtract(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from,
      int to, int len, double[] g) {
    int i = gradientHead(g, d, e, c, from, to, len);
    int left = to - i;
    boolean head = i > from;
    if (left == 1) {
      double c1 = c[i];
      double[] r1 = d[e[i]];
      if (head) {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (g[k] + c1 * r1[k]);
        }
      } else {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (c1 * r1[k]);
        }
      }
    } else if (left == 2) {
      double c1 = c[i];
      double c2 = c[i + 1];
      double[] r1 = d[e[i]];
      double[] r2 = d[e[i + 1]];
      if (head) {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (g[k] + c1 * r1[k] + c2 * r2[k]);
        }
      } else {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (c1 * r1[k] + c2 * r2[k]);
        }
      }
    } else if (left == 3) {
      double c1 = c[i];
      double c2 = c[i + 1];
      double c3 = c[i + 2];
      double[] r1 = d[e[i]];
      double[] r2 = d[e[i + 1]];
      double[] r3 = d[e[i + 2]];
      if (head) {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (g[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k]);
        }
      } else {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (c1 * r1[k] + c2 * r2[k] + c3 * r3[k]);
        }
      }
    } else {
      double c1 = c[i];
      double c2 = c[i + 1];
      double c3 = c[i + 2];
      double c4 = c[i + 3];
      double[] r1 = d[e[i]];
      double[] r2 = d[e[i + 1]];
      double[] r3 = d[e[i + 2]];
      double[] r4 = d[e[i + 3]];
      if (head) {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (g[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k]);
        }
      } else {
        for (int k = 0; k < len; k++) {
          row[k] = decay * row[k] - step * (c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k]);
        }
      }
    }
  }

  /**
   * As {@link #decayAndSubtract}, and measures the step for the decay/gradient split: with g_t = step * g the row's
   * gradient step, sumG = sumG + g_t (the running sum_t g_t) and, per lane, gg = gg + g_t g_t (summed over the rows
   * of a layer lane by lane, reduced once per step). g is summed into the scratch array first (the same additions in
   * the same order), so the new row is the same number as {@link #decayAndSubtract} gives.
   */
  static void decayAndSubtractMeasured(double[] row, double decay, double step, double[][] d, int[] e, double[] c,
      int from, int to, int len, double[] g, double[] sumG, double[] gg) {
    int i = gradientHead(g, d, e, c, from, to, len);
    if (i == from) {
      java.util.Arrays.fill(g, 0, len, 0.0);
    }
    addRows(g, d, e, c, i, to, len);
    for (int k = 0; k < len; k++) {
      double gk = step * g[k];
      sumG[k] += gk;
      gg[k] += gk * gk;
      row[k] = decay * row[k] - gk;
    }
  }

  /**
   * Sums all but the last one to four terms of g = sum_i c[i] d[e[i]] into g (written, then added: no clearing
   * pass) and returns the index of the first term left; returns {@code from} if four or fewer terms.
   */
  private static int gradientHead(double[] g, double[][] d, int[] e, double[] c, int from, int to, int len) {
    int i = from;
    if (to - i <= 4) {
      return i;
    }
    double c1 = c[i];
    double c2 = c[i + 1];
    double c3 = c[i + 2];
    double c4 = c[i + 3];
    double[] r1 = d[e[i]];
    double[] r2 = d[e[i + 1]];
    double[] r3 = d[e[i + 2]];
    double[] r4 = d[e[i + 3]];
    for (int k = 0; k < len; k++) {
      g[k] = c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k];
    }
    i += 4;
    for (; to - i > 4; i += 4) {
      c1 = c[i];
      c2 = c[i + 1];
      c3 = c[i + 2];
      c4 = c[i + 3];
      r1 = d[e[i]];
      r2 = d[e[i + 1]];
      r3 = d[e[i + 2]];
      r4 = d[e[i + 3]];
      for (int k = 0; k < len; k++) {
        g[k] = g[k] + c1 * r1[k] + c2 * r2[k] + c3 * r3[k] + c4 * r4[k];
      }
    }
    return i;
  }

  /**
   * acc = acc + sum over i in [from, to) of coef[i] * rows[pick[i]], added in that order, four, then two rows per
   * pass over acc: fewer loads and stores of acc and less loop overhead on these short rows, with the additions
   * still in order, ((acc + c1 r1) + c2 r2) + ...
   */
  static void addRows(double[] acc, double[][] rows, int[] pick, double[] coef, int from, int to, int len) {
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
