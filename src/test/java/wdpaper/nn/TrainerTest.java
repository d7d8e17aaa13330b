package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
        RunSpec cfg = TinyData.spec(sizes, init, 0.7, 3.0, 10, 4, 42);
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
      RunSpec cfg = TinyData.spec(new int[] {20, 7, 5}, Init.OLD, 0.5, 40.0, 10, 3, 5).toBuilder()
          .gradients(gradients).instrument(false).build();
      Network reference = ReferenceTrainer.train(cfg, sparse);
      Network fast = Trainer.trainNetwork(cfg, sparse);
      assertThat(reference.maxAbsDifference(Network.initialize(new int[] {20, 7, 5}, Init.OLD, 5)))
          .isGreaterThan(1e-2);
      assertThat(fast.maxAbsDifference(reference)).as("gradients %s", gradients).isLessThan(1e-12);
    }
  }

  /**
   * The decay/gradient split of every epoch and layer against the reference, which computes D = sum_t (a-1) w_t,
   * G = -sum_t g_t and the ||w||^2 terms step by step from their definitions: a trainer that doubled D, or dropped
   * a term, fails here whatever the pinned hash says. Sparse inputs, so the lazy rows are part of it.
   */
  @Test
  void decayGradientSplitMatchesTheReferenceDefinitions() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.8);
    for (Init init : Init.values()) {
      RunSpec cfg = TinyData.spec(new int[] {20, 7, 5}, init, 0.5, 20.0, 10, 3, 5);
      List<List<ReferenceTrainer.LayerSplit>> want = ReferenceTrainer.trainMeasured(cfg, sparse);
      TrainingResult got = Trainer.train(cfg, sparse, valid(), valid(), null);
      for (int e = 1; e <= 3; e++) {
        for (int l = 0; l < 2; l++) {
          ReferenceTrainer.LayerSplit r = want.get(e - 1).get(l);
          LayerMetrics m = got.epochs().get(e).layers().get(l);
          String at = init + " epoch " + e + " layer " + l;
          assertThat(m.netDecay()).as("||D|| " + at).isCloseTo(norm(r.decayPart()), relative(1e-9));
          assertThat(m.netGradient()).as("||G|| " + at).isCloseTo(norm(r.gradientPart()), relative(1e-9));
          assertThat(m.netChange()).as("||change|| " + at).isCloseTo(norm(r.change()), relative(1e-9));
          assertThat(m.normSqDecay()).as("decay of ||w||^2 " + at).isCloseTo(r.normSqDecay(), relative(1e-9));
          assertThat(m.normSqGradient()).as("drift + diffusion " + at)
              .isCloseTo(r.normSqDrift() + r.normSqDiffusion(), within(1e-9 * Math.abs(r.normSqDecay())));
          assertThat(m.meanStepDecay()).as("mean ||(1-a) w_t|| " + at).isCloseTo(r.meanStepDecay(), relative(1e-9));
          assertThat(m.meanStepGradient()).as("mean ||g_t|| " + at).isCloseTo(r.meanStepGradient(), relative(1e-9));
          assertThat(m.normSqDrift()).as("drift " + at)
              .isCloseTo(r.normSqDrift(), within(1e-9 * Math.abs(r.normSqDecay())));
          assertThat(m.normSqDiffusion()).as("diffusion " + at).isCloseTo(r.normSqDiffusion(), relative(1e-9));
          assertThat(m.meanRelativeStep()).as("mean ||g_t||/||w_t|| " + at)
              .isCloseTo(r.meanRelativeStep(), relative(1e-9));
          assertThat(m.cosInit()).as("cos(w, w_0) " + at).isCloseTo(r.cosInit(), within(1e-12));
        }
      }
    }
  }

  /**
   * The fast trainer's ||w||^2 split is exact: decay + drift + diffusion is the change of ||w||^2 over each epoch;
   * decay is negative and diffusion positive.
   */
  @Test
  void normSquaredSplitAddsUpToTheChangeOfTheNorm() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.8);
    RunSpec cfg = TinyData.spec(new int[] {20, 7, 5}, Init.OLD, 0.5, 20.0, 10, 4, 5);
    TrainingResult r = Trainer.train(cfg, sparse, valid(), valid(), null);
    for (int e = 1; e <= 4; e++) {
      for (int l = 0; l < 2; l++) {
        LayerMetrics now = r.epochs().get(e).layers().get(l);
        double before = r.epochs().get(e - 1).layers().get(l).norm();
        double change = now.norm() * now.norm() - before * before;
        assertThat(now.normSqDecay() + now.normSqDrift() + now.normSqDiffusion()).as("epoch %d layer %d", e, l)
            .isCloseTo(change, within(1e-10 * before * before));
        assertThat(now.normSqDecay()).isNegative();
        assertThat(now.normSqDiffusion()).isPositive();
        assertThat(now.meanRelativeStep()).isPositive();
        assertThat(now.cosInit()).isBetween(-1.0, 1.0);
      }
    }
    assertThat(r.epochs().get(0).layers().get(0).cosInit()).isCloseTo(1.0, within(1e-15));
  }

  /**
   * Saturation per threshold and per neuron, counted by brute force on the initial network (epoch 0) with the
   * reference's z = W x + b; the headline fraction is the one at T = 4.
   */
  @Test
  void saturationIsCountedPerThresholdAndNeuron() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.3);
    Dataset v = valid();
    RunSpec cfg = TinyData.spec(new int[] {20, 7, 6, 5}, Init.OLD, 0.5, 5.0, 10, 1, 5).toBuilder()
        .saturationSample(30).saturationThresholds(List.of(1.0, 2.5, 4.0)).build();
    EpochMetrics m = Trainer.train(cfg, sparse, v, v, null).epochs().get(0);
    Network net = Network.initialize(cfg.layerSizes(), cfg.initKind(), cfg.seed());
    assertThat(m.saturation()).hasSize(2);
    long pairs = 0;
    long over4 = 0;
    for (int h = 0; h < 2; h++) {
      EpochMetrics.Saturation s = m.saturation().get(h);
      int width = cfg.sizes().get(h + 1);
      long[][] count = new long[3][width];
      for (int x = 0; x < 30; x++) {
        org.ejml.data.DMatrixRMaj a = org.ejml.data.DMatrixRMaj.wrap(20, 1, v.dense(x));
        for (int l = 0; l <= h; l++) {
          org.ejml.data.DMatrixRMaj z = ReferenceTrainer.weightedInput(net, l, a);
          if (l == h) {
            for (int k = 0; k < width; k++) {
              for (int t = 0; t < 3; t++) {
                count[t][k] += Math.abs(z.data[k]) > cfg.saturationThresholds().get(t) ? 1 : 0;
              }
              over4 += Math.abs(z.data[k]) > 4 ? 1 : 0;
              pairs++;
            }
          }
          a = z.copy();
          for (int k = 0; k < a.data.length; k++) {
            a.data[k] = Sigmoid.of(a.data[k]);
          }
        }
      }
      assertThat(s.layer()).isEqualTo(h);
      assertThat(s.sample()).isEqualTo(30);
      for (int t = 0; t < 3; t++) {
        long total = 0;
        for (int k = 0; k < width; k++) {
          assertThat(s.neuronFraction()[t][k]).isEqualTo(count[t][k] / 30.0);
          total += count[t][k];
        }
        assertThat(s.fraction()[t]).isEqualTo(total / (30.0 * width));
      }
      assertThat(s.fraction()[0]).isGreaterThan(s.fraction()[2]);
    }
    assertThat(m.saturatedFraction()).isEqualTo(over4 / (double) pairs);
    assertThat(over4).isPositive();
  }

  /** Singular values at the histogram epochs: largest first, one per row or column, their squares sum to ||W||^2. */
  @Test
  void singularValuesAreRecordedAtTheHistogramEpochs() {
    RunSpec cfg = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 2, 9).toBuilder()
        .histogramEpochs(0, 2).build();
    TrainingResult r = Trainer.train(cfg, train, valid, valid, null);
    assertThat(r.spectra()).extracting(TrainingResult.Spectrum::epoch).containsExactly(0, 0, 2, 2);
    assertThat(r.spectra()).extracting(TrainingResult.Spectrum::layer).containsExactly(0, 1, 0, 1);
    for (TrainingResult.Spectrum s : r.spectra()) {
      double[] sv = s.singularValues();
      assertThat(sv).hasSize(s.layer() == 0 ? 7 : 4);
      double sq = 0;
      for (int i = 0; i < sv.length; i++) {
        sq += sv[i] * sv[i];
        if (i > 0) {
          assertThat(sv[i]).isLessThanOrEqualTo(sv[i - 1]);
        }
      }
      double norm = r.epochs().get(s.epoch()).layers().get(s.layer()).norm();
      assertThat(sq).isCloseTo(norm * norm, within(1e-9 * norm * norm));
    }
  }

  /**
   * The settle rule stops a run after the first epoch that ends {@code epochs} consecutive epochs with
   * |ln(||w_{e-1}|| / ||w_e||)| below fraction x eta*lambda/m, and says so; a run that never meets it runs to the
   * cap and is marked censored.
   */
  @Test
  void settleRuleStopsTheRunAndSaysWhy() {
    RunSpec base = TinyData.spec(new int[] {12, 7, 4}, Init.NEW, 0.5, 1.0, 10, 12, 9);
    TrainingResult full = Trainer.train(base, train, valid, valid, null);
    double limitRate = 0.5 * 1.0 / 10;
    // the epoch the rule picks, computed from the full run's norms
    double fraction = 0.6;
    int expected = 0;
    int run = 0;
    for (int e = 1; e <= 12 && expected == 0; e++) {
      double rate = Math.abs(Math.log(Trainer.SettleRule.totalNorm(full.epochs().get(e - 1))
          / Trainer.SettleRule.totalNorm(full.epochs().get(e))));
      run = rate < fraction * limitRate ? run + 1 : 0;
      expected = run >= 2 ? e : 0;
    }
    assertThat(expected).as("the test needs a run that settles before the cap").isBetween(2, 11);
    TrainingResult settled = Trainer.train(base.toBuilder().settle(new RunSpec.Settle(fraction, 2)).build(), train,
        valid, valid, null);
    assertThat(settled.status()).isEqualTo(TrainingResult.SETTLED);
    assertThat(settled.settledAtEpoch()).isEqualTo(expected);
    assertThat(settled.censored()).isFalse();
    assertThat(settled.epochs()).hasSize(expected + 1);
    assertThat(Json.write(settled.epochs())).isEqualTo(Json.write(full.epochs().subList(0, expected + 1)));
    assertThat(settled.testAccuracy()).isBetween(0.0, 1.0);

    TrainingResult never = Trainer.train(base.toBuilder().settle(new RunSpec.Settle(1e-9, 2)).build(), train, valid,
        valid, null);
    assertThat(never.status()).isEqualTo(TrainingResult.OK);
    assertThat(never.censored()).isTrue();
    assertThat(never.settledAtEpoch()).isZero();
    assertThat(never.epochs()).hasSize(13);
    assertThat(full.censored()).as("no rule, nothing censored").isFalse();
  }

  /** Measuring the split changes nothing about the training: the weights are bit for bit those of a plain run. */
  @Test
  void instrumentationLeavesTheTrainingUnchanged() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.8);
    for (boolean gradients : new boolean[] {true, false}) {
      RunSpec plain = TinyData.spec(new int[] {20, 7, 5}, Init.OLD, 0.5, 20.0, 10, 3, 5).toBuilder()
          .gradients(gradients).instrument(false).build();
      TrainingResult a = Trainer.train(plain, sparse, valid(), valid(), null);
      TrainingResult b = Trainer.train(plain.toBuilder().instrument(true).build(), sparse, valid(), valid(), null);
      for (int e = 0; e <= 3; e++) {
        for (int l = 0; l < 2; l++) {
          LayerMetrics x = a.epochs().get(e).layers().get(l);
          LayerMetrics y = b.epochs().get(e).layers().get(l);
          assertThat(y.norm()).isEqualTo(x.norm());
          assertThat(y.mean()).isEqualTo(x.mean());
          assertThat(y.cosInit()).isEqualTo(x.cosInit());
        }
        assertThat(b.epochs().get(e).validationCost()).isEqualTo(a.epochs().get(e).validationCost());
      }
    }
  }

  /** The reference's own split is exact: D + G is the change, and the three ||w||^2 terms add up to its change. */
  @Test
  void referenceSplitAddsUpToTheChange() {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.8);
    RunSpec cfg = TinyData.spec(new int[] {20, 7, 5}, Init.OLD, 0.5, 20.0, 10, 2, 5);
    Network before = Network.initialize(cfg.layerSizes(), cfg.initKind(), cfg.seed());
    List<List<ReferenceTrainer.LayerSplit>> split = ReferenceTrainer.trainMeasured(cfg, sparse);
    RunSpec oneEpoch = cfg.toBuilder().epochs(1).build();
    Network after1 = ReferenceTrainer.train(oneEpoch, sparse);
    for (int l = 0; l < 2; l++) {
      ReferenceTrainer.LayerSplit s = split.get(0).get(l);
      double sqBefore = 0;
      double sqAfter = 0;
      for (int i = 0; i < s.change().length; i++) {
        assertThat(s.decayPart()[i] + s.gradientPart()[i]).isCloseTo(s.change()[i], within(1e-12));
        assertThat(after1.w[l][i] - before.w[l][i]).isCloseTo(s.change()[i], within(1e-15));
        sqBefore += before.w[l][i] * before.w[l][i];
        sqAfter += after1.w[l][i] * after1.w[l][i];
      }
      assertThat(s.normSqDecay() + s.normSqDrift() + s.normSqDiffusion()).isCloseTo(sqAfter - sqBefore,
          within(1e-9 * sqBefore));
      assertThat(s.normSqDecay()).isNegative();
      assertThat(s.normSqDiffusion()).isPositive();
    }
  }

  /**
   * The numbers a trainer version produces are pinned: a change that moves any of them (even in the last bit) must
   * also bump {@link RunSpec#TRAINER_VERSION}, which keys the run cache, or stale cached runs would be served as
   * current. Java's floating point and the fdlibm exp make the hash the same on every JVM and CPU.
   */
  @Test
  void resultsArePinnedForThisTrainerVersion() throws Exception {
    Dataset sparse = TinyData.make(157, 20, 5, 3, 0.7);
    StringBuilder all = new StringBuilder();
    for (boolean instrument : new boolean[] {false, true}) {
      RunSpec cfg = RunSpec.builder().sizes(20, 7, 5).init(Init.OLD).eta(0.5).lambda(5.0).miniBatchSize(10).epochs(3)
          .seed(4).instrument(instrument).snapshotsPerEpoch(2).histogramEpochs(0, 3).saturationSample(40)
          .monitorSample(100).build();
      all.append(Json.write(Trainer.train(cfg, sparse, valid(), valid(), null)));
    }
    RunSpec settling = RunSpec.builder().sizes(20, 7, 5).init(Init.NEW).eta(0.5).lambda(1.0).epochs(12).seed(4)
        .instrument(true).saturationSample(40).monitorSample(100).settle(new RunSpec.Settle(0.5, 2)).build();
    TrainingResult settled = Trainer.train(settling, sparse, valid(), valid(), null);
    assertThat(settled.status()).isEqualTo(TrainingResult.SETTLED);
    all.append(Json.write(settled));
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(RunSpec.TRAINER_VERSION + " " + java.util.HexFormat.of().formatHex(digest))
        .isEqualTo("trainer-5 d8e1fc427d2afcdcb70e0e084b65ce5ce5bb66e4c30120b7b1ce39fe453c1b71");
  }

  private static Dataset valid() {
    return TinyData.make(50, 20, 5, 8, 0.7);
  }

  @Test
  void sameSeedGivesBitIdenticalResults() {
    RunSpec cfg = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 9);
    String a = Json.write(Trainer.train(cfg, train, valid, valid, null));
    String b = Json.write(Trainer.train(cfg, train, valid, valid, null));
    assertThat(a).isEqualTo(b);
    String c = Json.write(Trainer.train(TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 10),
        train, valid, valid, null));
    assertThat(c).isNotEqualTo(a);
  }

  /** Pure decay (gradients off): G = 0 and each epoch multiplies the weights by the predicted factor. */
  @Test
  void pureDecayHasNoGradientPartAndThePredictedFactor() {
    RunSpec cfg = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 9);
    TrainingResult pure = Trainer.train(cfg.toBuilder().gradients(false).build(), train, valid, valid, null);
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

  /**
   * Pure decay reads no training example but the training cost's sample: given only those first examples of the n
   * (the runner's data decoded as far as read), the result is the same, byte for byte, as given all n; with
   * gradients, or too few examples, the trainer refuses.
   */
  @Test
  void pureDecayNeedsOnlyTheMonitoredExamples() {
    RunSpec pure = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.5, 5.0, 10, 3, 9).toBuilder().gradients(false)
        .monitorSample(40).build();
    String all = Json.write(Trainer.train(pure, train, valid, valid, null));
    assertThat(Json.write(Trainer.train(pure, 203, train.head(40), valid, valid, null))).isEqualTo(all);
    assertThat(Json.write(Trainer.train(pure, 203, train, valid, valid, null))).isEqualTo(all);
    assertThatThrownBy(() -> Trainer.train(pure, 203, train.head(39), valid, valid, null))
        .hasMessage("a training set of 203 examples needs the first 40 of them, was given 39");
    RunSpec sgd = pure.toBuilder().gradients(true).build();
    assertThatThrownBy(() -> Trainer.train(sgd, 203, train.head(40), valid, valid, null))
        .hasMessage("a training set of 203 examples needs the first 203 of them, was given 40");
  }

  @Test
  void hugeLearningRateIsReportedAsDiverged() {
    RunSpec cfg = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 1e200, 5.0, 10, 3, 9);
    TrainingResult r = Trainer.train(cfg, train, valid, valid, null);
    assertThat(r.status()).isEqualTo(TrainingResult.DIVERGED);
    assertThat(r.divergedAtEpoch()).isEqualTo(1);
    assertThat(r.epochs()).hasSize(1);
  }

  @Test
  void gradientNormMatchesTheDenseSum() {
    // one step with m = n: the per-step gradient norm equals ||eta/m sum_x nablaW_x|| from the reference backprop
    Dataset small = TinyData.make(10, 12, 4, 3);
    RunSpec cfg = TinyData.spec(new int[] {12, 7, 4}, Init.OLD, 0.3, 0.0, 10, 1, 4);
    TrainingResult r = Trainer.train(cfg, small, valid, valid, null);
    Network net = Network.initialize(cfg.layerSizes(), cfg.initKind(), cfg.seed());
    for (int l = 0; l < 2; l++) {
      double[] sum = new double[net.w[l].length];
      for (int x = 0; x < 10; x++) {
        double[] g = ReferenceTrainer.backprop(net, small.dense(x), small.label(x))[1][l];
        for (int i = 0; i < g.length; i++) {
          sum[i] += g[i];
        }
      }
      assertThat(r.epochs().get(1).layers().get(l).meanStepGradient()).isCloseTo(0.3 / 10 * norm(sum),
          within(1e-12));
    }
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  static org.assertj.core.data.Percentage relative(double fraction) {
    return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
  }
}
