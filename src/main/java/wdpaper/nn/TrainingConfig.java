package wdpaper.nn;

import java.util.Arrays;

/**
 * What to train and how: layer sizes, initialization, SGD hyper-parameters (eta, lambda, mini-batch size m),
 * epochs, seed, and what to measure.
 *
 * @param sizes layer sizes, e.g. [784, 30, 10]
 * @param init weight initialization
 * @param eta learning rate
 * @param lambda L2 regularization parameter; the decay factor per step is 1 - eta*lambda/n
 * @param miniBatchSize m
 * @param epochs number of passes over the training data
 * @param seed seeds both the initialization and the per-epoch shuffling
 * @param gradients false switches the gradient term off (pure weight decay, for claim 2)
 * @param instrument measure the decay/gradient split and per-step update norms (costs some speed)
 * @param snapshotsPerEpoch weight-RMS snapshots taken within each epoch (0 = only at epoch ends)
 * @param histogramEpochs epochs at which to record a histogram of log10|w| per layer
 * @param saturationSample number of validation images over which hidden-neuron saturation is measured
 * @param monitorSample number of training images over which the training cost is measured
 */
public record TrainingConfig(int[] sizes, Init init, double eta, double lambda, int miniBatchSize, int epochs,
    long seed, boolean gradients, boolean instrument, int snapshotsPerEpoch, int[] histogramEpochs, int saturationSample,
    int monitorSample) {

  public TrainingConfig {
    sizes = sizes.clone();
    histogramEpochs = histogramEpochs.clone();
  }

  /** A config with the book's defaults for everything that is not named. */
  public static TrainingConfig of(int[] sizes, Init init, double eta, double lambda, int m, int epochs, long seed) {
    return new TrainingConfig(sizes, init, eta, lambda, m, epochs, seed, true, true, 0, new int[0], 1000, 5_000);
  }

  public TrainingConfig withGradients(boolean on) {
    return new TrainingConfig(sizes, init, eta, lambda, miniBatchSize, epochs, seed, on, instrument,
        snapshotsPerEpoch, histogramEpochs, saturationSample, monitorSample);
  }

  public TrainingConfig withInstrument(boolean on) {
    return new TrainingConfig(sizes, init, eta, lambda, miniBatchSize, epochs, seed, gradients, on,
        snapshotsPerEpoch, histogramEpochs, saturationSample, monitorSample);
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public int[] histogramEpochs() {
    return histogramEpochs.clone();
  }

  @Override
  public String toString() {
    return "TrainingConfig" + Arrays.toString(sizes) + " init=" + init + " eta=" + eta + " lambda=" + lambda
        + " m=" + miniBatchSize + " epochs=" + epochs + " seed=" + seed + (gradients ? "" : " (decay only)");
  }
}
