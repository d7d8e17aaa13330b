package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 3's rule on synthetic fits: exponent within a tolerance of -1 or -1/2, prefactor within a factor of 1. */
class TailOffTest {
  private final TailOff claim = new TailOff();
  private final Thresholds t = new Thresholds("claim3", Map.of("tailOffFraction", 0.5, "exponentTolerance", 0.1,
      "prefactorFactor", 3.0));

  private static TailOff.FitRow fit(double lambda, double slope, double prefactorSqrt, double prefactorInverse,
      int points) {
    return new TailOff.FitRow(lambda, slope, slope - 0.01, slope + 0.01, 0.99, points, slope, slope, prefactorSqrt,
        prefactorInverse, 1, TailOff.NEITHER, TailOff.NONE);
  }

  private static TailOff.FitRow fit(double lambda, double slope, double prefactorSqrt, double prefactorInverse) {
    return fit(lambda, slope, prefactorSqrt, prefactorInverse, 8);
  }

  private static TailOff.Result result(TailOff.FitRow... fits) {
    List<Double> lambdas = new ArrayList<>();
    for (TailOff.FitRow f : fits) {
      lambdas.add(f.lambda());
    }
    return new TailOff.Result(lambdas, 30, 120, 22, 0.05, 3, 2, 0.1, 10, List.of(10, 300), List.of(784, 196), 10,
        300, 30, 2060, 238200, 115.6, 1.0 / 238200, 0.022, 48, 0, fits.length, List.of(), List.of(fits), List.of(),
        List.of(), List.of(), List.of(), true, -0.3, -0.27, TailOff.NEITHER, 1.0, 1.04);
  }

  @Test
  void holdsWhenEveryLambdaMatchesOnePowerInScalingAndSize() {
    assertThat(claim.judge(result(fit(30, -0.52, 1.5, 900), fit(60, -0.47, 0.8, 500)), t)).isEqualTo(Outcome.HOLDS);
    assertThat(claim.judge(result(fit(30, -0.97, 300, 2.0), fit(60, -1.05, 200, 0.5)), t))
        .isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenTheScalingMatchesButTheSizeDoesNot() {
    // slope -1/2 as the book says, but the plateau is 25 times 1/sqrt(n_w)
    assertThat(claim.judge(result(fit(30, -0.5, 25, 4000), fit(60, -0.45, 18, 3000)), t))
        .isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void holdsWithCaveatsWhenOneLambdaMatchesFullyAndAnotherOnlyInScaling() {
    assertThat(claim.judge(result(fit(30, -0.5, 2, 400), fit(60, -0.5, 5, 900)), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenSomeLambdasSlopeMatchesNeitherPower() {
    assertThat(claim.judge(result(fit(30, -0.5, 2, 400), fit(60, -0.75, 2, 400)), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenNoLambdaHasEnoughSettledGroups() {
    assertThat(claim.judge(result(fit(30, Double.NaN, Double.NaN, Double.NaN, 2)), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void lambdasWithTooFewSettledGroupsAreLeftOut() {
    assertThat(claim.judge(result(fit(30, Double.NaN, Double.NaN, Double.NaN, 2), fit(60, -0.5, 1, 400)), t))
        .isEqualTo(Outcome.HOLDS);
  }

  @Test
  void theToleranceAndTheFactorMoveTheVerdict() {
    TailOff.Result r = result(fit(30, -0.62, 5, 900));
    assertThat(claim.judge(r, t)).isEqualTo(Outcome.FAILS);
    assertThat(claim.judge(r, t.with(TailOff.EXPONENT_TOLERANCE, 0.15))).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(r, t.with(TailOff.EXPONENT_TOLERANCE, 0.15).with(TailOff.PREFACTOR_FACTOR, 6)))
        .isEqualTo(Outcome.HOLDS);
  }

  @Test
  void anExponentMatchesTheNearerPower() {
    assertThat(TailOff.exponentMatches(-0.92, 0.1)).isEqualTo(TailOff.INVERSE);
    assertThat(TailOff.exponentMatches(-0.55, 0.1)).isEqualTo(TailOff.INVERSE_SQRT);
    assertThat(TailOff.exponentMatches(-0.75, 0.25)).isEqualTo(TailOff.INVERSE);
    assertThat(TailOff.exponentMatches(-0.3, 0.1)).isEqualTo(TailOff.NEITHER);
  }
}
