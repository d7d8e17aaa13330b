package wdpaper.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import wdpaper.data.Dataset;

/**
 * The fast, instrumented trainer: the same mathematics as {@link ReferenceTrainer} (sigmoid network,
 * cross-entropy cost, mini-batch SGD with {@code w -> (1 - eta*lambda/n) w - (eta/m) sum_x nablaW_x}, no decay on
 * biases), organised for speed:
 * <ul>
 *   <li>weights are stored transposed as rows, {@code wT[l][j][k]} joins input j to neuron k, each row padded with
 *       zeros to a multiple of four, so the hot loops ({@code z = b + sum_j x_j wT[j]} and the update of a row)
 *       run element-wise over whole rows ({@link Kernel}), which the JIT compiles to vector instructions;
 *   <li>input pixels that are 0 (about 80% of MNIST) are skipped in the forward pass and in the update, and a
 *       first-layer row that no example of the mini-batch uses is decayed lazily: when it is next used (or at the
 *       end of the epoch) it is multiplied once by decay^k, k the steps it missed, from a table built by repeated
 *       multiplication (the same number up to rounding as k multiplications);
 *   <li>the whole mini-batch is propagated before any weight changes; then each row of each layer is updated once,
 *       {@code wT[j] = decay wT[j] - (eta/m) sum_x a_x[j] delta_x}, the sum over the examples whose input j is
 *       non-zero, in example order exactly as {@link ReferenceTrainer} accumulates nablaW.
 * </ul>
 * Single-threaded and seeded: the same config gives bit-identical results every time. Progress goes to an
 * optional {@link Listener}; nothing is printed.
 */
public final class Trainer {
  /** Called after each epoch (and once for epoch 0). */
  public interface Listener {
    void onEpoch(int epoch, int epochs, EpochMetrics metrics);
  }

  /** Above this weight RMS a run counts as blown up. */
  static final double BLOW_UP_RMS = 1e6;
  /** A hidden neuron counts as saturated when |z| is above this (sigma'(4) = 0.018); claims read it from here. */
  public static final double SATURATION_Z = 4.0;
  static final double HIST_LOW = -6.0;
  static final double HIST_HIGH = 1.0;
  static final int HIST_BINS = 56;

  private final TrainingConfig cfg;
  private final int[] sizes;
  /** sizes rounded up to a multiple of {@link Kernel#LANES}: the stored length of every row of neuron values */
  private final int[] padded;
  private final int layers;
  private final double[][][] wT;
  private final double[][] b;
  private final int n;
  private final double decay;
  // work arrays for one mini-batch: activations[l][e] (l = 1..layers) and delta[l][e] (l = 0..layers-1)
  private final double[][][] activations;
  private final double[][][] delta;
  private final double[][] nablaB;
  // the mini-batch's non-zero inputs grouped by pixel: for pixel j, entries [pixelStart[j], pixelStart[j+1]) of
  // pixelExample (which example) and pixelValue (its value), in example order
  private final int[] pixelStart;
  private final int[] pixelExample;
  private final double[] pixelValue;
  private final int[] identity;
  private final double[] column;
  private final double[] gradientRow;
  // lazy decay of first-layer rows: row j holds its value after lastDecayed[j] steps; decayPower[k] = decay^k
  private final int[] lastDecayed;
  private final double[] decayPower;
  private int stepCount;
  // instrumentation, per layer
  private final double[][][] sumW;
  private final double[] normSqDecay;
  private final double[] stepDecaySum;
  private final double[] stepGradSum;
  private final double[] gramA;
  private final double[] gramD;
  private final double[] scratch;

  private Trainer(TrainingConfig cfg, int n) {
    this.cfg = cfg;
    this.sizes = cfg.sizes();
    this.layers = sizes.length - 1;
    this.padded = new int[sizes.length];
    for (int l = 0; l < sizes.length; l++) {
      padded[l] = Kernel.padded(sizes[l]);
    }
    this.n = n;
    this.decay = 1 - cfg.eta() * cfg.lambda() / n;
    Network net = Network.initialize(sizes, cfg.init(), cfg.seed());
    wT = new double[layers][][];
    b = new double[layers][];
    for (int l = 0; l < layers; l++) {
      wT[l] = rows(transpose(net.w[l], sizes[l + 1], sizes[l]), sizes[l], sizes[l + 1], padded[l + 1]);
      b[l] = java.util.Arrays.copyOf(net.b[l], padded[l + 1]);
    }
    int m = cfg.miniBatchSize();
    activations = new double[layers + 1][m][];
    delta = new double[layers][m][];
    nablaB = new double[layers][];
    sumW = new double[layers][][];
    for (int l = 0; l < layers; l++) {
      for (int e = 0; e < m; e++) {
        activations[l + 1][e] = new double[padded[l + 1]];
        delta[l][e] = new double[padded[l + 1]];
      }
      nablaB[l] = new double[sizes[l + 1]];
      sumW[l] = new double[sizes[l]][sizes[l + 1]];
    }
    normSqDecay = new double[layers];
    stepDecaySum = new double[layers];
    stepGradSum = new double[layers];
    pixelStart = new int[sizes[0] + 2];
    pixelExample = new int[m * sizes[0]];
    pixelValue = new double[m * sizes[0]];
    int widest = 0;
    for (int size : sizes) {
      widest = Math.max(widest, size);
    }
    identity = new int[Math.max(widest, m)];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    column = new double[m];
    gradientRow = new double[Kernel.padded(widest)];
    lastDecayed = new int[sizes[0]];
    decayPower = new double[(n + m - 1) / m + 1];
    decayPower[0] = 1;
    for (int k = 1; k < decayPower.length; k++) {
      decayPower[k] = decayPower[k - 1] * decay;
    }
    gramA = new double[m * m];
    gramD = new double[m * m];
    scratch = new double[sizes[0]];
  }

  /** Trains as {@code cfg} says on {@code training}, measuring on {@code validation}, and returns the metrics. */
  public static TrainingResult train(TrainingConfig cfg, Dataset training, Dataset validation, Dataset test,
      Listener listener) {
    return new Trainer(cfg, training.size()).run(training, validation, test, listener);
  }

  /** Trains and returns the final parameters (used to check this trainer against the reference). */
  public static Network trainNetwork(TrainingConfig cfg, Dataset training) {
    Trainer t = new Trainer(cfg, training.size());
    int[] order = Shuffle.identity(training.size());
    Random rng = Shuffle.rng(cfg.seed());
    for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      t.epoch(training, order, null, epoch);
    }
    return t.network();
  }

  private TrainingResult run(Dataset training, Dataset validation, Dataset test, Listener listener) {
    List<EpochMetrics> epochs = new ArrayList<>();
    List<TrainingResult.Snapshot> snapshots = new ArrayList<>();
    List<TrainingResult.Histogram> histograms = new ArrayList<>();
    int[] order = Shuffle.identity(n);
    Random rng = Shuffle.rng(cfg.seed());
    double[][] start = copyWeights();
    EpochMetrics m0 = measure(0, training, validation, start, 0);
    epochs.add(m0);
    histograms(0, histograms);
    if (listener != null) {
      listener.onEpoch(0, cfg.epochs(), m0);
    }
    for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      for (double[][] sl : sumW) {
        for (double[] row : sl) {
          java.util.Arrays.fill(row, 0);
        }
      }
      java.util.Arrays.fill(normSqDecay, 0);
      java.util.Arrays.fill(stepDecaySum, 0);
      java.util.Arrays.fill(stepGradSum, 0);
      int steps = epoch(training, order, snapshots, epoch);
      if (steps < 0) {
        return new TrainingResult(TrainingResult.DIVERGED, epoch, epochs, snapshots, histograms, Double.NaN);
      }
      EpochMetrics me = measure(epoch, training, validation, start, steps);
      if (diverged(me)) {
        return new TrainingResult(TrainingResult.DIVERGED, epoch, epochs, snapshots, histograms, Double.NaN);
      }
      epochs.add(me);
      histograms(epoch, histograms);
      start = copyWeights();
      if (listener != null) {
        listener.onEpoch(epoch, cfg.epochs(), me);
      }
    }
    double testAccuracy = evaluate(test, test.size(), null, 0)[0];
    return new TrainingResult(TrainingResult.OK, 0, epochs, snapshots, histograms, testAccuracy);
  }

  /** Runs one epoch in the order given; returns the number of steps, or -1 if the weights stopped being finite. */
  private int epoch(Dataset data, int[] order, List<TrainingResult.Snapshot> snapshots, int epoch) {
    int m = cfg.miniBatchSize();
    int steps = (n + m - 1) / m;
    int every = cfg.snapshotsPerEpoch() > 0 ? Math.max(1, steps / cfg.snapshotsPerEpoch()) : 0;
    for (int s = 0; s < steps; s++) {
      int from = s * m;
      int count = Math.min(m, n - from);
      if (!step(data, order, from, count)) {
        return -1;
      }
      if (snapshots != null && every > 0 && (s + 1) % every == 0 && s + 1 < steps) {
        catchUpAll();
        snapshots.add(new TrainingResult.Snapshot(epoch - 1 + (s + 1) / (double) steps, rms()));
      }
    }
    catchUpAll();
    return steps;
  }

  /** Brings first-layer row j up to date with the decay of the steps it missed. */
  private void catchUp(int j) {
    int lag = stepCount - lastDecayed[j];
    if (lag > 0) {
      Kernel.scale(wT[0][j], decayPower[lag], padded[1]);
      lastDecayed[j] = stepCount;
    }
  }

  private void catchUpAll() {
    for (int j = 0; j < sizes[0]; j++) {
      catchUp(j);
    }
  }

  /** One SGD step on examples order[from..from+count); returns false if the weights stopped being finite. */
  private boolean step(Dataset data, int[] order, int from, int count) {
    boolean instrument = cfg.instrument();
    if (instrument) {
      catchUpAll();
    }
    if (cfg.gradients()) {
      groupByPixel(data, order, from, count);
      for (int j = 0; j < sizes[0]; j++) {
        if (pixelStart[j] < pixelStart[j + 1]) {
          catchUp(j);
        }
      }
      for (int e = 0; e < count; e++) {
        forward(data, order[from + e], e);
        backward(data.label(order[from + e]), e);
      }
    }
    double step = cfg.eta() / count;
    for (int l = 0; l < layers; l++) {
      double[][] w = wT[l];
      int nOut = sizes[l + 1];
      int len = padded[l + 1];
      if (instrument) {
        // sum_t w_t and ||w_t||^2 (before this step) for the decay/gradient split
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
        if (cfg.gradients()) {
          stepGradSum[l] += step * gradientNorm(data, order, from, count, l);
        }
      }
      if (!cfg.gradients()) {
        // w = (1 - eta*lambda/n) w (the first layer lazily, see catchUp)
        if (l > 0) {
          for (double[] row : w) {
            Kernel.scale(row, decay, len);
          }
        }
        continue;
      }
      // w = (1 - eta*lambda/n) w - (eta/m) sum_x delta_x a_x^T, one input (row) at a time
      if (l == 0) {
        // rows no example uses are only decayed, and that waits until they are next used (catchUp)
        for (int j = 0; j < w.length; j++) {
          if (pixelStart[j] < pixelStart[j + 1]) {
            Kernel.decayAndSubtract(w[j], decay, step, delta[0], pixelExample, pixelValue, pixelStart[j],
                pixelStart[j + 1], len, gradientRow);
            lastDecayed[j] = stepCount + 1;
          }
        }
      } else {
        for (int j = 0; j < w.length; j++) {
          for (int e = 0; e < count; e++) {
            column[e] = activations[l][e][j];
          }
          Kernel.decayAndSubtract(w[j], decay, step, delta[l], identity, column, 0, count, len, gradientRow);
        }
      }
      // b = b - (eta/m) sum_x delta_x
      double[] nb = nablaB[l];
      java.util.Arrays.fill(nb, 0);
      for (int e = 0; e < count; e++) {
        double[] d = delta[l][e];
        for (int k = 0; k < nOut; k++) {
          nb[k] += d[k];
        }
      }
      for (int k = 0; k < nOut; k++) {
        b[l][k] = b[l][k] - step * nb[k];
      }
    }
    stepCount++;
    return true;
  }

  /** Groups the non-zero inputs of examples order[from..from+count) by pixel (a counting sort, example order kept). */
  private void groupByPixel(Dataset data, int[] order, int from, int count) {
    int[] idx = data.indexArray();
    double[] val = data.valueArray();
    java.util.Arrays.fill(pixelStart, 0);
    for (int e = 0; e < count; e++) {
      int x = order[from + e];
      for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
        pixelStart[idx[p] + 2]++;
      }
    }
    for (int j = 2; j < pixelStart.length; j++) {
      pixelStart[j] += pixelStart[j - 1];
    }
    // pixelStart[j + 1] is now where pixel j's entries start; fill them, moving it to where they end
    for (int e = 0; e < count; e++) {
      int x = order[from + e];
      for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
        int slot = pixelStart[idx[p] + 1]++;
        pixelExample[slot] = e;
        pixelValue[slot] = val[p];
      }
    }
  }

  /** Feeds example x forward, leaving a^l in activations[l][e]. */
  private void forward(Dataset data, int x, int e) {
    // layer 0: z = b + W x over the non-zero pixels of x
    double[] z = activations[1][e];
    Kernel.affine(z, b[0], wT[0], data.indexArray(), data.valueArray(), data.nonZeroStart(x), data.nonZeroEnd(x),
        padded[1]);
    sigmoidInPlace(z, sizes[1]);
    for (int l = 1; l < layers; l++) {
      denseLayer(l, activations[l][e], activations[l + 1][e]);
      sigmoidInPlace(activations[l + 1][e], sizes[l + 1]);
    }
  }

  /** z = b + W a for dense input a (layer l >= 1), written into out. */
  private void denseLayer(int l, double[] a, double[] out) {
    Kernel.affine(out, b[l], wT[l], identity, a, 0, sizes[l], padded[l + 1]);
  }

  /** z = sigma(z) over the first n entries (the padding stays 0). */
  private static void sigmoidInPlace(double[] z, int n) {
    for (int k = 0; k < n; k++) {
      z[k] = Sigmoid.of(z[k]);
    }
  }

  /** Backpropagates the error of example e: delta^L = a^L - y, delta^l = (W^{l+1})^T delta^{l+1} * a(1-a). */
  private void backward(int label, int e) {
    double[] out = activations[layers][e];
    double[] d = delta[layers - 1][e];
    System.arraycopy(out, 0, d, 0, sizes[layers]);
    d[label] -= 1.0;
    for (int l = layers - 1; l >= 1; l--) {
      double[] next = delta[l][e];
      double[] prev = delta[l - 1][e];
      double[] a = activations[l][e];
      double[][] w = wT[l];
      int nOut = sizes[l + 1];
      for (int j = 0; j < sizes[l]; j++) {
        double s = 0;
        double[] row = w[j];
        for (int k = 0; k < nOut; k++) {
          s += row[k] * next[k];
        }
        prev[j] = s * a[j] * (1 - a[j]);
      }
    }
  }

  /**
   * Returns ||sum_x delta_x a_x^T||_F for layer l over the current batch, via the Gram identity
   * ||sum_x delta_x a_x^T||^2 = sum_{x,x'} (delta_x . delta_x') (a_x . a_x').
   */
  private double gradientNorm(Dataset data, int[] order, int from, int count, int l) {
    for (int e = 0; e < count; e++) {
      for (int f = 0; f <= e; f++) {
        gramD[e * count + f] = dot(delta[l][e], delta[l][f], sizes[l + 1]);
      }
    }
    if (l == 0) {
      int[] idx = data.indexArray();
      double[] val = data.valueArray();
      for (int e = 0; e < count; e++) {
        int x = order[from + e];
        for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
          scratch[idx[p]] = val[p];
        }
        for (int f = 0; f <= e; f++) {
          int y = order[from + f];
          double s = 0;
          for (int p = data.nonZeroStart(y); p < data.nonZeroEnd(y); p++) {
            s += scratch[idx[p]] * val[p];
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
          gramA[e * count + f] = dot(activations[l][e], activations[l][f], sizes[l]);
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

  private boolean diverged(EpochMetrics m) {
    if (!Double.isFinite(m.validationCost()) || !Double.isFinite(m.trainingCost())) {
      return true;
    }
    for (LayerMetrics lm : m.layers()) {
      if (!Double.isFinite(lm.rms()) || lm.rms() > BLOW_UP_RMS) {
        return true;
      }
    }
    return false;
  }

  private EpochMetrics measure(int epoch, Dataset training, Dataset validation, double[][] start, int steps) {
    double[] sat = new double[2];
    double[] val = evaluate(validation, validation.size(), sat, cfg.saturationSample());
    double[] train = evaluate(training, Math.min(cfg.monitorSample(), training.size()), null, 0);
    List<LayerMetrics> lm = new ArrayList<>();
    double sumSq = 0;
    for (int l = 0; l < layers; l++) {
      double[] w = flat(wT[l], sizes[l + 1]);
      double[] s = flat(sumW[l], sizes[l + 1]);
      double sum = 0;
      double sq = 0;
      double changeSq = 0;
      double decaySq = 0;
      double gradSq = 0;
      double startSq = 0;
      for (int i = 0; i < w.length; i++) {
        sum += w[i];
        sq += w[i] * w[i];
        double change = w[i] - start[l][i];
        double d = (decay - 1) * s[i];
        changeSq += change * change;
        decaySq += d * d;
        gradSq += (change - d) * (change - d);
        startSq += start[l][i] * start[l][i];
      }
      sumSq += sq;
      double count = w.length;
      double mean = sum / count;
      double variance = Math.max(0, sq / count - mean * mean);
      if (steps == 0 || !cfg.instrument()) {
        lm.add(new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), 0, 0, 0, 0, 0, 0, 0));
      } else {
        lm.add(new LayerMetrics(Math.sqrt(sq / count), mean, Math.sqrt(variance), Math.sqrt(sq), Math.sqrt(decaySq),
            Math.sqrt(gradSq), Math.sqrt(changeSq), normSqDecay[l], (sq - startSq) - normSqDecay[l],
            stepDecaySum[l] / steps, stepGradSum[l] / steps));
      }
    }
    double l2 = cfg.lambda() / (2.0 * n) * sumSq;
    return new EpochMetrics(epoch, val[0], val[1], train[1], train[1] + l2, sat[0], sat[1], List.copyOf(lm));
  }

  /**
   * Returns {accuracy, mean cross-entropy cost} over the first {@code count} examples of {@code data}; if
   * {@code saturation} is given, fills it with {fraction of hidden |z| > 4, mean sigma'(z)} over the first
   * {@code saturationCount} of them.
   */
  private double[] evaluate(Dataset data, int count, double[] saturation, int saturationCount) {
    int correct = 0;
    double cost = 0;
    long saturated = 0;
    long hidden = 0;
    double sigmaPrime = 0;
    double[][] z = new double[layers + 1][];
    double[][] a = new double[layers + 1][];
    for (int l = 1; l <= layers; l++) {
      z[l] = new double[padded[l]];
      a[l] = new double[padded[l]];
    }
    for (int x = 0; x < count; x++) {
      Kernel.affine(z[1], b[0], wT[0], data.indexArray(), data.valueArray(), data.nonZeroStart(x),
          data.nonZeroEnd(x), padded[1]);
      for (int l = 1; l <= layers; l++) {
        if (l < layers) {
          if (saturation != null && x < saturationCount) {
            for (int k = 0; k < sizes[l]; k++) {
              double zk = z[l][k];
              if (Math.abs(zk) > SATURATION_Z) {
                saturated++;
              }
              double s = Sigmoid.of(zk);
              sigmaPrime += s * (1 - s);
              hidden++;
            }
          }
          System.arraycopy(z[l], 0, a[l], 0, sizes[l]);
          sigmoidInPlace(a[l], sizes[l]);
          denseLayer(l, a[l], z[l + 1]);
        }
      }
      double[] out = z[layers];
      int label = data.label(x);
      int best = 0;
      for (int k = 0; k < sizes[layers]; k++) {
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

  private void histograms(int epoch, List<TrainingResult.Histogram> out) {
    for (int e : cfg.histogramEpochs()) {
      if (e != epoch) {
        continue;
      }
      for (int l = 0; l < layers; l++) {
        long[] counts = new long[HIST_BINS];
        double width = (HIST_HIGH - HIST_LOW) / HIST_BINS;
        for (double w : flat(wT[l], sizes[l + 1])) {
          double v = Math.log10(Math.abs(w));
          int bin = (int) Math.floor((v - HIST_LOW) / width);
          counts[Math.max(0, Math.min(HIST_BINS - 1, bin))]++;
        }
        out.add(new TrainingResult.Histogram(epoch, l, HIST_LOW, HIST_HIGH, counts));
      }
    }
  }

  private double[] rms() {
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

  private double[][] copyWeights() {
    double[][] c = new double[layers][];
    for (int l = 0; l < layers; l++) {
      c[l] = flat(wT[l], sizes[l + 1]);
    }
    return c;
  }

  /** The current parameters in the {@link Network} (row-major) layout. */
  private Network network() {
    double[][] w = new double[layers][];
    double[][] bb = new double[layers][];
    for (int l = 0; l < layers; l++) {
      w[l] = transpose(flat(wT[l], sizes[l + 1]), sizes[l], sizes[l + 1]);
      bb[l] = java.util.Arrays.copyOf(b[l], sizes[l + 1]);
    }
    return new Network(sizes, w, bb);
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
