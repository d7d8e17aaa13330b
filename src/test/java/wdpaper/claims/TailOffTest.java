package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim 3's rule on synthetic fits: the smallest lambda's slope decides, within k standard errors. */
class TailOffTest {
  private final TailOff claim = new TailOff();
  private final Thresholds t = new Thresholds("claim3", Map.of("tailOffFraction", 0.5, "standardErrors", 2.0));

  /** Fits for lambda 10, 50, ... with the given (slope, standard error) pairs. */
  private static TailOff.Result result(double... slopeAndSe) {
    List<TailOff.FitRow> fits = new ArrayList<>();
    for (int i = 0; i < slopeAndSe.length; i += 2) {
      fits.add(new TailOff.FitRow(10 + 40 * i / 2, slopeAndSe[i], slopeAndSe[i + 1], 0.99,
          TailOff.classify(slopeAndSe[i], slopeAndSe[i + 1], 2), 12));
    }
    return new TailOff.Result(List.of(10.0, 50.0), 10, 50, 20, 0.1, 10, 784, List.of(10, 300), 10, 300, 30, 794,
        7940, 238200, 1.0 / 238200, fits, List.of(), List.of(), 5, List.of());
  }

  @Test
  void holdsWhenEverySlopeIsConsistentWithMinusOne() {
    assertThat(claim.judge(result(-0.98, 0.02, -1.03, 0.03), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenTheSmallestLambdasSlopeIsConsistentWithMinusOneHalf() {
    assertThat(claim.judge(result(-0.52, 0.02, -0.7, 0.01), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenTheSmallestLambdasSlopeIsNeither() {
    assertThat(claim.judge(result(-0.364, 0.017, -0.453, 0.003), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTheSlopesDisagreeAboutMinusOne() {
    // the smallest lambda says 1/n_w, a larger one says neither: the question's wording is not borne out
    assertThat(claim.judge(result(-0.99, 0.02, -0.7, 0.01), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void moreStandardErrorsMakeMoreSlopesConsistent() {
    TailOff.Result r = result(-0.45, 0.02, -0.453, 0.003);
    assertThat(claim.judge(r, t.with(TailOff.STANDARD_ERRORS, 1))).isEqualTo(Outcome.FAILS);
    assertThat(claim.judge(r, t.with(TailOff.STANDARD_ERRORS, 3))).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void classifiesASlopeAgainstMinusOneFirst() {
    assertThat(TailOff.classify(-0.8, 0.2, 2)).isEqualTo(TailOff.INVERSE);
    assertThat(TailOff.classify(-0.6, 0.1, 2)).isEqualTo(TailOff.INVERSE_SQRT);
    assertThat(TailOff.classify(-0.2, 0.1, 2)).isEqualTo(TailOff.NEITHER);
  }
}
