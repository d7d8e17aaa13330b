package wdpaper.nn;

import java.util.Arrays;
import wdpaper.data.Dataset;

/**
 * The fast trainer's parameters and forward pass. The weights of layer l are stored transposed, as rows:
 * {@code wT[l][j]} holds the weights from input j to every neuron of layer l (row j of W^T), padded with zeros to
 * a multiple of {@link Kernel#LANES}, so that {@code z = b + W a = b + sum_j a_j wT[j]} is a sum of whole rows,
 * element-wise along each row (the loop shape the JIT compiles to vector instructions). Zero inputs are skipped.
 */
final class Layers {
  final int[] sizes;
  /** sizes rounded up to a multiple of {@link Kernel#LANES}: the stored length of every row of neuron values */
  final int[] padded;
  final int layers;
  /** wT[l][j][k] = w^l_{kj}, the weight from input j to neuron k of layer l */
  final double[][][] wT;
  /** b[l][k], padded with zeros like the rows */
  final double[][] b;
  /** 0, 1, 2, ...: the row indices of a dense layer's input */
  final int[] identity;

  /** The network {@code net} laid out as rows. */
  Layers(Network net) {
    sizes = net.sizes();
    layers = sizes.length - 1;
    padded = new int[sizes.length];
    for (int l = 0; l < sizes.length; l++) {
      padded[l] = Kernel.padded(sizes[l]);
    }
    wT = new double[layers][][];
    b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      wT[l] = rows(transpose(net.w[l], sizes[l + 1], sizes[l]), sizes[l], sizes[l + 1], padded[l + 1]);
      b[l] = Arrays.copyOf(net.b[l], padded[l + 1]);
    }
    int widest = Arrays.stream(sizes).max().orElseThrow();
    identity = new int[widest];
    for (int i = 0; i < widest; i++) {
      identity[i] = i;
    }
  }

  /** z = W^0 x + b^0 over the non-zero inputs of example x, in input order; z gets padded[1] entries. */
  void firstLayer(Dataset data, int x, double[] z) {
    firstLayerSum(data, x, z);
    Kernel.add(z, b[0], padded[1]);
  }

  /** u = W^0 x without the bias. */
  private void firstLayerSum(Dataset data, int x, double[] u) {
    Kernel.sparseSum(u, wT[0], data.indexArray(), data.levelArray(), data.levelValues(), data.nonZeroStart(x),
        data.nonZeroEnd(x), padded[1]);
  }

  /** out = W^l a + b^l for the dense input a of layer l >= 1. */
  void denseLayer(int l, double[] a, double[] out) {
    Kernel.affine(out, b[l], wT[l], identity, a, 0, sizes[l], padded[l + 1]);
  }

  /**
   * a^1 .. a^L of example x: {@code a[l]} (l = 1..layers) receives sigma(z^l); a[0] is not used. If {@code u} is
   * given, u[l] also receives W^{l-1} a^{l-1}, the weighted input without the bias (for the drift w.g of the split).
   */
  void forward(Dataset data, int x, double[][] a, double[][] u) {
    firstLayerSum(data, x, a[1]);
    finish(0, a[1], u == null ? null : u[1]);
    for (int l = 1; l < layers; l++) {
      java.util.Arrays.fill(a[l + 1], 0, padded[l + 1], 0.0);
      Kernel.addRows(a[l + 1], wT[l], identity, a[l], 0, sizes[l], padded[l + 1]);
      finish(l, a[l + 1], u == null ? null : u[l + 1]);
    }
  }

  /** z holds W a of layer l: keeps a copy in u (if given), then z = sigma(z + b). */
  private void finish(int l, double[] z, double[] u) {
    if (u != null) {
      System.arraycopy(z, 0, u, 0, padded[l + 1]);
    }
    Kernel.add(z, b[l], padded[l + 1]);
    sigmoidInPlace(z, sizes[l + 1]);
  }

  /** z = sigma(z) over the first n entries (the padding stays 0). */
  static void sigmoidInPlace(double[] z, int n) {
    for (int k = 0; k < n; k++) {
      z[k] = Sigmoid.of(z[k]);
    }
  }

  /** The weights of layer l in the {@link Network} layout (row-major sizes[l+1] x sizes[l]). */
  double[] weights(int l) {
    return transpose(flat(wT[l], sizes[l + 1]), sizes[l], sizes[l + 1]);
  }

  /** The weights of layer l in this layout without the padding (input-major): the order the measurements use. */
  double[] flatRows(int l) {
    return flat(wT[l], sizes[l + 1]);
  }

  /** The current parameters as a {@link Network}. */
  Network network() {
    double[][] w = new double[layers][];
    double[][] bb = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = weights(l);
      bb[l] = Arrays.copyOf(b[l], sizes[l + 1]);
    }
    return new Network(sizes, w, bb);
  }

  /** Root mean square of each layer's weights. */
  double[] rms() {
    double[] r = new double[layers];
    for (int l = 0; l < layers; l++) {
      double sq = 0;
      for (double[] row : wT[l]) {
        for (int k = 0; k < sizes[l + 1]; k++) {
          sq += row[k] * row[k];
        }
      }
      r[l] = Math.sqrt(sq / (sizes[l] * (double) sizes[l + 1]));
    }
    return r;
  }

  /** Concatenates the first cols entries of each row (a row-major copy without the padding). */
  static double[] flat(double[][] rows, int cols) {
    double[] f = new double[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, f, r * cols, cols);
    }
    return f;
  }

  /** Splits a row-major rows x cols matrix into rows, each padded with zeros to length stride. */
  static double[][] rows(double[] a, int rows, int cols, int stride) {
    double[][] m = new double[rows][stride];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(a, r * cols, m[r], 0, cols);
    }
    return m;
  }

  /** Returns the transpose of a rows x cols row-major matrix. */
  static double[] transpose(double[] a, int rows, int cols) {
    double[] t = new double[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }
}
