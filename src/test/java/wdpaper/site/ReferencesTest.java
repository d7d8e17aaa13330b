package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wdpaper.project.UserError;

class ReferencesTest {
  static References content() throws IOException {
    return References.parse("content/references.bib", Files.readString(Path.of("content/references.bib")));
  }

  @Test
  void theContentBibliographyParsesAndFormatsInThePaperStyle() throws IOException {
    References r = content();
    assertThat(r.keys()).containsExactly("nielsen2015", "lecun1998mnist", "lecun1998efficient", "glorot2010");
    assertThat(r.inText(List.of("nielsen2015", "glorot2010", "lecun1998efficient")))
        .containsExactly("Nielsen 2015", "Glorot and Bengio 2010", "LeCun et al. 1998");
    assertThat(r.text("nielsen2015")).isEqualTo("Nielsen, Michael A. 2015. Neural Networks and Deep Learning."
        + " Determination Press. http://neuralnetworksanddeeplearning.com/");
    assertThat(r.text("lecun1998efficient")).startsWith("LeCun, Yann, Léon Bottou, Genevieve B. Orr, and"
        + " Klaus-Robert Müller. 1998. Efficient BackProp. In Neural Networks: Tricks of the Trade")
        .endsWith(" Springer. https://doi.org/10.1007/3-540-49430-8_2");
  }

  @Test
  void theBibliographyIsSortedByAuthorAndGivesHtml() throws IOException {
    References r = content();
    assertThat(r.bibliography(List.of("nielsen2015", "glorot2010"), "html").keySet())
        .containsExactly("glorot2010", "nielsen2015");
    assertThat(r.bibliography(List.of("nielsen2015"), "html").get("nielsen2015"))
        .contains("<span style=\"font-style: italic\">Neural Networks and Deep Learning</span>");
  }

  @Test
  void formattingNeedsNoNetwork() throws IOException {
    ProxySelector before = ProxySelector.getDefault();
    List<URI> asked = new ArrayList<>();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        asked.add(uri);
        throw new IllegalStateException("network used: " + uri);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    });
    try {
      assertThat(content().text("glorot2010")).contains("Glorot, Xavier, and Yoshua Bengio. 2010.");
    } finally {
      ProxySelector.setDefault(before);
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void malformedBibtexIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> References.parse("content/references.bib", "@book{x, title = {A}"))
        .isInstanceOf(UserError.class)
        .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(3))
        .hasMessageStartingWith("content/references.bib: not valid BibTeX: ");
  }

  /**
   * The one processor reused for every call (reset between them) formats each entry, in text and HTML, and the
   * in-text citations exactly as a processor made for that call alone, whatever was formatted before.
   */
  @Test
  void theReusedProcessorFormatsAsANewOneForEachCall() throws Exception {
    References r = content();
    de.undercouch.citeproc.bibtex.BibTeXConverter conv = new de.undercouch.citeproc.bibtex.BibTeXConverter();
    java.util.Map<String, de.undercouch.citeproc.csl.CSLItemData> items = conv.toItemData(
        new org.jbibtex.BibTeXParser().parse(new java.io.StringReader(Files.readString(Path.of(
            "content/references.bib")))));
    String style;
    try (var in = References.class.getResourceAsStream(References.STYLE)) {
      style = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    List<String> all = List.of("glorot2010", "nielsen2015", "lecun1998mnist", "lecun1998efficient");
    r.inText(all);
    for (String format : List.of("html", "text")) {
      for (String k : all) {
        de.undercouch.citeproc.CSL fresh = new de.undercouch.citeproc.CSL(
            new de.undercouch.citeproc.ListItemDataProvider(items.get(k)), style);
        fresh.setOutputFormat(format);
        fresh.registerCitationItems(k);
        String expected = fresh.makeBibliography().getEntries()[0].strip();
        String got = r.bibliography(List.of(k), format).get(k);
        assertThat(got).isEqualTo(format.equals("text") ? expected : got);
        if (format.equals("html")) {
          assertThat(expected).contains(got.replaceAll("<a href=\"[^\"]*\">([^<]*)</a>", "$1"));
        }
      }
    }
    de.undercouch.citeproc.CSL fresh = new de.undercouch.citeproc.CSL(new de.undercouch.citeproc.ListItemDataProvider(
        all.stream().map(items::get).toArray(de.undercouch.citeproc.csl.CSLItemData[]::new)), style);
    fresh.setOutputFormat("text");
    fresh.registerCitationItems(all.toArray(new String[0]));
    List<String> expected = new ArrayList<>();
    for (String k : all) {
      expected.add(fresh.makeCitation(k).get(0).getText().strip());
    }
    r.text("nielsen2015");
    assertThat(r.inText(all)).isEqualTo(expected);
  }
}
