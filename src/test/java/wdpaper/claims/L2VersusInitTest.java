package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 4's rule on synthetic results: shrink, gap, and distance to 1/sqrt(n_in). */
class L2VersusInitTest {
  private final L2VersusInit claim = new L2VersusInit();
  private final Thresholds t = new Thresholds("claim4", Map.of("minShrink", 1.5, "maxOverTarget", 2.0));

  private static L2VersusInit.Result result(double shrink, double stillAbove, double oldNoL2Std, double oldL2Std,
      double gapEpoch1, double gapFinal) {
    return new L2VersusInit.Result(List.of(), List.of(784, 30, 10), 784, 30, 5, 0.0357, 0.18, shrink, stillAbove,
        gapEpoch1, gapFinal, 1.4, oldNoL2Std, oldL2Std, Math.abs(gapFinal) < Math.abs(gapEpoch1), 8.9, 0.32, 0.2);
  }

  @Test
  void holdsWhenL2ShrinksTheOldInitToWithinTheFactorOfTheTargetAndTheGapCloses() {
    assertThat(claim.judge(result(20, 1.5, 1.0, 0.05, 5.3, 0.3), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenItShrinksAndTheGapClosesButTheStdStaysFarAboveTheTarget() {
    assertThat(claim.judge(result(3.6, 7.8, 0.9995, 0.2782, 5.29, 0.30), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenTheStdShrinksTooLittle() {
    assertThat(claim.judge(result(1.2, 7.8, 0.9995, 0.83, 5.29, 0.30), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenWithoutL2TheStdEndsSmaller() {
    assertThat(claim.judge(result(3.6, 7.8, 0.2, 0.2782, 5.29, 0.30), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTheAccuracyGapDoesNotNarrow() {
    assertThat(claim.judge(result(3.6, 7.8, 0.9995, 0.2782, 0.3, 5.29), t)).isEqualTo(Outcome.FAILS);
  }
}
