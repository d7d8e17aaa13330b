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
}
