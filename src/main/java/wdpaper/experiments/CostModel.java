package wdpaper.experiments;

import java.util.List;
import wdpaper.nn.RunSpec;

/**
 * How long a run takes on one core, so that the longest runs start first and the ETA has a prior before any run has
 * been timed. An epoch's cost is the examples it trains on plus, at about 0.4 of a training example each, the images
 * it measures; per example, the first layer costs in proportion to the non-zero inputs times the hidden width
 * (padded to whole vectors), plus terms for the dense layers and a constant. Fitted to per-epoch CPU times of the
 * trainer on this project's 2-core machine (plain runs of [n_in, H, 10], H = 10..300, both inputs; within about 10 %
 * of the measured times, see the report of trainer-5), the instrumented split costing 1.25x and pure decay only its
 * measurements. Absolute seconds matter only for the first ETA; the ETA then rescales by the measured speed.
 */
final class CostModel {
  /** mean non-zero inputs per image, measured: MNIST 150.1, MNIST 14x14 50.2 */
  private static final double NONZERO_MNIST = 150.1;
  private static final double NONZERO_14X14 = 50.2;
  /** the standard epoch the fit is for: 50,000 training examples and 16,000 measured images at 0.4 each */
  private static final double STANDARD_EXAMPLES = 50_000 + 0.4 * 16_000;

  private CostModel() {}

  /** Estimated seconds on one core of the reference machine (with a settle rule: up to its cap). */
  static double seconds(RunSpec spec) {
    List<Integer> sizes = spec.sizes();
    double nonZero = spec.input().equals("mnist-14x14") ? NONZERO_14X14 : NONZERO_MNIST;
    double firstWidth = padded(sizes.get(1));
    double dense = 0;
    for (int l = 1; l + 1 < sizes.size(); l++) {
      dense += padded(sizes.get(l + 1)) * sizes.get(l) / 10.0;
    }
    double perStandardEpoch = 0.0223 + 1.04e-3 * nonZero + 1.48e-5 * nonZero * firstWidth + 1.13e-3 * firstWidth
        + 1.5e-5 * nonZero * dense;
    double measured = 0.4 * (spec.validationSetSize() + spec.monitorSample() + spec.saturationSample());
    double trained = spec.gradients() ? spec.trainingSetSize() * (spec.instrument() ? 1.25 : 1.0)
        : 0.05 * spec.trainingSetSize();
    return spec.epochs() * perStandardEpoch * (trained + measured) / STANDARD_EXAMPLES;
  }

  private static int padded(int n) {
    return (n + 3) / 4 * 4;
  }
}
