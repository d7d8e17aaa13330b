package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The least-squares fit (EJML) against hand-computed values. */
class StatsTest {
  @Test
  void fitsAnExactLineWithZeroStandardError() {
    Stats.Fit f = Stats.fit(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9});
    assertThat(f.intercept()).isCloseTo(1, within(1e-12));
    assertThat(f.slope()).isCloseTo(2, within(1e-12));
    assertThat(f.slopeStandardError()).isCloseTo(0, within(1e-12));
    assertThat(f.r2()).isCloseTo(1, within(1e-12));
    assertThat(f.points()).isEqualTo(4);
  }

  @Test
  void givesTheTextbookStandardErrorOfTheSlope() {
    // x = 0..4, y = 0, 1, 1, 3, 5: b = sxy/sxx = 12/10, a = 2 - 1.2 * 2 = -0.4, residuals 0.4, 0.2, -1, -0.2, 0.6,
    // RSS = 1.6, s^2 = 1.6/3, se(b) = sqrt(s^2 / sxx) = sqrt(0.16/3), R^2 = 1 - 1.6/16
    Stats.Fit f = Stats.fit(new double[] {0, 1, 2, 3, 4}, new double[] {0, 1, 1, 3, 5});
    assertThat(f.slope()).isCloseTo(1.2, within(1e-12));
    assertThat(f.intercept()).isCloseTo(-0.4, within(1e-12));
    assertThat(f.slopeStandardError()).isCloseTo(Math.sqrt(0.16 / 3), within(1e-12));
    assertThat(f.r2()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void twoPointsLeaveNoDegreeOfFreedomForTheStandardError() {
    Stats.Fit f = Stats.fit(new double[] {1, 2}, new double[] {1, 3});
    assertThat(f.slope()).isCloseTo(2, within(1e-12));
    assertThat(f.slopeStandardError()).isNaN();
  }
}
