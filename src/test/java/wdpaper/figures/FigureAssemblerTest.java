package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.claims.Figure;
import wdpaper.claims.Series;
import wdpaper.project.UserError;

class FigureAssemblerTest {
  private static Figure scale() {
    double[] nw = {7940, 23820, 79400, 238200};
    double[] y = {0.53, 0.33, 0.2, 0.16};
    return new Figure("claim3-scale-vs-nw", List.of("width-sweep"), true, true, List.of(new Figure.Line("scale",
        Figure.params("lambda", 10.0), new Series("scale", nw, y, y, y, 3), Figure.Look.POINTS, 0,
        new boolean[] {false, false, false, true})));
  }

  private static FigureText words(String censored) {
    return new FigureText("claim3-scale-vs-nw", "content/06-claim-3.md:34", "title", "number of weights n_w",
        "weight RMS", Map.of(0, "tail-off scale, λ = 10"), "caption", null, null, 1, "", censored);
  }

  @Test
  void censoredPointsReachTheChartWithThePagesLegendEntry() {
    FigureSpec spec = FigureAssembler.assemble(scale(), words("open: never tails off"));
    assertThat(spec.plots().get(0).censored(3)).isTrue();
    assertThat(spec.plots().get(0).censored(2)).isFalse();
    assertThat(spec.censoredLabel()).isEqualTo("open: never tails off");
  }

  @Test
  void censoredPointsWithoutALegendEntryAreAnErrorNamingThePage() {
    assertThatThrownBy(() -> FigureAssembler.assemble(scale(), words(null))).isInstanceOf(UserError.class)
        .hasMessage("content/06-claim-3.md:34: figure 'claim3-scale-vs-nw' has censored points (drawn as open"
            + " markers, e.g. runs that never tail off): give their legend entry with <@p.censored>…</@p.censored>");
  }

  @Test
  void aMalformedLabelIsAnErrorNamingThePage() {
    FigureText bad = new FigureText("claim3-scale-vs-nw", "content/06-claim-3.md:34", "title", "n_{w", "y",
        Map.of(0, "a"), "caption", null, null, 1, "", "open");
    assertThatThrownBy(() -> FigureAssembler.assemble(scale(), bad)).isInstanceOf(UserError.class)
        .hasMessage("content/06-claim-3.md:34: figure 'claim3-scale-vs-nw': label \"n_{w\": '_{' is never closed,"
            + " expected '}' (column 2)");
  }
}
