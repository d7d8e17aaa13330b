package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathExtensionTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer(new MathRenderer());

  /** The attribute order is part of the bytes written: fixed, not the per-JVM order of a hash map. */
  @Test
  void numberedEquationAttributesAreWrittenInAFixedOrder() {
    String html = markdown.render("Text.\n\n$$\nx = 1\n$$ {#eq:one}\n\nAnd $y$.\n");
    assertThat(html).contains("<div class=\"equation\" id=\"eq-one\" data-label=\"eq:one\"><span class=\"math"
        + " display\"><svg ").contains("<span class=\"math inline\"><svg ");
  }
}
