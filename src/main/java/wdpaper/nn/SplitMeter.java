package wdpaper.nn;

import wdpaper.data.Dataset;

/**
 * The decay/gradient split of each layer's change over an epoch. With a = 1 - eta*lambda/n and
 * w_{t+1} = a w_t - g_t (g_t = (eta/m) sum_x nablaW_x), the change over the epoch is exactly
 * D + G with D = (a - 1) sum_t w_t and G = -sum_t g_t; this meter keeps sum_t w_t per weight, and per step
 * ||w_t||^2 and ||g_t||, from which {@link #layer} reports the epoch's {@link LayerMetrics}.
 */
final class SplitMeter {
  private final Layers net;
  private final double decay;
  private final double eta;
  private final boolean gradients;
  /** sum_t w_t per weight of the epoch, input-major rows like the weights */
  private final double[][][] sumW;
  private final double[] normSqDecay;
  private final double[] stepDecaySum;
  private final double[] stepGradSum;
  private final double[] gramA;
  private final double[] gramD;
  private final double[] scratch;

  SplitMeter(Layers net, RunSpec spec, double decay) {
    this.net = net;
    this.decay = decay;
    this.eta = spec.eta();
    this.gradients = spec.gradients();
    int layers = net.layers;
    int m = spec.miniBatchSize();
    sumW = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      sumW[l] = new double[net.sizes[l]][net.sizes[l + 1]];
    }
    normSqDecay = new double[layers];
    stepDecaySum = new double[layers];
    stepGradSum = new double[layers];
    gramA = new double[m * m];
    gramD = new double[m * m];
    scratch = new double[net.sizes[0]];
  }

  /** Starts an epoch: every sum back to zero. */
  void startEpoch() {
    for (double[][] sl : sumW) {
      for (double[] row : sl) {
        java.util.Arrays.fill(row, 0);
      }
    }
    java.util.Arrays.fill(normSqDecay, 0);
    java.util.Arrays.fill(stepDecaySum, 0);
    java.util.Arrays.fill(stepGradSum, 0);
  }

  /**
   * Adds step t, before its update: w_t (every row current), ||w_t||^2 and ||g_t|| from the propagated batch.
   * Returns false if the weights stopped being finite.
   */
  boolean beforeStep(Dataset data, Batch batch, Backprop bp) {
    double step = eta / batch.count;
    for (int l = 0; l < net.layers; l++) {
      double[][] w = net.wT[l];
      int nOut = net.sizes[l + 1];
      double sq = 0;
      for (int j = 0; j < w.length; j++) {
        double[] row = w[j];
        double[] s = sumW[l][j];
        for (int k = 0; k < nOut; k++) {
          double wi = row[k];
          sq += wi * wi;
          s[k] += wi;
        }
      }
      if (!Double.isFinite(sq)) {
        return false;
      }
      normSqDecay[l] += (decay * decay - 1) * sq;
      stepDecaySum[l] += (1 - decay) * Math.sqrt(sq);
      if (gradients) {
        stepGradSum[l] += step * gradientNorm(data, batch, bp, l);
      }
    }
    return true;
  }

  /**
   * The epoch's metrics of layer l: w the weights now and start those at the start of the epoch (both as
   * {@link Layers#flatRows}), steps the number of steps taken; steps = 0 or no instrumentation gives the weight
   * statistics only.
   */
  LayerMetrics layer(int l, double[] w, double[] start, int steps, boolean instrumented) {
    double[] s = Layers.flat(sumW[l], net.sizes[l + 1]);
    double sum = 0;
    double sq = 0;
    double changeSq = 0;
    double decaySq = 0;
    double gradSq = 0;
    double startSq = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      sq += w[i] * w[i];
      double change = w[i] - start[i];
      double d = (decay - 1) * s[i];
      changeSq += change * change;
      decaySq += d * d;
      gradSq += (change - d) * (change - d);
      startSq += start[i] * start[i];
    }
    double count = w.length;
    double mean = sum / count;
    double variance = Math.max(0, sq / count - mean * mean);
    if (steps == 0 || !instrumented) {
      return new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), 0, 0, 0, 0, 0, 0, 0);
    }
    return new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), Math.sqrt(decaySq),
        Math.sqrt(gradSq), Math.sqrt(changeSq), normSqDecay[l], (sq - startSq) - normSqDecay[l],
        stepDecaySum[l] / steps, stepGradSum[l] / steps);
  }

  /**
   * Returns ||sum_x delta_x a_x^T||_F for layer l over the batch, via the Gram identity
   * ||sum_x delta_x a_x^T||^2 = sum_{x,x'} (delta_x . delta_x') (a_x . a_x').
   */
  private double gradientNorm(Dataset data, Batch batch, Backprop bp, int l) {
    int count = batch.count;
    for (int e = 0; e < count; e++) {
      for (int f = 0; f <= e; f++) {
        gramD[e * count + f] = dot(bp.delta[l][e], bp.delta[l][f], net.sizes[l + 1]);
      }
    }
    if (l == 0) {
      char[] idx = data.indexArray();
      for (int e = 0; e < count; e++) {
        int x = batch.ids[e];
        for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
          scratch[idx[p]] = data.value(p);
        }
        for (int f = 0; f <= e; f++) {
          int y = batch.ids[f];
          double s = 0;
          for (int p = data.nonZeroStart(y); p < data.nonZeroEnd(y); p++) {
            s += scratch[idx[p]] * data.value(p);
          }
          gramA[e * count + f] = s;
        }
        for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
          scratch[idx[p]] = 0;
        }
      }
    } else {
      for (int e = 0; e < count; e++) {
        for (int f = 0; f <= e; f++) {
          gramA[e * count + f] = dot(bp.a[l][e], bp.a[l][f], net.sizes[l]);
        }
      }
    }
    double total = 0;
    for (int e = 0; e < count; e++) {
      for (int f = 0; f < e; f++) {
        total += 2 * gramD[e * count + f] * gramA[e * count + f];
      }
      total += gramD[e * count + e] * gramA[e * count + e];
    }
    return Math.sqrt(Math.max(0, total));
  }

  private static double dot(double[] u, double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += u[i] * v[i];
    }
    return s;
  }
}
