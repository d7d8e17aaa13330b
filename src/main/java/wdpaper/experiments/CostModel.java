package wdpaper.experiments;

import java.util.List;
import wdpaper.nn.RunSpec;

/**
 * How long a run takes on one core, so that the longest runs start first and the ETA has a prior before any run has
 * been timed. An epoch's cost is the examples it trains on plus, at about 0.4 of a training example each, the images
 * it measures; per example, the first layer costs in proportion to the non-zero inputs times the hidden width
 * (padded to whole vectors), plus terms for the non-zero inputs, the hidden and dense layers' widths and a constant.
 * Fitted by least squares to the thread CPU time per epoch of the trainer (trainer-5) on this project's 2-core
 * machine, 2026-11-28: plain runs of [n_in, H, 10], H = 10, 30, 100, 300, on MNIST (784 inputs) and MNIST 14x14
 * (196), within 6 % of each measured time (the previous fit, for an older trainer, was about 2x too slow and 20 %
 * off between H = 10 and H = 100); the instrumented split costs 1.2x per trained example (measured: an epoch 1.15x
 * at H = 30, 1.2x at H = 100) and pure decay only its measurements. Absolute seconds matter only for the first ETA;
 * the ETA then rescales by the measured speed.
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
    double perStandardEpoch = 0.01135 + 6.06e-4 * nonZero + 1.19e-5 * nonZero * firstWidth
        + 3.47e-4 * (firstWidth + dense);
    double measured = 0.4 * (spec.validationSetSize() + spec.monitorSample() + spec.saturationSample());
    double trained = spec.gradients() ? spec.trainingSetSize() * (spec.instrument() ? 1.2 : 1.0)
        : 0.05 * spec.trainingSetSize();
    // and once, after the last epoch, the test images
    double tested = 0.4 * spec.testSetSize();
    return (spec.epochs() * (trained + measured) + tested) * perStandardEpoch / STANDARD_EXAMPLES;
  }

  private static int padded(int n) {
    return (n + 3) / 4 * 4;
  }
}
