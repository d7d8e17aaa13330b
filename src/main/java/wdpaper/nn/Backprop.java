package wdpaper.nn;

import wdpaper.data.Dataset;

/**
 * Forward and backward pass of a whole mini-batch before any weight changes, one example at a time as the
 * reference does: {@code a[l][e]} = sigma(z^l) of example e (l = 1..L), and the errors
 * {@code delta[l][e]} of layer l+1 (l = 0..L-1): delta^L = a^L - y (cross-entropy), then
 * delta^l = (W^{l+1})^T delta^{l+1} * sigma'(z^l) with sigma'(z) = a (1 - a).
 */
final class Backprop {
  final double[][][] a;
  final double[][][] delta;
  /** u[l][e] = W^{l-1} a^{l-1} of example e without the bias (l = 1..L), kept only when measuring; else null */
  final double[][][] u;
  private final Layers net;
  private final double[][] example;
  private final double[][] exampleU;

  Backprop(Layers net, int m, boolean keepWeightedInputs) {
    this.net = net;
    a = new double[net.layers + 1][m][];
    delta = new double[net.layers][m][];
    u = keepWeightedInputs ? new double[net.layers + 1][m][] : null;
    for (int l = 0; l < net.layers; l++) {
      for (int e = 0; e < m; e++) {
        a[l + 1][e] = new double[net.padded[l + 1]];
        delta[l][e] = new double[net.padded[l + 1]];
        if (u != null) {
          u[l + 1][e] = new double[net.padded[l + 1]];
        }
      }
    }
    example = new double[net.layers + 1][];
    exampleU = u == null ? null : new double[net.layers + 1][];
  }

  /** Propagates every example of the batch forward and its error backward. */
  void run(Dataset data, Batch batch) {
    for (int e = 0; e < batch.count; e++) {
      for (int l = 1; l <= net.layers; l++) {
        example[l] = a[l][e];
        if (u != null) {
          exampleU[l] = u[l][e];
        }
      }
      net.forward(data, batch.ids[e], example, exampleU);
      backward(data.label(batch.ids[e]), e);
    }
  }

  private void backward(int label, int e) {
    int layers = net.layers;
    double[] d = delta[layers - 1][e];
    System.arraycopy(a[layers][e], 0, d, 0, net.sizes[layers]);
    d[label] -= 1.0;
    for (int l = layers - 1; l >= 1; l--) {
      double[] next = delta[l][e];
      double[] prev = delta[l - 1][e];
      double[] act = a[l][e];
      double[][] w = net.wT[l];
      int nOut = net.sizes[l + 1];
      for (int j = 0; j < net.sizes[l]; j++) {
        double s = 0;
        double[] row = w[j];
        for (int k = 0; k < nOut; k++) {
          s += row[k] * next[k];
        }
        prev[j] = s * act[j] * (1 - act[j]);
      }
    }
  }
}
