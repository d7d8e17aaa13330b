package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 1's rule on synthetic results: old-init epoch-1 shares for lambda below and above the book's. */
class DecayDominanceTest {
  private final DecayDominance claim = new DecayDominance();
  private final Thresholds t = new Thresholds("claim1", Map.of("dominanceShare", 0.9));

  /** Old-init smallest shares for lambda 0.5, 5 and 50 (the book's is 5); new-init rows never dominated. */
  private static DecayDominance.Result result(double small, double book, double large) {
    List<DecayDominance.Row> rows = new ArrayList<>();
    double[] lambdas = {0.5, 5, 50};
    double[] shares = {small, book, large};
    for (int i = 0; i < 3; i++) {
      rows.add(new DecayDominance.Row("old", lambdas[i], shares[i], shares[i], 0, 0.1, 0, 10, false, 1, 1));
      rows.add(new DecayDominance.Row("new", lambdas[i], 0.95, 0.95, 0, 0.1, 0, 10, false, 1, 1));
    }
    return new DecayDominance.Result(List.of(0.5, 5.0, 50.0), 10, List.of(784, 30, 10), 0.987, 300, 5, rows);
  }

  @Test
  void holdsWhenEveryLambdaFromTheBooksIsDominatedAndNoSmallerOne() {
    assertThat(claim.judge(result(0.82, 0.98, 0.999), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenASmallLambdaIsDominatedToo() {
    assertThat(claim.judge(result(0.95, 0.98, 0.999), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void holdsWithCaveatsWhenOnlySomeLargeLambdaQualify() {
    assertThat(claim.judge(result(0.5, 0.85, 0.999), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenNoLambdaFromTheBooksIsDominated() {
    assertThat(claim.judge(result(0.5, 0.85, 0.89), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void theThresholdDecides() {
    DecayDominance.Result r = result(0.82, 0.98, 0.999);
    assertThat(claim.judge(r, t.with(DecayDominance.DOMINANCE, 0.8))).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(r, t.with(DecayDominance.DOMINANCE, 0.99))).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(r, t.with(DecayDominance.DOMINANCE, 1.0))).isEqualTo(Outcome.FAILS);
  }

  @Test
  void withoutAnyLambdaAtLeastTheBooksTheClaimCannotHold() {
    DecayDominance.Result r = new DecayDominance.Result(List.of(0.5), 10, List.of(784, 30, 10), 0.987, 300, 5,
        List.of(new DecayDominance.Row("old", 0.5, 0.5, 0.5, 0, 0.1, 0, 10, false, 1, 1)));
    assertThat(claim.judge(r, t)).isEqualTo(Outcome.FAILS);
  }
}
