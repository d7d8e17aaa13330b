package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 1's rule on synthetic results: old-init epoch-1 shares for lambda below and above the book's. */
class DecayDominanceTest {
  private final DecayDominance claim = new DecayDominance();
  private final Thresholds t = new Thresholds("claim1", Map.of("dominanceShare", 0.9, "displacementShare", 0.5,
      "cosineInit", 0.9, "accuracyDropPoints", 1.0));

  /** A row whose learning measures are: displacement share, cosine to init, accuracy gap (points). */
  private static DecayDominance.Row row(String init, double lambda, double share, double displacement, double cos,
      double gap) {
    return new DecayDominance.Row(init, lambda, share, share, 0, displacement, 0, 10, false, 1, 1, -10, 1, 0.5,
        List.of(cos, cos, cos), List.of(gap, gap, gap));
  }

  /** Old-init rows with the given shares; learning dominated (2 of 3) at every lambda unless told otherwise. */
  private static DecayDominance.Result result(double small, double book, double large, double displacement,
      double cos, double gap) {
    List<DecayDominance.Row> rows = new ArrayList<>();
    double[] lambdas = {0.5, 5, 50};
    double[] shares = {small, book, large};
    for (int i = 0; i < 3; i++) {
      rows.add(row("old", lambdas[i], shares[i], displacement, cos, gap));
      rows.add(row("new", lambdas[i], 0.95, 0.1, 0.5, 0));
    }
    return new DecayDominance.Result(List.of(0.5, 5.0, 50.0), 10, List.of(784, 30, 10), 0.987, 300, 5, rows);
  }

  /** Old-init smallest shares for lambda 0.5, 5 and 50 (the book's is 5); new-init rows never dominated. */
  /** Learning dominated by cosine and accuracy (displacement not). */
  private static DecayDominance.Result result(double small, double book, double large) {
    return result(small, book, large, 0.1, 0.99, -3);
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
        List.of(row("old", 0.5, 0.5, 0.1, 0.99, -3)));
    assertThat(claim.judge(r, t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void holdsWithCaveatsWhenTheSizeIsDominatedButTheLearningIsNot() {
    // cosine high, but decay neither moves the weights most nor costs accuracy: one vote of three
    assertThat(claim.judge(result(0.82, 0.98, 0.999, 0.1, 0.99, 0.2), t)).isEqualTo(Outcome.CAVEATS);
    // accuracy drops and displacement is decay's, the weights have turned: two votes
    assertThat(claim.judge(result(0.82, 0.98, 0.999, 0.6, 0.5, -2), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void theLearningThresholdsMoveTheVerdict() {
    DecayDominance.Result r = result(0.82, 0.98, 0.999, 0.1, 0.95, -1.5);
    assertThat(claim.judge(r, t)).isEqualTo(Outcome.HOLDS);
    assertThat(claim.judge(r, t.with(DecayDominance.COSINE, 0.96))).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(r, t.with(DecayDominance.ACCURACY_DROP, 2))).isEqualTo(Outcome.CAVEATS);
    assertThat(claim.judge(r, t.with(DecayDominance.ACCURACY_DROP, 2).with(DecayDominance.DISPLACEMENT, 0.1)))
        .isEqualTo(Outcome.HOLDS);
  }

  @Test
  void aMissingLambdaZeroBaselineIsNoVoteForDominance() {
    DecayDominance.Result r = result(0.82, 0.98, 0.999, 0.1, 0.99, Double.NaN);
    assertThat(claim.judge(r, t)).isEqualTo(Outcome.CAVEATS);
  }
}
