package wdpaper.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import wdpaper.data.Dataset;

/**
 * The fast, instrumented trainer: the same mathematics as {@link ReferenceTrainer} (sigmoid network,
 * cross-entropy cost, mini-batch SGD with {@code w -> (1 - eta*lambda/n) w - (eta/m) sum_x nablaW_x}, no decay on
 * biases), organised for speed and split by job:
 * <ul>
 *   <li>{@link Layers}: the weights as padded rows of W^T and the forward pass over non-zero inputs;
 *   <li>{@link Batch}: a mini-batch, its non-zero inputs grouped by input;
 *   <li>{@link Backprop}: forward and backward pass of the whole batch before any weight changes;
 *   <li>{@link SgdStep}: the update, one row at a time, with lazy decay of unused first-layer rows;
 *   <li>{@link SplitMeter}: the decay/gradient split of the change over an epoch (when instrumented);
 *   <li>{@link Evaluator}: accuracy, cost, saturation, histograms;
 *   <li>this class: the epoch loop and the result.
 * </ul>
 * Single-threaded and seeded: the same spec gives bit-identical results every time. Progress goes to an
 * optional {@link Listener}; nothing is printed.
 */
public final class Trainer {
  /** Called after each epoch (and once for epoch 0). */
  public interface Listener {
    void onEpoch(int epoch, int epochs, EpochMetrics metrics);
  }

  /** Above this weight RMS a run counts as blown up. */
  static final double BLOW_UP_RMS = 1e6;

  private final RunSpec spec;
  private final int n;
  private final Layers net;
  private final Batch batch;
  private final Backprop backprop;
  private final SgdStep sgd;
  private final SplitMeter split;
  private final Evaluator evaluator;
  /** the training set in this epoch's shuffled order, one contiguous block (reused every epoch) */
  private Dataset shuffled;

  private Trainer(RunSpec spec, Dataset training, int n) {
    if (training.inputs() != spec.sizes().get(0)) {
      throw new IllegalArgumentException("the data has " + training.inputs() + " inputs, the network "
          + spec.sizes().get(0));
    }
    this.spec = spec;
    this.n = n;
    net = new Layers(Network.initialize(spec.layerSizes(), spec.initKind(), spec.seed()));
    batch = new Batch(net.sizes[0], spec.miniBatchSize());
    backprop = new Backprop(net, spec.miniBatchSize(), spec.instrument());
    sgd = new SgdStep(net, spec, n);
    split = spec.instrument() ? new SplitMeter(net, sgd.decay) : null;
    if (split != null) {
      sgd.measureWith(split);
    }
    evaluator = new Evaluator(net);
  }

  /**
   * Trains as {@code spec} says on {@code training} (its size is n), measuring on {@code validation} after each
   * epoch and on all of {@code test} after the last, and returns the metrics. The caller selects the data (the first
   * {@code spec.trainingSetSize()}, {@code validationSetSize()}, {@code testSetSize()} images); the spec's other
   * settings are read here.
   */
  public static TrainingResult train(RunSpec spec, Dataset training, Dataset validation, Dataset test,
      Listener listener) {
    return new Trainer(spec, training, training.size()).run(training, validation, test, listener);
  }

  /**
   * As {@link #train(RunSpec, Dataset, Dataset, Dataset, Listener)} on a training set of {@code n} examples of
   * which {@code training} holds the ones read: all n when the spec has gradients; with the gradient term off (pure
   * decay) no example is trained on and only the first {@code spec.monitorSample()} are read (the training cost),
   * so those are enough. Same result as passing all n.
   */
  public static TrainingResult train(RunSpec spec, int n, Dataset training, Dataset validation, Dataset test,
      Listener listener) {
    int read = examplesRead(spec, n);
    if (training.size() != n && training.size() != read) {
      throw new IllegalArgumentException("a training set of " + n + " examples needs the first " + read
          + " of them, was given " + training.size());
    }
    return new Trainer(spec, training, n).run(training, validation, test, listener);
  }

  /**
   * How many of the first of {@code n} training examples a run of {@code spec} reads: all n with gradients; with the
   * gradient term off (pure decay), only the training cost's sample.
   */
  public static int examplesRead(RunSpec spec, int n) {
    return spec.gradients() ? n : Math.min(n, spec.monitorSample());
  }

  /** Trains and returns the final parameters (used to check this trainer against the reference). */
  public static Network trainNetwork(RunSpec spec, Dataset training) {
    Trainer t = new Trainer(spec, training, training.size());
    int[] order = Shuffle.identity(training.size());
    Random rng = Shuffle.rng(spec.seed());
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      t.epoch(training, order, null, epoch);
    }
    return t.net.network();
  }

  private TrainingResult run(Dataset training, Dataset validation, Dataset test, Listener listener) {
    List<EpochMetrics> epochs = new ArrayList<>();
    List<TrainingResult.Snapshot> snapshots = new ArrayList<>();
    List<TrainingResult.Histogram> histograms = new ArrayList<>();
    List<TrainingResult.Spectrum> spectra = new ArrayList<>();
    int[] order = Shuffle.identity(n);
    Random rng = Shuffle.rng(spec.seed());
    double[][] init = copyWeights();
    double[][] start = init;
    EpochMetrics m0 = measure(0, training, validation, start, init, 0);
    epochs.add(m0);
    atHistogramEpoch(0, histograms, spectra);
    if (listener != null) {
      listener.onEpoch(0, spec.epochs(), m0);
    }
    SettleRule settle = spec.settle() == null ? null : new SettleRule(spec, m0);
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      if (split != null) {
        split.startEpoch();
      }
      int steps = epoch(training, order, snapshots, epoch);
      if (steps < 0) {
        return new TrainingResult(TrainingResult.DIVERGED, epoch, epochs, snapshots, histograms, Double.NaN, spectra,
            0, false);
      }
      EpochMetrics me = measure(epoch, training, validation, start, init, steps);
      if (diverged(me)) {
        return new TrainingResult(TrainingResult.DIVERGED, epoch, epochs, snapshots, histograms, Double.NaN, spectra,
            0, false);
      }
      epochs.add(me);
      atHistogramEpoch(epoch, histograms, spectra);
      start = copyWeights();
      if (listener != null) {
        listener.onEpoch(epoch, spec.epochs(), me);
      }
      if (settle != null && settle.settledAfter(me)) {
        double testAccuracy = evaluator.evaluate(test, test.size())[0];
        return new TrainingResult(TrainingResult.SETTLED, 0, epochs, snapshots, histograms, testAccuracy, spectra,
            epoch, false);
      }
    }
    double testAccuracy = evaluator.evaluate(test, test.size())[0];
    return new TrainingResult(TrainingResult.OK, 0, epochs, snapshots, histograms, testAccuracy, spectra, 0,
        settle != null);
  }

  /**
   * The stopping rule "run until the weights have settled": after epoch e the total weight norm changed at the
   * per-epoch rate r_e = |ln(||w_{e-1}|| / ||w_e||)|; the run has settled after the first epoch that ends a stretch
   * of {@code settle.epochs} consecutive epochs with r_e &lt; {@code settle.fraction} x eta*lambda/m (the rate pure
   * decay would give). The rate is taken in absolute value: a norm that is still growing has not settled either.
   */
  static final class SettleRule {
    private final double limit;
    private final int needed;
    private double previousNorm;
    private int run;

    SettleRule(RunSpec spec, EpochMetrics initial) {
      limit = spec.settle().fraction() * spec.eta() * spec.lambda() / spec.miniBatchSize();
      needed = spec.settle().epochs();
      previousNorm = totalNorm(initial);
    }

    /** Takes the metrics of the next epoch; true if the run has settled with it. */
    boolean settledAfter(EpochMetrics m) {
      double norm = totalNorm(m);
      double rate = Math.abs(StrictMath.log(previousNorm / norm));
      previousNorm = norm;
      run = rate < limit ? run + 1 : 0;
      return run >= needed;
    }

    /** ||w|| over all layers. */
    static double totalNorm(EpochMetrics m) {
      double sq = 0;
      for (LayerMetrics l : m.layers()) {
        sq += l.norm() * l.norm();
      }
      return Math.sqrt(sq);
    }
  }

  /** Runs one epoch in the order given; returns the number of steps, or -1 if the weights stopped being finite. */
  private int epoch(Dataset training, int[] order, List<TrainingResult.Snapshot> snapshots, int epoch) {
    // pure decay reads no examples: no copy
    Dataset data = spec.gradients() ? (shuffled = training.permute(order, shuffled)) : training;
    int m = spec.miniBatchSize();
    int steps = (n + m - 1) / m;
    int every = spec.snapshotsPerEpoch() > 0 ? Math.max(1, steps / spec.snapshotsPerEpoch()) : 0;
    for (int s = 0; s < steps; s++) {
      int from = s * m;
      int count = Math.min(m, n - from);
      if (!step(data, from, count)) {
        return -1;
      }
      if (snapshots != null && every > 0 && (s + 1) % every == 0 && s + 1 < steps) {
        sgd.catchUpAll();
        snapshots.add(new TrainingResult.Snapshot(epoch - 1 + (s + 1) / (double) steps, net.rms()));
      }
    }
    sgd.catchUpAll();
    return steps;
  }

  /** One SGD step on examples from..from+count-1 of the shuffled data; false if the weights stopped being finite. */
  private boolean step(Dataset data, int from, int count) {
    if (spec.gradients()) {
      batch.fill(data, from, count);
      sgd.catchUpUsed(batch);
      backprop.run(data, batch);
    } else {
      batch.count = count;
    }
    return sgd.apply(batch, backprop);
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

  private EpochMetrics measure(int epoch, Dataset training, Dataset validation, double[][] start, double[][] init,
      int steps) {
    // the saturation sample is the first validation images: measured in the validation's forward pass
    Evaluator.SaturationCounter counter = evaluator.saturationCounter(spec.saturationThresholds());
    int satCount = Math.min(spec.saturationSample(), validation.size());
    double[] val = evaluator.evaluate(validation, validation.size(), counter, satCount);
    double[] train = evaluator.evaluate(training, Math.min(spec.monitorSample(), training.size()));
    Evaluator.SaturationResult sat = counter.result(satCount);
    List<LayerMetrics> lm = new ArrayList<>();
    double sumSq = 0;
    for (int l = 0; l < net.layers; l++) {
      double[] w = net.flatRows(l);
      for (double v : w) {
        sumSq += v * v;
      }
      lm.add(split != null ? split.layer(l, w, start[l], init[l], steps)
          : SplitMeter.statistics(w, init[l]));
    }
    double l2 = spec.lambda() / (2.0 * n) * sumSq;
    return new EpochMetrics(epoch, val[0], val[1], train[1], train[1] + l2, sat.saturatedFraction(),
        sat.meanSigmaPrime(), lm, sat.layers());
  }

  private void atHistogramEpoch(int epoch, List<TrainingResult.Histogram> histograms,
      List<TrainingResult.Spectrum> spectra) {
    if (spec.histogramEpochs().contains(epoch)) {
      evaluator.histograms(epoch, histograms);
      evaluator.spectra(epoch, spectra);
    }
  }

  private double[][] copyWeights() {
    double[][] c = new double[net.layers][];
    for (int l = 0; l < net.layers; l++) {
      c[l] = net.flatRows(l);
    }
    return c;
  }
}
