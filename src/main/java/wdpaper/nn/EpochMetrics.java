package wdpaper.nn;

import java.util.List;

/**
 * What was measured at the end of one epoch (epoch 0 = at initialization, before any training).
 *
 * @param epoch 0..epochs
 * @param validationAccuracy fraction of validation images classified correctly
 * @param validationCost mean cross-entropy cost on the validation set (no L2 term)
 * @param trainingCost mean cross-entropy cost on the monitored training images (no L2 term)
 * @param trainingCostWithL2 trainingCost + (lambda / 2n) sum w^2
 * @param saturatedFraction fraction of (hidden neuron, sample image) pairs with |z| &gt; {@link RunSpec#SATURATION_Z}
 *     (all hidden layers together)
 * @param meanSigmaPrime mean of sigma'(z) over the same pairs (at most 1/4)
 * @param layers per layer weight measurements, first hidden layer first
 * @param saturation per hidden layer, saturation at each threshold of the spec's {@code saturationThresholds}
 */
public record EpochMetrics(int epoch, double validationAccuracy, double validationCost, double trainingCost,
    double trainingCostWithL2, double saturatedFraction, double meanSigmaPrime, List<LayerMetrics> layers,
    List<Saturation> saturation) {

  public EpochMetrics {
    layers = List.copyOf(layers);
    saturation = List.copyOf(saturation);
  }

  /** The older form, without the per-threshold saturation (empty). */
  public EpochMetrics(int epoch, double validationAccuracy, double validationCost, double trainingCost,
      double trainingCostWithL2, double saturatedFraction, double meanSigmaPrime, List<LayerMetrics> layers) {
    this(epoch, validationAccuracy, validationCost, trainingCost, trainingCostWithL2, saturatedFraction,
        meanSigmaPrime, layers, List.of());
  }

  /**
   * Saturation of one hidden layer over the first {@code sample} validation images, for each threshold T of
   * {@code thresholds}: {@code fraction[i]} is the fraction of (neuron, image) pairs with |z| &gt; T_i, and
   * {@code neuronFraction[i][k]} the fraction of the images on which neuron k has |z| &gt; T_i (so a neuron can be
   * called saturated with a threshold chosen later, e.g. "on more than half of the images").
   *
   * @param layer the weight layer whose weighted inputs z these are (0 = the first hidden layer)
   * @param sample number of images
   * @param thresholds the thresholds T, increasing
   * @param fraction per threshold, fraction of (neuron, image) pairs with |z| &gt; T
   * @param neuronFraction per threshold and neuron, fraction of images with |z| &gt; T
   */
  public record Saturation(int layer, int sample, List<Double> thresholds, double[] fraction,
      double[][] neuronFraction) {}
}
