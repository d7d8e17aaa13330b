package wdpaper.experiments;

import wdpaper.nn.RunSpec;

/** How long a run takes, roughly, so that the longest runs start first. */
final class CostModel {
  private CostModel() {}

  /** A relative cost (weights x examples x epochs), not yet calibrated in seconds. */
  static double seconds(RunSpec spec) {
    return (double) spec.weightCount() * spec.trainingSetSize() * spec.epochs() * (spec.instrument() ? 1.5 : 1.0)
        * (spec.gradients() ? 1.0 : 0.2);
  }
}
