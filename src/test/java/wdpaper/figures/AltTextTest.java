package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AltTextTest {
  /** At n_w = 238200: 47/√n_w = 0.0963 for λ = 10, 30 n_w^−0.45 = 0.114 for λ = 50; the largest, at n_w = 7940. */
  @Test
  void saysAxesSeriesWhichEndsHighestTheRangeAndTheCensoredPoints() {
    FigureSpec scale = SampleFigures.all().stream().filter(f -> f.id().equals("scale")).findFirst().orElseThrow();
    assertThat(AltText.of(scale)).isEqualTo("Chart with points and lines of weight RMS at tail-off (log scale)"
        + " against number of weights n_w (log scale), 6 series: tail-off scale, λ = 10 (points); fit, slope −0.36,"
        + " λ = 10 (dashed); tail-off scale, λ = 50 (points); fit, slope −0.45, λ = 50 (dashed); slope −1 (1/n_w)"
        + " (dash-dot); slope −1/2 (1/√n_w) (dashed). At the end, tail-off scale, λ = 50 is highest (0.114) and"
        + " tail-off scale, λ = 10 lowest (0.0963). The measured values range from 0.0963 to 0.527. 1 point is"
        + " drawn open (open: never tails off within 20 epochs (last-epoch RMS: an upper bound)).");
  }

  @Test
  void numbersReadAsInTheProse() {
    assertThat(AltText.number(96.41)).isEqualTo("96.4");
    assertThat(AltText.number(0.0513)).isEqualTo("0.0513");
    assertThat(AltText.number(1.234e-5)).isEqualTo("1.23\u00a0×\u00a010⁻⁵");
    assertThat(AltText.number(-3e8)).isEqualTo("−3\u00a0×\u00a010⁸");
    assertThat(AltText.number(1)).isEqualTo("1");
  }
}
