package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline edition made from a small site of its own: what it embeds, and what it refuses. */
class OfflineEditionTest {
  @TempDir Path site;

  static final String FIGURE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns='http://www.w3.org/2000/svg'"
      + " xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg' width='360px' height='432px' viewBox='0 0 360 432'>"
      + "<title>A chart</title><defs><clipPath id='a-narrow-clip-0'><path d='M0,0L9,0L9,9Z'/></clipPath></defs>"
      + "<line x1='1' y1='2' x2='3' y2='4' style='stroke:rgb(1,2,3)' transform='matrix(1,0,0,1,5,6)'"
      + " clip-path='url(#a-narrow-clip-0)'/><line x1='3' y1='4' x2='5' y2='6' style='stroke:rgb(1,2,3)'"
      + " transform='matrix(1,0,0,1,5,6)' clip-path='url(#a-narrow-clip-0)'/>"
      + "<path d='M1,1L2,2' style='fill:rgb(0,0,0)' transform='matrix(1,0,0,1,7,8)'/></svg>\n";
  static final String GLYPH = "M35.703125,-29.203125L11.59375,-0.796875Z";

  @BeforeEach
  void aSite() throws IOException {
    Files.createDirectories(site.resolve("assets"));
    Files.createDirectories(site.resolve("figures"));
    Files.writeString(site.resolve("assets/style.css"), "body { color: #111; }\n");
    Files.writeString(site.resolve("assets/favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    Files.writeString(site.resolve("assets/cite.js"), "var copied = 1;\n");
    Files.writeString(site.resolve("figures/a-narrow.svg"), FIGURE);
  }

  static String paper(String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>T</title>"
        + "<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"
        + "<link rel=\"stylesheet\" href=\"assets/style.css\"><script src=\"assets/cite.js\" defer></script></head>"
        + "<body class=\"paper offline\"><nav class=\"contents\"><ol><li><a href=\"#sec-intro\">Intro</a></li></ol>"
        + "</nav><section class=\"chapter\" id=\"sec-intro\"><h1>1. Intro</h1><h2>First part</h2>" + body
        + "</section></body></html>";
  }

  static String formula(String label) {
    return "<svg role=\"img\" aria-label=\"" + label + "\" class=\"tex\" xmlns=\"http://www.w3.org/2000/svg\""
        + " width=\"18\" height=\"20\" viewBox=\"0.0 0.0 18.0 20.0\"><title>" + label + "</title><g style=\"fill:"
        + "rgb(0,0,0);stroke:none\" transform=\"matrix(0.1699999962002039,0.0,0.0,0.1699999962002039,4.000000014901161,"
        + "15.805564999580383)\"><path d=\"" + GLYPH + "\" /></g></svg>";
  }

  @Test
  void stylesScriptAndFaviconAreEmbeddedAndNothingPointsToALocalFile() {
    String html = OfflineEdition.embed(paper("<p>Text.</p>"), site);
    Document d = Jsoup.parse(html);
    assertThat(d.select("link[rel=stylesheet], script[src]")).isEmpty();
    assertThat(d.select("style").first().data()).isEqualTo("body { color: #111; }\n");
    assertThat(d.body().children().last().tagName()).isEqualTo("script");
    assertThat(d.body().children().last().data()).isEqualTo("var copied = 1;\n");
    assertThat(d.selectFirst("link[rel=icon]").attr("href")).startsWith("data:image/svg+xml;base64,");
  }

  @Test
  void aFigureIsDrawnInlineOnceNamedByItsAltTextWithItsStylesAsClassesAndItsRunsGrouped() {
    String html = OfflineEdition.embed(paper("<figure class=\"figure\" id=\"fig-a\"><img class=\"offline-figure\""
        + " src=\"figures/a-narrow.svg\" width=\"360\" height=\"432\" alt=\"Line chart of a against b\"></figure>"),
        site);
    assertThat(html).doesNotContain("<img", "<?xml", "jfreesvg", "style='");
    Element svg = Jsoup.parse(html).selectFirst("figure svg.offline-figure");
    assertThat(svg.attr("role")).isEqualTo("img");
    assertThat(svg.attr("aria-label")).isEqualTo("Line chart of a against b");
    assertThat(svg.attr("width")).isEqualTo("360");
    assertThat(html).contains("<style>.f0s0{stroke:rgb(1,2,3)}.f0s1{fill:rgb(0,0,0)}</style>");
    // the two lines share their transform and clip path: one group carries them; the lone path keeps its own
    assertThat(html).contains("<g transform='matrix(1,0,0,1,5,6)' clip-path='url(#a-narrow-clip-0)'><line x1='1'"
        + " y1='2' x2='3' y2='4' class='f0s0'/><line x1='3' y1='4' x2='5' y2='6' class='f0s0'/></g><path d='M1,1L2,2'"
        + " class='f0s1' transform='matrix(1,0,0,1,7,8)'/></svg>");
  }

  @Test
  void eachGlyphOfTheFormulasIsStoredOnceAndUsedByReference() {
    String html = OfflineEdition.embed(paper("<p>" + formula("λ") + " and " + formula("λ") + "</p>"), site);
    Document d = Jsoup.parse(html);
    assertThat(d.select("defs > path")).hasSize(1);
    assertThat(d.selectFirst("defs > path").attr("d")).isEqualTo(GLYPH);
    assertThat(d.selectFirst("defs > path").id()).isEqualTo("glyph-0");
    assertThat(d.select("svg.tex use").eachAttr("href")).containsExactly("#glyph-0", "#glyph-0");
    assertThat(d.select("svg.tex path")).isEmpty();
    assertThat(d.selectFirst("svg.tex g").attr("transform")).isEqualTo("matrix(0.17,0,0,0.17,4,15.806)");
    assertThat(d.selectFirst("svg.tex").attr("aria-label")).isEqualTo("λ");
  }

  @Test
  void theContentsListEachSectionsSubsections() {
    Document d = Jsoup.parse(OfflineEdition.embed(paper("<p>Text.</p>"), site));
    assertThat(d.selectFirst("h2").id()).isEqualTo("sec-intro-1");
    assertThat(d.select("nav.contents li li a").eachAttr("href")).containsExactly("#sec-intro-1");
    assertThat(d.select("nav.contents li li a").eachText()).containsExactly("First part");
  }

  @Test
  void aLinkToALocalFileIsAnError() {
    assertThatThrownBy(() -> OfflineEdition.embed(paper("<p><a href=\"claim-1.html\">claim 1</a></p>"), site))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("paper.html: <a href=\"claim-1.html\"> refers to a local file; the offline edition embeds files"
            + " or links absolute URLs only");
  }

  @Test
  void anInPageLinkWithoutItsTargetIsAnError() {
    assertThatThrownBy(() -> OfflineEdition.embed(paper("<p><a href=\"#fig-gone\">Figure 9</a></p>"), site))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("paper.html: the link '#fig-gone' has no target in the document");
  }

  @Test
  void aStylesheetThatLoadsAFileIsAnError() throws IOException {
    Files.writeString(site.resolve("assets/style.css"), "body { background: url('bg.png'); }\n");
    assertThatThrownBy(() -> OfflineEdition.embed(paper(""), site))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("paper.html: assets/style.css refers to the file 'bg.png', which the offline edition cannot"
            + " embed");
  }
}
