package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import wdpaper.figures.RichText.Run;
import wdpaper.figures.RichText.Shift;

class RichTextTest {
  @Test
  void underscoreAndCaretMakeOneCharacterOrABracedGroupAScript() {
    assertThat(RichText.parse("n_w")).containsExactly(new Run("n", Shift.NONE), new Run("w", Shift.SUB));
    assertThat(RichText.parse("1/√n_{in} = 1/√784")).containsExactly(new Run("1/√n", Shift.NONE),
        new Run("in", Shift.SUB), new Run(" = 1/√784", Shift.NONE));
    assertThat(RichText.parse("‖w‖^2, λ = 5")).containsExactly(new Run("‖w‖", Shift.NONE), new Run("2", Shift.SUPER),
        new Run(", λ = 5", Shift.NONE));
    assertThat(RichText.parse("10^{-4}")).containsExactly(new Run("10", Shift.NONE), new Run("−4", Shift.SUPER));
  }

  @Test
  void backslashEscapesTheMarkupCharacters() {
    assertThat(RichText.parse("run\\_id \\^ \\{x\\} \\\\")).containsExactly(new Run("run_id ^ {x} \\", Shift.NONE));
  }

  @Test
  void hyphenBeforeADigitAfterASpaceOrOpeningIsAMinusSign() {
    assertThat(RichText.plain("fit, slope -0.36")).isEqualTo("fit, slope −0.36");
    assertThat(RichText.plain("-1 and (-2) and x=-3")).isEqualTo("−1 and (−2) and x=−3");
    assertThat(RichText.plain("tail-off, epochs 1-3, N(0,1)")).isEqualTo("tail-off, epochs 1-3, N(0,1)");
    assertThat(RichText.parse("‖w_{e-1}‖")).contains(new Run("e−1", Shift.SUB));
  }

  @Test
  void malformedLabelsAreErrorsNamingLabelAndColumn() {
    assertThatThrownBy(() -> RichText.parse("n_{w")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label \"n_{w\": '_{' is never closed, expected '}' (column 2)");
    assertThatThrownBy(() -> RichText.parse("x^")).hasMessage(
        "label \"x^\": '^' must be followed by a character or {…} (column 2)");
    assertThatThrownBy(() -> RichText.parse("a_ b")).hasMessage(
        "label \"a_ b\": '_' must be followed by a character or {…} (column 2)");
    assertThatThrownBy(() -> RichText.parse("x_{}")).hasMessage("label \"x_{}\": '_{}' is empty (column 2)");
    assertThatThrownBy(() -> RichText.parse("x_{a^2}")).hasMessage(
        "label \"x_{a^2}\": scripts do not nest ('^' inside '_') (column 2)");
    assertThat(RichText.check("n_w")).isNull();
    assertThat(RichText.check("n_")).isEqualTo("label \"n_\": '_' must be followed by a character or {…} (column 2)");
  }

  @Test
  void figureSpecRejectsAMalformedLabelNamingTheFigure() {
    assertThatThrownBy(() -> new FigureSpec("f", "title", "caption", List.of("e"), "x", "n_{w", false, false,
        List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("figure 'f': label \"n_{w\": '_{' is never closed, expected '}' (column 2)");
  }

  @Test
  void plainTextUsesUnicodeScriptsWhereEveryCharacterHasOne() {
    assertThat(RichText.plain("‖w‖^2")).isEqualTo("‖w‖²");
    assertThat(RichText.plain("10^{-4}")).isEqualTo("10⁻⁴");
    assertThat(RichText.plain("x_{10}")).isEqualTo("x₁₀");
    assertThat(RichText.plain("n_w")).isEqualTo("n_w");
    assertThat(RichText.plain("n_{in}")).isEqualTo("n_in");
  }

  @Test
  void htmlUsesSubAndSupAndEscapes() {
    assertThat(RichText.html("n_{in} < ‖w‖^2 & \"q\"")).isEqualTo(
        "n<sub>in</sub> &lt; ‖w‖<sup>2</sup> &amp; &quot;q&quot;");
  }

  @Test
  void scriptsAreDrawnSmallerAndRaisedOrLowered() {
    TextBlock b = TextBlock.of("n_w ‖w‖^2", 10f);
    assertThat(b.pieces).hasSize(4);
    assertThat(b.pieces.get(1).font().getSize2D()).isEqualTo(10f * HouseTheme.SCRIPT_SCALE);
    assertThat(b.pieces.get(1).dy()).isPositive();
    assertThat(b.pieces.get(3).dy()).isNegative();
    TextBlock tick = TextBlock.tick("2×10⁻⁴", 10f);
    assertThat(tick.pieces).extracting(TextBlock.Piece::text).containsExactly("2×10", "−4");
  }
}
