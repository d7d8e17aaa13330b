package wdpaper.nn;

import java.util.Arrays;

/**
 * The decay/gradient split of each layer's change over an epoch, measured cheaply alongside the update.
 *
 * <p>With a = 1 - eta*lambda/n and w_{t+1} = a w_t - g_t (g_t = (eta/m) sum_x nablaW_x), the change over the epoch
 * is exactly D + G with D = (a - 1) sum_t w_t and G = -sum_t g_t, and the change of ||w||^2 is exactly
 * sum_t [(a^2 - 1)||w_t||^2 - 2a w_t.g_t + ||g_t||^2] (decay, drift, diffusion). What is kept:
 * <ul>
 *   <li>sum_t w_t per weight, {@link #sumW}: a row the step updates adds its value before the update (in the update
 *       kernel); a first-layer row that sits out k steps (only decaying, lazily) adds w (1 + a + ... + a^{k-1}) once,
 *       when it is caught up, from a table of these geometric sums ({@link #caughtUp});
 *   <li>w_t.g_t and ||g_t||^2 per step, over the rows the step touches (g_t is zero on the others), accumulated lane
 *       by lane in the update kernel ({@link #wg}, {@link #gg}) and reduced once per step ({@link #endLayer});
 *   <li>||w_t||^2 per step by the exact recursion ||w_{t+1}||^2 = a^2 ||w_t||^2 - 2a w_t.g_t + ||g_t||^2, started
 *       from the exact ||w||^2 at the start of each epoch, so no step reads every weight.
 * </ul>
 */
final class SplitMeter {
  private final Layers net;
  private final double decay;
  /** sum_t w_t per weight of the epoch, rows like the weights (padded) */
  final double[][][] sumW;
  /** per lane, sum over the layer's touched rows of w_t g_t and of g_t g_t, for the current step */
  final double[] wg;
  final double[] gg;
  /** geometric[k] = 1 + a + ... + a^{k-1} */
  private final double[] geometric;
  /** ||w_t||^2 per layer, by the recursion */
  private final double[] normSq;
  private final double[] normSqDecay;
  private final double[] drift;
  private final double[] diffusion;
  private final double[] stepDecaySum;
  private final double[] stepGradSum;
  private final double[] relativeStepSum;

  /** maxLag is the most steps a row can sit out (the steps of one epoch). */
  SplitMeter(Layers net, double decay, int maxLag) {
    this.net = net;
    this.decay = decay;
    int layers = net.layers;
    sumW = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      sumW[l] = new double[net.sizes[l]][net.padded[l + 1]];
    }
    int widest = Arrays.stream(net.padded).max().orElseThrow();
    wg = new double[widest];
    gg = new double[widest];
    geometric = new double[maxLag + 1];
    double power = 1;
    for (int k = 1; k <= maxLag; k++) {
      geometric[k] = geometric[k - 1] + power;
      power *= decay;
    }
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
      for (double[] row : sumW[l]) {
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

  /**
   * First-layer row j, current before the last {@code lag} steps, sat them out: adds its weights during them,
   * w (1 + a + ... + a^{lag-1}), to the sums, and decays it by {@code factor} = a^lag.
   */
  void caughtUp(int j, int lag, double factor) {
    Kernel.addScaledAndScale(net.wT[0][j], geometric[lag], factor, net.padded[1], sumW[0][j]);
  }

  /** Before a layer's update in a step: clears the lanes. */
  void beginLayer() {
    Arrays.fill(wg, 0);
    Arrays.fill(gg, 0);
  }

  /** After layer l's update in a step: reduces the lanes into the step's terms. False if ||w|| is not finite. */
  boolean endLayer(int l) {
    int len = net.padded[l + 1];
    double wDotG = 0;
    double gSq = 0;
    for (int k = 0; k < len; k++) {
      wDotG += wg[k];
      gSq += gg[k];
    }
    double n2 = normSq[l];
    if (!Double.isFinite(n2) || !Double.isFinite(gSq)) {
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
    double[] s = Layers.flat(sumW[l], net.sizes[l + 1]);
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
      double d = (decay - 1) * s[i];
      changeSq += change * change;
      decaySq += d * d;
      gradSq += (change - d) * (change - d);
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
