package wdpaper.nn;

import java.util.List;
import wdpaper.data.Dataset;

/**
 * What is measured on the current weights without changing them: accuracy and cross-entropy cost on a dataset,
 * the saturation of the hidden neurons, and histograms of log10|w|.
 */
final class Evaluator {
  static final double HIST_LOW = -6.0;
  static final double HIST_HIGH = 1.0;
  static final int HIST_BINS = 56;

  private final Layers net;
  private final double[][] z;
  private final double[][] a;

  Evaluator(Layers net) {
    this.net = net;
    z = new double[net.layers + 1][];
    a = new double[net.layers + 1][];
    for (int l = 1; l <= net.layers; l++) {
      z[l] = new double[net.padded[l]];
      a[l] = new double[net.padded[l]];
    }
  }

  /**
   * Returns {accuracy, mean cross-entropy cost} over the first {@code count} examples of {@code data}; if
   * {@code saturation} is given, fills it with {fraction of hidden |z| &gt; {@link RunSpec#SATURATION_Z},
   * mean sigma'(z)} over the first {@code saturationCount} of them.
   */
  double[] evaluate(Dataset data, int count, double[] saturation, int saturationCount) {
    int layers = net.layers;
    int correct = 0;
    double cost = 0;
    long saturated = 0;
    long hidden = 0;
    double sigmaPrime = 0;
    for (int x = 0; x < count; x++) {
      net.firstLayer(data, x, z[1]);
      for (int l = 1; l < layers; l++) {
        if (saturation != null && x < saturationCount) {
          for (int k = 0; k < net.sizes[l]; k++) {
            double zk = z[l][k];
            if (Math.abs(zk) > RunSpec.SATURATION_Z) {
              saturated++;
            }
            double s = Sigmoid.of(zk);
            sigmaPrime += s * (1 - s);
            hidden++;
          }
        }
        System.arraycopy(z[l], 0, a[l], 0, net.sizes[l]);
        Layers.sigmoidInPlace(a[l], net.sizes[l]);
        net.denseLayer(l, a[l], z[l + 1]);
      }
      double[] out = z[layers];
      int label = data.label(x);
      int best = 0;
      for (int k = 0; k < net.sizes[layers]; k++) {
        cost += Sigmoid.crossEntropy(out[k], k == label ? 1.0 : 0.0);
        if (out[k] > out[best]) {
          best = k;
        }
      }
      if (best == label) {
        correct++;
      }
    }
    if (saturation != null) {
      saturation[0] = hidden == 0 ? 0 : saturated / (double) hidden;
      saturation[1] = hidden == 0 ? 0 : sigmaPrime / hidden;
    }
    return new double[] {correct / (double) count, cost / count};
  }

  /** Adds a histogram of log10|w| per layer to {@code out}, labelled with {@code epoch}. */
  void histograms(int epoch, List<TrainingResult.Histogram> out) {
    for (int l = 0; l < net.layers; l++) {
      long[] counts = new long[HIST_BINS];
      double width = (HIST_HIGH - HIST_LOW) / HIST_BINS;
      for (double w : net.flatRows(l)) {
        double v = Math.log10(Math.abs(w));
        int bin = (int) Math.floor((v - HIST_LOW) / width);
        counts[Math.max(0, Math.min(HIST_BINS - 1, bin))]++;
      }
      out.add(new TrainingResult.Histogram(epoch, l, HIST_LOW, HIST_HIGH, counts));
    }
  }
}
