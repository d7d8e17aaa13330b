package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.claims.Saturation.Spread;
import wdpaper.experiments.ExperimentSpec;
import wdpaper.experiments.Results;
import wdpaper.experiments.RunRecord;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.LayerMetrics;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;

/** The saturation rule on synthetic results, and the per-neuron count it rests on. */
class SaturationTest {
  private final Saturation claim = new Saturation();
  private final Thresholds t = new Thresholds("saturation", Map.of("z", 4.0, "neuronShare", 0.5,
      "oldSaturatedPercent", 50.0, "newSaturatedPercent", 10.0, "relativeStepRatio", 0.5, "gradientRatio", 0.5));

  /** H = 30 hidden neurons; counts of saturated neurons at init and the epoch-1 relative steps, old and new. */
  private static Saturation.Result result(double neuronsOld, double neuronsNew, double relOld, double relNew) {
    return result(neuronsOld, neuronsNew, relOld, relNew, 0.2);
  }

  /** As above, with the old/new ratio of the raw first-layer gradient steps in epoch 1. */
  private static Saturation.Result result(double neuronsOld, double neuronsNew, double relOld, double relNew,
      double gradientRatio) {
    Spread x = Spread.exactly(1);
    return new Saturation.Result(4, 0.5, 30, 1000, 0.0177, 3, Spread.exactly(neuronsOld), Spread.exactly(neuronsNew),
        100 * neuronsOld / 30, 100 * neuronsNew / 30, 0.4, 0.6, 64, 1, 0.05, 0.2, Spread.exactly(relOld),
        Spread.exactly(relNew), relOld / relNew, x, x, 1, 0.088 * gradientRatio, 0.088, gradientRatio, 5, 10, 50, x, x, x, 30, x, x, x,
        List.of("holds"));
  }

  @Test
  void holdsWhenMostOldInitNeuronsSaturateFewNewOnesDoAndTheOldFirstLayerStepIsMuchSmallerRelativeToItsWeights() {
    assertThat(claim.judge(result(29.3, 0.3, 4.8e-4, 7.2e-3), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenTheRawGradientStepIsNotNearZeroThoughTheRelativeStepIsSmall() {
    // the measured case: the old init's larger second-layer weights make up for its small sigma'
    assertThat(claim.judge(result(29.3, 0.3, 4.8e-4, 7.2e-3, 0.83), t)).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(result(29.3, 0.3, 4.8e-4, 7.2e-3, 0.5), t)).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(result(29.3, 0.3, 4.8e-4, 7.2e-3, 0.49), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void aSmallRawGradientDoesNotRescueSaturationWithoutASmallerRelativeStep() {
    assertThat(claim.judge(result(29.3, 0.3, 7.2e-3, 7.2e-3, 0.1), t)).isEqualTo(Outcome.FAILS);
    assertThat(claim.judge(result(14, 0.3, 4.8e-4, 7.2e-3, 0.1), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void holdsWithCaveatsWhenTheNeuronsSaturateButTheRelativeStepIsSmallerOnlyByLessThanTheFactor() {
    assertThat(claim.judge(result(29.3, 0.3, 6e-3, 7.2e-3), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenTheOldInitsRelativeStepIsNotSmaller() {
    assertThat(claim.judge(result(29.3, 0.3, 7.2e-3, 7.2e-3), t)).isEqualTo(Outcome.FAILS);
    assertThat(claim.judge(result(29.3, 0.3, 9e-3, 7.2e-3), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTooFewOldInitNeuronsAreSaturatedEvenIfItsStepIsSmall() {
    assertThat(claim.judge(result(14, 0.3, 4.8e-4, 7.2e-3), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTheNewInitSaturatesTooManyNeurons() {
    assertThat(claim.judge(result(29.3, 4, 4.8e-4, 7.2e-3), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void theSaturatedShareThresholdsAreInclusive() {
    assertThat(claim.judge(result(15, 3, 4.8e-4, 7.2e-3), t)).isEqualTo(Outcome.HOLDS);
  }

  /** One epoch of a 4-neuron layer measured at |z| &gt; 2 and 4: per threshold, per neuron, share of images. */
  private static EpochMetrics epoch(double[] at2, double[] at4) {
    EpochMetrics.Saturation s = new EpochMetrics.Saturation(0, 100, List.of(2.0, 4.0), new double[] {0, 0},
        new double[][] {at2, at4});
    return new EpochMetrics(0, 0.1, 1, 1, 1, 0, 0.1, List.of(), List.of(s));
  }

  @Test
  void oneNeuronSaturatedOnEveryImageCountsAsOneNeuron() {
    EpochMetrics m = epoch(new double[] {1, 0.2, 0.1, 0}, new double[] {1, 0, 0, 0});
    assertThat(Saturation.saturatedNeurons(m, 4, 0.5)).isEqualTo(1);
  }

  @Test
  void aNeuronCountsOnlyIfSaturatedOnMoreThanTheShareAtTheChosenThreshold() {
    EpochMetrics m = epoch(new double[] {0.9, 0.6, 0.5, 0.4}, new double[] {0.6, 0.5, 0.2, 0});
    assertThat(Saturation.saturatedNeurons(m, 2, 0.5)).isEqualTo(2);
    assertThat(Saturation.saturatedNeurons(m, 4, 0.5)).isEqualTo(1);
    assertThat(Saturation.saturatedNeurons(m, 2, 0.3)).isEqualTo(4);
  }

  @Test
  void aThresholdTheRunsDidNotRecordIsNamed() {
    EpochMetrics m = epoch(new double[] {1, 0, 0, 0}, new double[] {1, 0, 0, 0});
    assertThatThrownBy(() -> Saturation.saturatedNeurons(m, 3, 0.5)).isInstanceOf(Runs.MissingRuns.class)
        .hasMessage("saturation recorded at |z| > 2, 4, not at the threshold z = 3 of thresholds.json");
  }

  @Test
  void runsWithoutPerNeuronSaturationAreNamed() {
    EpochMetrics m = new EpochMetrics(0, 0.1, 1, 1, 1, 0, 0.1, List.of());
    assertThatThrownBy(() -> Saturation.saturatedNeurons(m, 4, 0.5)).isInstanceOf(Runs.MissingRuns.class)
        .hasMessage("per-neuron saturation (the runs predate it)");
  }

  /** A run of 2 epochs whose 4 hidden neurons are saturated on the given shares at init (|z| &gt; 4). */
  private static Results.Entry run(String init, long seed, double[] shares, double relativeStep) {
    return run(init, seed, shares, relativeStep, 1e-2);
  }

  private static Results.Entry run(String init, long seed, double[] shares, double relativeStep, double step) {
    RunSpec spec = RunSpec.builder().init(init).seed(seed).sizes(784, 4, 10).build();
    LayerMetrics layer = new LayerMetrics(1, 0, 1, 1, 0, 0, 0, 0, 0, 0, step, 0, 0, 1, relativeStep);
    List<EpochMetrics> epochs = List.of(epoch(shares, shares),
        new EpochMetrics(1, 0.5, 1, 1, 1, 0, 0.1, List.of(layer, layer), List.of()));
    TrainingResult result = new TrainingResult("ok", 0, epochs, List.of(), List.of(), 0.5);
    return new Results.Entry(new ExperimentSpec.Run(spec, Map.of()), new RunRecord(init + seed,
        RunSpec.TRAINER_VERSION, spec, Map.of(), null, "", result));
  }

  @Test
  void theRuleIsAlsoAppliedSeedBySeedSoAFlipBetweenSeedsShows() {
    double[] all = {0.9, 0.8, 0.7, 0.6};
    double[] none = {0, 0, 0.1, 0};
    List<Results.Entry> old = List.of(run("old", 2, all, 7e-3, 1e-3), run("old", 1, all, 5e-4, 1e-3));
    List<Results.Entry> neu = List.of(run("new", 1, none, 7e-3), run("new", 2, none, 7e-3));
    assertThat(Saturation.seedOutcomes(old, neu, 4, 0.5, 4, t)).containsExactly("holds", "fails");
    List<Results.Entry> slower = List.of(run("old", 1, all, 5e-3, 1e-3));
    assertThat(Saturation.seedOutcomes(slower, neu, 4, 0.5, 4, t)).containsExactly("caveats");
    // the same seed with a raw gradient step not near zero (0.9 of the new init's): caveats, not holds
    List<Results.Entry> notNearZero = List.of(run("old", 1, all, 5e-4, 9e-3));
    assertThat(Saturation.seedOutcomes(notNearZero, neu, 4, 0.5, 4, t)).containsExactly("caveats");
  }

  @Test
  void theSaturationThresholdMustBeOneTheRunsRecord() {
    assertThat(Saturation.Z.accepts(3)).isTrue();
    assertThat(Saturation.Z.accepts(3.5)).isFalse();
    assertThat(Saturation.Z.accepts(7)).isFalse();
    assertThat(Saturation.Z.expectation()).isEqualTo(
        "a whole number in [2, 6] (the runs record saturation at |z| > 2, 3, 4, 5, 6)");
  }
}
