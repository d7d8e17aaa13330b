package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The saturation rule on synthetic results. */
class SaturationTest {
  private final Saturation claim = new Saturation();
  private final Thresholds t = new Thresholds("saturation", Map.of("z", 4.0, "oldSaturatedPercent", 50.0,
      "newSaturatedPercent", 10.0, "gradientRatio", 0.5));

  private static Saturation.Result result(double old0, double new0, double gradOld, double gradNew) {
    return new Saturation.Result(4, 1000, 0.0177, 5, old0, new0, 70, 50, 0.05, 0.2, gradOld, gradNew,
        gradOld / gradNew);
  }

  @Test
  void holdsWhenTheOldInitSaturatesTheNewDoesNotAndItsGradientStepsAreMuchSmaller() {
    assertThat(claim.judge(result(64, 0.7, 0.03, 0.09), t)).isEqualTo(Outcome.HOLDS);
  }

  @Test
  void holdsWithCaveatsWhenItSaturatesButTheGradientStepsAreNotMuchSmaller() {
    assertThat(claim.judge(result(63.8, 0.7, 0.0728, 0.0875), t)).isEqualTo(Outcome.CAVEATS);
  }

  @Test
  void doesNotHoldWhenTheOldInitIsNotSaturated() {
    assertThat(claim.judge(result(30, 0.7, 0.03, 0.09), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void doesNotHoldWhenTheNewInitIsSaturatedToo() {
    assertThat(claim.judge(result(64, 20, 0.03, 0.09), t)).isEqualTo(Outcome.FAILS);
  }

  @Test
  void theSaturationThresholdMustBeTheOneTheTrainerMeasures() {
    assertThat(Saturation.Z.accepts(wdpaper.nn.Trainer.SATURATION_Z)).isTrue();
    assertThat(Saturation.Z.accepts(3.5)).isFalse();
    assertThat(Saturation.Z.expectation()).isEqualTo("exactly 4 (the trainer measures saturation at |z| > 4 only)");
  }
}
