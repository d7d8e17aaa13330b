package wdpaper.nn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import wdpaper.data.Dataset;

/**
 * What is measured on the current weights without changing them: accuracy and cross-entropy cost on a dataset,
 * the saturation of the hidden neurons, histograms of log10|w| and the singular values of each weight matrix.
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

  /** Returns {accuracy, mean cross-entropy cost} over the first {@code count} examples of {@code data}. */
  double[] evaluate(Dataset data, int count) {
    return evaluate(data, count, null, 0);
  }

  /**
   * As {@link #evaluate(Dataset, int)}, and, from the same forward pass, adds the first {@code saturationCount}
   * examples (at most {@code count}) to {@code saturation}: the validation images are measured once per epoch, not
   * once for the accuracy and again for the saturation.
   */
  double[] evaluate(Dataset data, int count, SaturationCounter saturation, int saturationCount) {
    int layers = net.layers;
    int correct = 0;
    double cost = 0;
    for (int x = 0; x < count; x++) {
      forward(data, x);
      if (x < saturationCount) {
        saturation.add(z);
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
    return new double[] {correct / (double) count, cost / count};
  }

  /** z[l] = the weighted inputs of layer l (1..L) for example x; a[l] = sigma(z[l]) for the hidden layers. */
  private void forward(Dataset data, int x) {
    net.firstLayer(data, x, z[1]);
    for (int l = 1; l < net.layers; l++) {
      System.arraycopy(z[l], 0, a[l], 0, net.sizes[l]);
      Layers.sigmoidInPlace(a[l], net.sizes[l]);
      net.denseLayer(l, a[l], z[l + 1]);
    }
  }

  /** Saturation of the hidden layers over a sample of images, see {@link SaturationCounter}. */
  record SaturationResult(double saturatedFraction, double meanSigmaPrime, List<EpochMetrics.Saturation> layers) {}

  /** A counter for this network's hidden layers. */
  SaturationCounter saturationCounter(List<Double> thresholds) {
    return new SaturationCounter(net, thresholds);
  }

  /**
   * Over the images added (their weighted inputs z, one image at a time): the fraction of (hidden neuron, image)
   * pairs with |z| &gt; {@link RunSpec#SATURATION_Z} and the mean sigma'(z) over all hidden layers, and per hidden
   * layer, for each threshold T, the fraction of pairs and, per neuron, the fraction of images with |z| &gt; T.
   */
  static final class SaturationCounter {
    private final Layers net;
    private final List<Double> thresholds;
    private final int hiddenLayers;
    private final double[] limit;
    private final long[][][] over;
    private long saturated;
    private long pairs;
    private double sigmaPrime;

    private SaturationCounter(Layers net, List<Double> thresholds) {
      this.net = net;
      this.thresholds = thresholds;
      hiddenLayers = net.layers - 1;
      int t = thresholds.size();
      over = new long[hiddenLayers][t][];
      for (int h = 0; h < hiddenLayers; h++) {
        for (int i = 0; i < t; i++) {
          over[h][i] = new long[net.sizes[h + 1]];
        }
      }
      limit = thresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Adds one image: z[l] = the weighted inputs of layer l. */
    void add(double[][] z) {
      int t = limit.length;
      for (int h = 0; h < hiddenLayers; h++) {
        double[] zl = z[h + 1];
        for (int k = 0; k < net.sizes[h + 1]; k++) {
          double abs = Math.abs(zl[k]);
          if (abs > RunSpec.SATURATION_Z) {
            saturated++;
          }
          for (int i = 0; i < t; i++) {
            if (abs > limit[i]) {
              over[h][i][k]++;
            }
          }
          double s = Sigmoid.of(zl[k]);
          sigmaPrime += s * (1 - s);
          pairs++;
        }
      }
    }

    /** The result over the {@code count} images added. */
    SaturationResult result(int count) {
      int t = limit.length;
      List<EpochMetrics.Saturation> layers = new java.util.ArrayList<>();
      for (int h = 0; h < hiddenLayers; h++) {
        double[] fraction = new double[t];
        double[][] neuron = new double[t][net.sizes[h + 1]];
        for (int i = 0; i < t; i++) {
          long total = 0;
          for (int k = 0; k < neuron[i].length; k++) {
            total += over[h][i][k];
            neuron[i][k] = count == 0 ? 0 : over[h][i][k] / (double) count;
          }
          fraction[i] = count == 0 ? 0 : total / ((double) count * neuron[i].length);
        }
        layers.add(new EpochMetrics.Saturation(h, count, thresholds, fraction, neuron));
      }
      return new SaturationResult(pairs == 0 ? 0 : saturated / (double) pairs, pairs == 0 ? 0 : sigmaPrime / pairs,
          List.copyOf(layers));
    }
  }

  /** Adds the singular values of each layer's weight matrix (largest first) to {@code out}, at {@code epoch}. */
  void spectra(int epoch, List<TrainingResult.Spectrum> out) {
    for (int l = 0; l < net.layers; l++) {
      DMatrixRMaj w = DMatrixRMaj.wrap(net.sizes[l + 1], net.sizes[l], net.weights(l));
      double[] sv = SingularOps_DDRM.singularValues(w);
      Arrays.sort(sv);
      for (int i = 0, j = sv.length - 1; i < j; i++, j--) {
        double t = sv[i];
        sv[i] = sv[j];
        sv[j] = t;
      }
      out.add(new TrainingResult.Spectrum(epoch, l, sv));
    }
  }

  /** Adds a histogram of log10|w| per layer to {@code out}, labelled with {@code epoch}. */
  void histograms(int epoch, List<TrainingResult.Histogram> out) {
    for (int l = 0; l < net.layers; l++) {
      long[] counts = new long[HIST_BINS];
      double width = (HIST_HIGH - HIST_LOW) / HIST_BINS;
      for (double w : net.flatRows(l)) {
        double v = StrictMath.log10(Math.abs(w));
        int bin = (int) Math.floor((v - HIST_LOW) / width);
        counts[Math.max(0, Math.min(HIST_BINS - 1, bin))]++;
      }
      out.add(new TrainingResult.Histogram(epoch, l, HIST_LOW, HIST_HIGH, counts));
    }
  }
}
