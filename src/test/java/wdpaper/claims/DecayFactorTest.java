package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 2's rule on synthetic results: decay alone, the exponential's rate, training epochs. */
class DecayFactorTest {
  private final DecayFactor claim = new DecayFactor();
  private final Thresholds t = new Thresholds("claim2", Map.of("rateTolerance", 0.1, "exactTolerance", 1e-9,
      "approximationRateTolerance", 0.01, "approximationRange", 0.001, "premiseRatio", 0.1, "followShare", 0.8));

  private static DecayFactor.PureRow pure(double x, double rateError) {
    return new DecayFactor.PureRow(x * 5e5, x, 0.5, 0.5, 0.5, 0, rateError);
  }

  /** A training row whose per-epoch factors give these rates relative to eta*lambda/m = 0.05. */
  private static DecayFactor.TrainingRow training(String init, double lambda, double... relativeRates) {
    List<Double> premise = new java.util.ArrayList<>();
    for (double r : relativeRates) {
      premise.add(Math.abs(1 - r)); // the gradient's share grows as the rate falls off
    }
    return training(init, lambda, premise, relativeRates);
  }

  private static DecayFactor.TrainingRow training(String init, double lambda, List<Double> premise,
      double... relativeRates) {
    double rate = 0.05;
    List<Double> factors = new java.util.ArrayList<>();
    for (double r : relativeRates) {
      factors.add(Math.exp(-r * rate));
    }
    List<Integer> holding = DecayFactor.holding(factors, rate, 0.1);
    return new DecayFactor.TrainingRow(init, lambda, rate, Math.exp(-rate), factors.get(0),
        factors.get(factors.size() - 1), factors, holding, holding.size(), factors.size(), premise, List.of(),
        List.of());
  }

  private static DecayFactor.Result result(double worstExact, double smallRateError, DecayFactor.TrainingRow... rows) {
    return new DecayFactor.Result(List.of(pure(1e-5, smallRateError), pure(1e-2, -0.005)), worstExact, true, 1e-5,
        1e-2, 50_000, 10, 5000, List.of(rows), 5, 0, 0, 0);
  }

  @Test
  void holdsWhenTheEpochsWhereThePremiseHoldsFollowThePrediction() {
    // epochs 1 and 2 in scope (gradient small) and following; epoch 3 out of scope and not following
    assertThat(claim.judge(result(1e-14, 5e-6, training("old", 5, 1.0, 1.0, 0.5), training("new", 5, 0.1)), t))
        .isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenOnlySomeEpochsInScopeFollowIt() {
    assertThat(claim.judge(result(1e-14, 5e-6, training("old", 5, List.of(0.0, 0.0, 0.05), 1.0, 0.5, 0.5)), t))
        .isEqualTo(Outcome.CAVEATS);
    // a lower follow share accepts one in three
    assertThat(claim.judge(result(1e-14, 5e-6, training("old", 5, List.of(0.0, 0.0, 0.05), 1.0, 0.5, 0.5)),
        t.with(DecayFactor.FOLLOW_SHARE, 0.3))).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void doesNotHoldWhenNoEpochInScopeFollowsIt() {
    assertThat(claim.judge(result(1e-14, 5e-6, training("old", 5, List.of(0.05), 0.5)), t))
        .isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenThePremiseHoldsInNoEpoch() {
    assertThat(claim.judge(result(1e-14, 5e-6, training("old", 5, 0.5), training("new", 50, 0.2)), t))
        .isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenDecayAloneMissesTheExactFactor() {
    assertThat(claim.judge(result(1e-6, 5e-6, training("old", 5, 1.0)), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTheExponentialMissesTheRateForSmallSteps() {
    assertThat(claim.judge(result(1e-14, 0.02, training("old", 5, 1.0)), t)).isEqualTo(Outcome.FAILS);
    // outside the approximation range a large rate error does not count
    assertThat(claim.judge(result(1e-14, 0.02, training("old", 5, 1.0)),
        t.with(DecayFactor.APPROXIMATION_RANGE, 1e-6))).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void anEpochFollowsThePredictionWhenItsRateIsWithinTheTolerance() {
    assertThat(DecayFactor.holding(List.of(Math.exp(-0.05), Math.exp(-0.0549), Math.exp(-0.0551),
        Math.exp(-0.02)), 0.05, 0.1)).containsExactly(1, 2);
  }
}
