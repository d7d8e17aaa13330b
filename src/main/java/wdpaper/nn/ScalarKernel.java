package wdpaper.nn;

/** The plain-loop {@link Kernel}: what {@link VectorKernel} does, one lane at a time. */
final class ScalarKernel extends Kernel {
  private double[] g = new double[0];

  @Override
  String name() {
    return "scalar";
  }

  @Override
  void affine(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to, int len) {
    System.arraycopy(b, 0, z, 0, len);
    for (int q = from; q < to; q++) {
      double c = val[q];
      double[] row = w[idx[q]];
      for (int k = 0; k < len; k++) {
        z[k] += c * row[k];
      }
    }
  }

  @Override
  void decayAndSubtract(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from, int to,
      int len) {
    if (g.length < len) {
      g = new double[len];
    }
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

  @Override
  void scale(double[] row, double decay, int len) {
    for (int k = 0; k < len; k++) {
      row[k] = decay * row[k];
    }
  }
}
