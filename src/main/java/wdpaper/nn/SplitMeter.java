package wdpaper.nn;

import java.util.Arrays;

/**
 * The decay/gradient split of each layer's change over an epoch, measured cheaply alongside the update.
 *
 * <p>With a = 1 - eta*lambda/n and w_{t+1} = a w_t - g_t (g_t = (eta/m) sum_x nablaW_x), the change over the epoch
 * is exactly D + G with D = (a - 1) sum_t w_t and G = -sum_t g_t, and the change of ||w||^2 is exactly
 * sum_t [(a^2 - 1)||w_t||^2 - 2a w_t.g_t + ||g_t||^2] (decay, drift, diffusion). What is kept:
 * <ul>
 *   <li>sum_t g_t per weight, {@link #sumG}, added in the update kernel; g_t is zero on the first-layer rows no
 *       example of the batch uses, so lazily decayed rows need nothing. Then G = -sum_t g_t and D = change - G;
 *   <li>||g_t||^2 per step over the rows the step touches, lane by lane in the update kernel ({@link #gg}), reduced
 *       once per step ({@link #endLayer});
 *   <li>w_t.g_t per step without reading the weights: w_t.g_t = (eta/m) sum_x delta_x . (W_t a_x), and W_t a_x is
 *       the weighted input the forward pass already computed (kept without the bias, {@link Backprop#u});
 *   <li>||w_t||^2 per step by the exact recursion ||w_{t+1}||^2 = a^2 ||w_t||^2 - 2a w_t.g_t + ||g_t||^2, started
 *       from the exact ||w||^2 at the start of each epoch, so no step reads every weight.
 * </ul>
 */
final class SplitMeter {
  private final Layers net;
  private final double decay;
  /** sum_t g_t per weight of the epoch, rows like the weights (padded) */
  final double[][][] sumG;
  /** per lane, sum over the layer's touched rows of g_t g_t, for the current step */
  final double[] gg;
  /** ||w_t||^2 per layer, by the recursion */
  private final double[] normSq;
  private final double[] normSqDecay;
  private final double[] drift;
  private final double[] diffusion;
  private final double[] stepDecaySum;
  private final double[] stepGradSum;
  private final double[] relativeStepSum;

  SplitMeter(Layers net, double decay) {
    this.net = net;
    this.decay = decay;
    int layers = net.layers;
    sumG = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      sumG[l] = new double[net.sizes[l]][net.padded[l + 1]];
    }
    gg = new double[Arrays.stream(net.padded).max().orElseThrow()];
    normSq = new double[layers];
    normSqDecay = new double[layers];
    drift = new double[layers];
    diffusion = new double[layers];
    stepDecaySum = new double[layers];
    stepGradSum = new double[layers];
    relativeStepSum = new double[layers];
  }

  /** Starts an epoch (every row current): sums back to zero, ||w||^2 from the weights. */
  void startEpoch() {
    for (int l = 0; l < net.layers; l++) {
      for (double[] row : sumG[l]) {
        Arrays.fill(row, 0);
      }
      double sq = 0;
      for (double[] row : net.wT[l]) {
        for (int k = 0; k < net.sizes[l + 1]; k++) {
          sq += row[k] * row[k];
        }
      }
      normSq[l] = sq;
    }
    Arrays.fill(normSqDecay, 0);
    Arrays.fill(drift, 0);
    Arrays.fill(diffusion, 0);
    Arrays.fill(stepDecaySum, 0);
    Arrays.fill(stepGradSum, 0);
    Arrays.fill(relativeStepSum, 0);
  }

  /** Before a layer's update in a step: clears the lanes. */
  void beginLayer() {
    Arrays.fill(gg, 0);
  }

  /**
   * After layer l's update in a step (bp the propagated batch of {@code count} examples, step = eta/count, or
   * bp = null for pure decay): the step's terms. False if ||w|| is not finite.
   */
  boolean endLayer(int l, Backprop bp, int count, double step) {
    int len = net.padded[l + 1];
    double gSq = 0;
    for (int k = 0; k < len; k++) {
      gSq += gg[k];
    }
    double wDotG = 0;
    if (bp != null) {
      // w_t.g_t = step sum_x delta_x . (W_t a_x)
      int nOut = net.sizes[l + 1];
      for (int e = 0; e < count; e++) {
        double[] d = bp.delta[l][e];
        double[] u = bp.u[l + 1][e];
        double s = 0;
        for (int k = 0; k < nOut; k++) {
          s += d[k] * u[k];
        }
        wDotG += s;
      }
      wDotG *= step;
    }
    double n2 = normSq[l];
    if (!Double.isFinite(n2) || !Double.isFinite(gSq) || !Double.isFinite(wDotG)) {
      return false;
    }
    double stepDrift = -2 * decay * wDotG;
    normSqDecay[l] += (decay * decay - 1) * n2;
    drift[l] += stepDrift;
    diffusion[l] += gSq;
    double norm = Math.sqrt(n2);
    double gNorm = Math.sqrt(gSq);
    stepDecaySum[l] += (1 - decay) * norm;
    stepGradSum[l] += gNorm;
    relativeStepSum[l] += norm > 0 ? gNorm / norm : 0;
    normSq[l] = decay * decay * n2 + stepDrift + gSq;
    return true;
  }

  /** The weight statistics of a layer and its cosine to the initial weights, without a split (all 0). */
  static LayerMetrics statistics(double[] w, double[] init) {
    double sum = 0;
    double sq = 0;
    double initSq = 0;
    double initDot = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      sq += w[i] * w[i];
      initSq += init[i] * init[i];
      initDot += w[i] * init[i];
    }
    double count = w.length;
    double mean = sum / count;
    double variance = Math.max(0, sq / count - mean * mean);
    return new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), 0, 0, 0, 0, 0, 0, 0, 0,
        0, initDot / (Math.sqrt(sq) * Math.sqrt(initSq)), 0);
  }

  /**
   * The epoch's metrics of layer l (every row current): w the weights now, start those at the start of the epoch
   * and init those at initialization (all as {@link Layers#flatRows}), steps the number of steps taken (0 in epoch
   * 0, which gives the weight statistics and the cosine only).
   */
  LayerMetrics layer(int l, double[] w, double[] start, double[] init, int steps) {
    if (steps == 0) {
      return statistics(w, init);
    }
    double[] sg = Layers.flat(sumG[l], net.sizes[l + 1]);
    double sum = 0;
    double sq = 0;
    double changeSq = 0;
    double decaySq = 0;
    double gradSq = 0;
    double startSq = 0;
    double initSq = 0;
    double initDot = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i];
      sq += w[i] * w[i];
      double change = w[i] - start[i];
      // G = -sum_t g_t, D = change - G
      double d = change + sg[i];
      changeSq += change * change;
      decaySq += d * d;
      gradSq += sg[i] * sg[i];
      startSq += start[i] * start[i];
      initSq += init[i] * init[i];
      initDot += w[i] * init[i];
    }
    double count = w.length;
    double mean = sum / count;
    double variance = Math.max(0, sq / count - mean * mean);
    double cos = initDot / (Math.sqrt(sq) * Math.sqrt(initSq));
    return new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), Math.sqrt(decaySq),
        Math.sqrt(gradSq), Math.sqrt(changeSq), normSqDecay[l], (sq - startSq) - normSqDecay[l],
        stepDecaySum[l] / steps, stepGradSum[l] / steps, drift[l], diffusion[l], cos, relativeStepSum[l] / steps);
  }
}
