package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure, at every size it is drawn at, is legible: three labelled ticks per axis, no "E" notation, the
 * smallest text at least 80 % of the body text at each width it is read at (desktop column, phone, A4 PDF),
 * nothing outside the drawing and no text on another. The build applies the same check to every real figure.
 */
class FigureCheckTest {
  static Stream<Arguments> figures() {
    List<Arguments> out = new ArrayList<>();
    for (FigureSpec f : SampleFigures.all()) {
      for (Variant v : Variant.values()) {
        out.add(Arguments.of(f.id(), v, f));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("figures")
  void everyFigureIsLegibleAtEveryWidth(String id, Variant v, FigureSpec spec) {
    Chart chart = ChartFactory.build(spec, v);
    assertThat(FigureCheck.problems(chart)).isEmpty();
    // the same rules, spelled out
    for (Ticks.Axis axis : List.of(chart.xAxis(), chart.yAxis())) {
      assertThat(axis.labelled()).hasSizeGreaterThanOrEqualTo(3);
      axis.labelled().forEach(t -> assertThat(t.label()).doesNotContainPattern("\\d[eE]").doesNotContain("E"));
    }
    for (Variant.Reading r : v.readings()) {
      assertThat(r.shownSize(chart.minTextSize(), chart.width())).as(r.where())
          .isGreaterThanOrEqualTo(0.8 * r.bodySize() - 1e-9);
    }
  }

  @Test
  void theVariantsAreReadWhereTheIssueSays() {
    // desktop: 48rem column at 17 px; phone: 390 px with 16 px body; PDF: 174 mm = 493.2 pt with 10.5 pt body
    assertThat(Variant.WIDE.readings().get(0).displayWidth()).isEqualTo(816);
    assertThat(Variant.NARROW.readings().get(0).displayWidth()).isEqualTo(390 - 2 * 1.2 * 16);
    assertThat(Variant.PRINT.readings().get(0).displayWidth()).isCloseTo(493.228, org.assertj.core.data.Offset
        .offset(0.001));
    assertThat(Variant.PRINT.readings().get(0).bodySize()).isEqualTo(10.5);
    assertThat(Variant.PRINT.minTextSize()).isGreaterThanOrEqualTo(8.4f);
  }

  @Test
  void styleCssServesTheWideFigureWithTheSameMediaQuery() throws Exception {
    Path css = Path.of(System.getProperty("project.root", ".")).resolve("templates/assets/style.css");
    assertThat(Variant.wideMedia())
        .isEqualTo("(min-width: 1087px), (min-width: 752px) and (max-width: 799.98px)");
    assertThat(Files.readString(css)).contains("@media " + Variant.wideMedia() + " {");
  }

  @Test
  void theCheckNamesAnAxisWithTooFewTicksAndELabels() {
    FigureSpec spec = SampleFigures.all().get(0);
    Chart good = ChartFactory.build(spec, Variant.WIDE);
    Ticks.Axis two = new Ticks.Axis(0, 1, false, List.of(new Ticks.Tick(0, "0"), new Ticks.Tick(1, "1E1")));
    Chart bad = new Chart(spec, Variant.WIDE, good.width(), good.height(), good.plotArea(), two, good.yAxis(),
        List.of(new Chart.Placed("tick-x", TextBlock.tick("1E1", 15f), 100, 100, false)), List.of());
    assertThatThrownBy(() -> FigureCheck.require(bad)).isInstanceOf(IllegalStateException.class).hasMessage(
        "figure 'accuracy' (wide): the x axis has 2 labelled ticks [0, 1E1], expected at least 3; figure 'accuracy'"
            + " (wide): x tick label '1E1' is in E notation");
  }

  @Test
  void theCheckNamesTextThatIsTooSmallOutsideOrOverlapping() {
    FigureSpec spec = SampleFigures.all().get(0);
    Chart good = ChartFactory.build(spec, Variant.NARROW);
    TextBlock tiny = TextBlock.of("tiny", 9f);
    List<Chart.Placed> texts = List.of(new Chart.Placed("legend", tiny, 10, 20, false),
        new Chart.Placed("legend", TextBlock.of("over", 14f), 12, 22, false),
        new Chart.Placed("axis-x", TextBlock.of("outside", 14f), good.width() - 5, 40, false));
    Chart bad = new Chart(spec, Variant.NARROW, good.width(), good.height(), good.plotArea(), good.xAxis(),
        good.yAxis(), texts, List.of());
    List<String> problems = FigureCheck.problems(bad);
    assertThat(problems).contains(
        "figure 'accuracy' (narrow): smallest text 8.8 at 390 px phone (16 px body), below 80 % of its 16.0 body"
            + " text (12.8)",
        "figure 'accuracy' (narrow): legend text 'tiny' overlaps legend text 'over'",
        "figure 'accuracy' (narrow): axis-x text 'outside' reaches outside the drawing");
  }

  @Test
  void rotatedTextIsBoxedAlongTheAxis() {
    TextBlock b = TextBlock.of("weight RMS", 10f);
    Rectangle2D box = new Chart.Placed("axis-y", b, 20, 200, true).bounds();
    assertThat(box.getHeight()).isEqualTo(b.width);
    assertThat(box.getMaxY()).isEqualTo(200);
  }
}
