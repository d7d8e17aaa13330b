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
 * @param saturatedFraction fraction of (hidden neuron, sample image) pairs with |z| &gt; 4
 * @param meanSigmaPrime mean of sigma'(z) over the same pairs (at most 1/4)
 * @param layers per layer weight measurements, first hidden layer first
 */
public record EpochMetrics(int epoch, double validationAccuracy, double validationCost, double trainingCost,
    double trainingCostWithL2, double saturatedFraction, double meanSigmaPrime, List<LayerMetrics> layers) {}
