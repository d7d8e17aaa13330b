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
}
