package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MathRendererTest {
  private final MathRenderer math = new MathRenderer();

  @Test
  void theAccessibleNameAndTitleAreReadableTextNotTex() {
    Element svg = Jsoup.parseBodyFragment(math.svg("\\eta\\lambda \\ll n", false)).selectFirst("svg");
    assertThat(svg.attr("role")).isEqualTo("img");
    assertThat(svg.attr("aria-label")).isEqualTo("ηλ ≪ n");
    assertThat(svg.selectFirst("title").text()).isEqualTo("ηλ ≪ n");
  }

  @Test
  void characterReferencesInTheTextAreEscaped() {
    String svg = math.svg("|z| > 4", false);
    assertThat(svg).contains("aria-label='|z| &gt; 4'").contains("<title>|z| &gt; 4</title>");
  }

  @Test
  void sizeIsInEmSoThatAFormulaTakesTheSizeOfTheTextAroundItWithIntegerPixelFallback() {
    Element inline = Jsoup.parseBodyFragment(math.svg("\\lambda", false)).selectFirst("svg");
    assertThat(inline.attr("width")).matches("[0-9]+");
    assertThat(inline.attr("height")).matches("[0-9]+");
    assertThat(inline.attr("style")).matches("width:[0-9.]+em;height:[0-9.]+em;vertical-align:-[0-9.]+em");
    double widthEm = Double.parseDouble(inline.attr("style").replaceAll("^width:([0-9.]+)em.*", "$1"));
    assertThat(widthEm).isCloseTo(Integer.parseInt(inline.attr("width")) / 17.0, org.assertj.core.data.Offset
        .offset(0.001));
    Element display = Jsoup.parseBodyFragment(math.svg("\\frac{a}{b}", true)).selectFirst("svg");
    assertThat(display.attr("style")).doesNotContain("vertical-align");
  }

  @Test
  void invalidTexNamesTheFormula() {
    assertThatThrownBy(() -> math.svg("\\nosuchcommand", false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid TeX '\\nosuchcommand': ");
  }

  @Test
  void em() {
    assertThat(MathRenderer.em(17)).isEqualTo("1em");
    assertThat(MathRenderer.em(26)).isEqualTo("1.529em");
    assertThat(MathRenderer.em(0)).isEqualTo("0em");
  }

  /**
   * The formulas of a page's Markdown as written are drawn ahead (inline, display, $$ in a paragraph), in the
   * form the page later asks for, so the page's render reuses them; a formula with a template value or a directive
   * in it, an invalid one and an unclosed one are left to the page, and nothing throws.
   */
  @Test
  void formulasAreDrawnAheadAsThePageWillAskForThem() {
    Page page = Page.parse("content/05-claim-2.md", "---\ntitle: T\norder: 5\n---\n"
        + "Decay $\\eta\\lambda \\ll n$ and $$a^2$$ here, $\\lambda = ${x}$, $\\notacommand x$ bad.\n\n"
        + "$$\nw \\to (1 - \\eta\\lambda/n) w\n$$\n\n<#if x>$b_<#if y>1</#if>$</#if>\n\n$$\nz = 1\n");
    MathRenderer ahead = new MathRenderer();
    ahead.drawAhead(java.util.List.of(page));
    assertThat(ahead.drawn()).isEqualTo(3);
    MarkdownRenderer markdown = new MarkdownRenderer(ahead);
    assertThat(markdown.formulas("Decay $\\eta\\lambda \\ll n$ and $$a^2$$ here.\n\n$$\nw \\to (1 - "
        + "\\eta\\lambda/n) w\n$$\n")).containsExactly(new MathRenderer.Formula("\\eta\\lambda \\ll n", false),
        new MathRenderer.Formula("a^2", true), new MathRenderer.Formula("w \\to (1 - \\eta\\lambda/n) w", true));
    // the page's own render of those formulas draws nothing new
    markdown.render("Decay $\\eta\\lambda \\ll n$ and $$a^2$$ here.\n\n$$\nw \\to (1 - \\eta\\lambda/n) w\n$$\n");
    assertThat(ahead.drawn()).isEqualTo(3);
  }
}
