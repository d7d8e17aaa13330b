package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import wdpaper.data.Dataset;
import wdpaper.project.Json;

class TrainerTest {
  private final Dataset train = TinyData.make(203, 12, 4, 1);
  private final Dataset valid = TinyData.make(50, 12, 4, 2);

  /** The fast trainer is the reference trainer, reorganised: same parameters to ~1e-12 after several epochs. */
  @Test
  void fastTrainerAgreesWithReference() {
    for (Init init : Init.values()) {
      for (int[] sizes : List.of(new int[] {12, 7, 4}, new int[] {12, 6, 5, 4})) {
        TrainingConfig cfg = TrainingConfig.of(sizes, init, 0.7, 3.0, 10, 4, 42);
        Network reference = ReferenceTrainer.train(cfg, train);
        Network fast = Trainer.trainNetwork(cfg, train);
        Network untrained = Network.initialize(sizes, init, 42);
        assertThat(reference.maxAbsDifference(untrained)).as("training moved the weights").isGreaterThan(1e-2);
        assertThat(fast.maxAbsDifference(reference)).as("%s %s", init, java.util.Arrays.toString(sizes))
            .isLessThan(1e-12);
      }
    }
  }

  /** Mostly-zero inputs, as MNIST: rows unused for many steps are decayed lazily, still the reference's numbers. */
  @Test
  void sparseInputsAndLazyDecayAgreeWithReference() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.85);
    for (boolean gradients : new boolean[] {true, false}) {
      TrainingConfig cfg = TrainingConfig.of(new int[] {20, 7, 5}, Init.OLD, 0.5, 40.0, 10, 3, 5)
          .withGradients(gradients).withInstrument(false);
      Network reference = ReferenceTrainer.train(cfg, sparse);
      Network fast = Trainer.trainNetwork(cfg, sparse);
      assertThat(reference.maxAbsDifference(Network.initialize(new int[] {20, 7, 5}, Init.OLD, 5)))
          .isGreaterThan(1e-2);
      assertThat(fast.maxAbsDifference(reference)).as("gradients %s", gradients).isLessThan(1e-12);
    }
  }

  /**
   * The numbers a trainer version produces are pinned: a change that moves any of them (even in the last bit) must
   * also bump {@link wdpaper.experiments.RunSpec#TRAINER_VERSION}, which keys the run cache, or stale cached runs
   * would be served as current. Java's floating point and the fdlibm exp make the hash the same on every JVM and CPU.
   */
  @Test
  void resultsArePinnedForThisTrainerVersion() throws Exception {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.7);
    StringBuilder all = new StringBuilder();
    for (boolean instrument : new boolean[] {false, true}) {
      TrainingConfig cfg = new TrainingConfig(new int[] {20, 7, 5}, Init.OLD, 0.5, 5.0, 10, 3, 4, true, instrument, 2,
          new int[] {0, 3}, 40, 100);
      all.append(Json.write(Trainer.train(cfg, sparse, valid(), valid(), null)));
    }
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(wdpaper.experiments.RunSpec.TRAINER_VERSION + " " + java.util.HexFormat.of().formatHex(digest))
        .isEqualTo("trainer-4 1b47633c7704c6d301459a3eda0c9423865de147e4d9592c8d7de14982571ffd");
  }

  private static Dataset valid() {
    return TinyData.make(50, 20, 5, 8, 0.7);
  }

  @Test
  void sameSeedGivesBitIdenticalResults() {
    TrainingConfig cfg = TrainingConfig.of(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 9);
    String a = Json.write(Trainer.train(cfg, train, valid, valid, null));
    String b = Json.write(Trainer.train(cfg, train, valid, valid, null));
    assertThat(a).isEqualTo(b);
    String c = Json.write(Trainer.train(TrainingConfig.of(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 10),
        train, valid, valid, null));
    assertThat(c).isNotEqualTo(a);
  }

  /** The split D + G of the epoch's change is exact, and pure decay has G = 0 and the predicted factor. */
  @Test
  void decayAndGradientTermsAddUpToTheChange() {
    TrainingConfig cfg = TrainingConfig.of(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 9);
    TrainingResult r = Trainer.train(cfg, train, valid, valid, null);
    assertThat(r.status()).isEqualTo(TrainingResult.OK);
    assertThat(r.epochs()).hasSize(4);
    for (EpochMetrics m : r.epochs().subList(1, 4)) {
      for (LayerMetrics lm : m.layers()) {
        // triangle inequality both ways, and both terms non-trivial
        assertThat(lm.netChange()).isLessThanOrEqualTo(lm.netDecay() + lm.netGradient() + 1e-12);
        assertThat(lm.netDecay()).isGreaterThan(0);
        assertThat(lm.netGradient()).isGreaterThan(0);
        assertThat(lm.meanStepGradient()).isGreaterThan(0);
      }
    }
    TrainingResult pure = Trainer.train(cfg.withGradients(false), train, valid, valid, null);
    int steps = (203 + 9) / 10;
    double perEpoch = Math.pow(1 - 0.5 * 5.0 / 203, steps);
    for (int e = 1; e <= 3; e++) {
      for (int l = 0; l < 2; l++) {
        LayerMetrics now = pure.epochs().get(e).layers().get(l);
        LayerMetrics before = pure.epochs().get(e - 1).layers().get(l);
        assertThat(now.norm() / before.norm()).isCloseTo(perEpoch, within(1e-12));
        assertThat(now.netGradient()).isCloseTo(0, within(1e-12));
        assertThat(now.normSqGradient()).isCloseTo(0, within(1e-9));
        assertThat(now.meanStepGradient()).isEqualTo(0);
      }
    }
  }

  @Test
  void hugeLearningRateIsReportedAsDiverged() {
    TrainingConfig cfg = TrainingConfig.of(new int[] {12, 7, 4}, Init.OLD, 1e200, 5.0, 10, 3, 9);
    TrainingResult r = Trainer.train(cfg, train, valid, valid, null);
    assertThat(r.status()).isEqualTo(TrainingResult.DIVERGED);
    assertThat(r.divergedAtEpoch()).isEqualTo(1);
    assertThat(r.epochs()).hasSize(1);
  }

  @Test
  void gradientNormMatchesTheDenseSum() {
    // one step with m = n: the per-step gradient norm equals ||eta/m sum_x nablaW_x|| from the reference backprop
    Dataset small = TinyData.make(10, 12, 4, 3);
    TrainingConfig cfg = TrainingConfig.of(new int[] {12, 7, 4}, Init.OLD, 0.3, 0.0, 10, 1, 4);
    TrainingResult r = Trainer.train(cfg, small, valid, valid, null);
    Network net = Network.initialize(cfg.sizes(), cfg.init(), cfg.seed());
    for (int l = 0; l < 2; l++) {
      double[] sum = new double[net.w[l].length];
      for (int x = 0; x < 10; x++) {
        double[] g = ReferenceTrainer.backprop(net, small.dense(x), small.label(x))[1][l];
        for (int i = 0; i < g.length; i++) {
          sum[i] += g[i];
        }
      }
      double sq = 0;
      for (double v : sum) {
        sq += v * v;
      }
      assertThat(r.epochs().get(1).layers().get(l).meanStepGradient()).isCloseTo(0.3 / 10 * Math.sqrt(sq), within(1e-12));
    }
  }
}
