package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The outcome across a threshold's range: segments, fragility and the nearest flip. */
class SensitivityTest {
  @Test
  void theGridRunsFromLowToHighInEqualSteps() {
    List<Double> g = Sensitivity.grid(Threshold.fraction("share"), 0.8, 1.0);
    assertThat(g).hasSize(Sensitivity.STEPS + 1);
    assertThat(g.get(0)).isEqualTo(0.8);
    assertThat(g.get(g.size() - 1)).isEqualTo(1.0);
  }

  @Test
  void aWholeNumberThresholdIsTriedAtWholeNumbersOnce() {
    assertThat(Sensitivity.grid(Threshold.count("n", 1), 1, 4)).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void oneOutcomeAcrossTheRangeIsNotFragile() {
    Sensitivity s = Sensitivity.of("k", 0.9, 0.8, 1.0, List.of(0.8, 0.9, 1.0), List.of(Outcome.HOLDS,
        Outcome.HOLDS, Outcome.HOLDS), Outcome.HOLDS);
    assertThat(s.fragile()).isFalse();
    assertThat(s.segments()).containsExactly(new Sensitivity.Segment(0.8, 1.0, "holds"));
    assertThat(s.flipAt()).isNaN();
  }

  @Test
  void aFlipInsideTheRangeIsFragileAndNamesTheNearestValue() {
    Sensitivity s = Sensitivity.of("k", 0.85, 0.8, 1.0, List.of(0.8, 0.85, 0.9, 0.95, 1.0), List.of(Outcome.HOLDS,
        Outcome.HOLDS, Outcome.CAVEATS, Outcome.CAVEATS, Outcome.FAILS), Outcome.HOLDS);
    assertThat(s.fragile()).isTrue();
    assertThat(s.segments()).containsExactly(new Sensitivity.Segment(0.8, 0.85, "holds"),
        new Sensitivity.Segment(0.9, 0.95, "caveats"), new Sensitivity.Segment(1.0, 1.0, "fails"));
    assertThat(s.flipAt()).isEqualTo(0.9);
    assertThat(s.flipOutcome()).isEqualTo("caveats");
  }
}
