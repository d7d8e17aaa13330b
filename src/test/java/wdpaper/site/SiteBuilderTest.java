package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/** Content errors are errors: on a small project of its own (no runs needed). */
class SiteBuilderTest {
  @TempDir Path root;

  @BeforeEach
  void aTinyProject() throws IOException {
    Files.createDirectories(root.resolve("content"));
    Files.createDirectories(root.resolve("templates/assets"));
    Files.writeString(root.resolve("templates/macros.ftl"), "<#-- none -->\n");
    Files.writeString(root.resolve("templates/page.ftlh"), "<html><body>${page.html?no_esc}</body></html>\n");
    page("01-intro.md", "Introduction", 1, "Some text.\n");
  }

  private void page(String file, String title, int order, String body) throws IOException {
    Files.writeString(root.resolve("content").resolve(file), "---\ntitle: " + title + "\norder: " + order + "\n---\n"
        + body);
  }

  private SiteBuilder build() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("verdicts", new LinkedHashMap<>());
    return new SiteBuilder(root, model, List.of()).render();
  }

  private String error() {
    try {
      build();
    } catch (UserError e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG);
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  @Test
  void anUnterminatedDisplayFormulaIsAnErrorAtItsLine() throws IOException {
    page("02-math.md", "Math", 2, "A formula:\n\n$$\nx = y\n\nThe rest of the page.\n\nAnd more.\n");
    assertThat(error()).isEqualTo("content/02-math.md:7: unterminated $$: the display formula that starts here is"
        + " never closed by a line ending in $$, so it would swallow the rest of the page");
  }

  @Test
  void aStrayDoubleDollarInAParagraphIsAnError() throws IOException {
    page("02-math.md", "Math", 2, "A formula:\n\nwhere $$x = y is the rule.\n");
    assertThat(error()).isEqualTo("content/02-math.md:7: unterminated $$: no closing $$ in the same paragraph");
  }

  @Test
  void aDollarThatSwallowsAParagraphIsAnError() throws IOException {
    page("02-math.md", "Math", 2, "Let $x be the input" + " and a long sentence follows".repeat(20) + " until y$.\n");
    assertThat(error()).startsWith("content/02-math.md:5: a formula of ").contains("is a $ unmatched?");
  }

  @Test
  void closedFormulasPass() throws IOException {
    page("02-math.md", "Math", 2, "Inline $x$ and display:\n\n$$\nx = y\n$$ {#eq:xy}\n\nSee @eq:xy.\n");
    SiteBuilder b = build();
    assertThat(b.pages()).hasSize(2);
  }

  @Test
  void duplicatePageNamesAndOrdersAreErrors() throws IOException {
    page("02-intro.md", "Again", 2, "Text.\n");
    assertThat(error()).isEqualTo("content/02-intro.md: the page name 'intro' is also that of content/01-intro.md"
        + " (both would be intro.html); rename one of them");
    Files.delete(root.resolve("content/02-intro.md"));
    page("02-index.md", "Index", 2, "Text.\n");
    assertThat(error()).isEqualTo("content/02-index.md: the page name 'index' is reserved (the build writes"
        + " index.html itself); rename the file");
    Files.delete(root.resolve("content/02-index.md"));
    page("03-paper.md", "Paper", 3, "Text.\n");
    assertThat(error()).startsWith("content/03-paper.md: the page name 'paper' is reserved");
    Files.delete(root.resolve("content/03-paper.md"));
    page("02-second.md", "Second", 1, "Text.\n");
    assertThat(error()).isEqualTo("content/02-second.md:3: order 1 is also that of content/01-intro.md; give each"
        + " page its own order");
  }

  @Test
  void windowsLineEndsAreAcceptedEverywhere() throws IOException {
    Files.writeString(root.resolve("content/02-crlf.md"), "---\r\ntitle: Saved on Windows\r\norder: 2\r\n---\r\n"
        + "Text with $x$.\r\n\r\n$$\r\ny = x\r\n$$ {#eq:crlf}\r\n\r\nSee @eq:crlf.\r\n");
    Files.writeString(root.resolve("templates/page.ftlh"), "<html>\r\n<body>${page.html?no_esc}</body>\r\n</html>\r\n");
    SiteBuilder b = build();
    assertThat(b.pages()).extracting(Page::title).containsExactly("Introduction", "Saved on Windows");
    Path out = Files.createDirectories(root.resolve("out"));
    b.writeSite(out);
    String html = Files.readString(out.resolve("crlf.html"));
    assertThat(html).doesNotContain("\r").contains("id=\"eq-crlf\"").contains(">(1)</a>");
  }

  @Test
  void aPageThatIsNotUtf8IsNamed() throws IOException {
    Files.write(root.resolve("content/02-latin.md"), "---\ntitle: Caf\u00e9\norder: 2\n---\n".getBytes(
        java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThatThrownBy(this::build).hasMessage("content/02-latin.md: is not UTF-8 text; save it as UTF-8");
  }

  // ---- nothing outside the project reaches the site --------------------------------------------------------------

  @Test
  void rawHtmlThatCouldRunOrLoadSomethingIsRejectedWithItsLine() throws IOException {
    String[][] cases = {
        {"<script>alert(1)</script>", "raw HTML <script> is not allowed in content (allowed tags: a, abbr, b, br,"},
        {"<img src=x onerror=alert(1)>", "raw HTML <img> is not allowed in content"},
        {"<iframe src=\"https://example.org\"></iframe>", "raw HTML <iframe> is not allowed in content"},
        {"A <span onclick=\"alert(1)\">click</span> here.", "raw HTML attribute 'onclick' on <span> is not allowed in"
            + " content (allowed: class, id, title, lang, dir, href, data-figure, data-claim)"},
        {"<div style=\"background:url(https://example.org/x)\">x</div>", "raw HTML attribute 'style' on <div> is not"
            + " allowed"},
        {"A <a href=\"javascript:alert(1)\">link</a>.", "link to 'javascript:alert(1)' is not allowed: only http:,"
            + " https:, mailto:, relative links and #anchors"},
        {"A [link](javascript:alert(1)).", "link to 'javascript:alert(1)' is not allowed"},
        {"A [link](JAVASCRIPT:alert(1)).", "link to 'JAVASCRIPT:alert(1)' is not allowed"},
        {"A <a href=\"JaVa&#09;script:alert(1)\">link</a>.", "link to 'JaVa\tscript:alert(1)' is not allowed"},
        {"A [link](jav&#x61;script:alert(1)).", "link to 'javascript:alert(1)' is not allowed"},
        {"A [data link](data:text/html,hi).", "link to 'data:text/html,hi' is not allowed"},
        {"![pixel](https://tracker.example.org/p.png)", "image 'https://tracker.example.org/p.png' is not a file of the"
            + " site: images must be relative paths (the site loads nothing from elsewhere)"},
    };
    for (String[] c : cases) {
      page("02-raw.md", "Raw", 2, "Fine text.\n\n" + c[0] + "\n");
      assertThat(error()).as(c[0]).startsWith("content/02-raw.md:7: " + c[1]);
    }
  }

  @Test
  void theProjectsOwnKindsOfHtmlPass() throws IOException {
    page("02-ok.md", "Ok", 2, "E = mc<sup>2</sup>, <abbr title=\"stochastic gradient descent\">SGD</abbr>,"
        + " <kbd>Ctrl</kbd>.\n\n<div class=\"note\" id=\"n\">A note.</div>\n\n<!-- a comment -->\n\n"
        + "[the book](http://neuralnetworksanddeeplearning.com/chap3.html), [mail](mailto:a@example.org),"
        + " [section](intro.html#top), [here](#top).\n");
    assertThat(build().pages()).hasSize(2);
  }

  @Test
  void symbolicLinksOutOfTheProjectAreRefused(@TempDir Path outside) throws IOException {
    Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0");
    Path leak = Files.createSymbolicLink(root.resolve("templates/assets/leak.css"), secret);
    assertThat(error()).isEqualTo("templates/assets/leak.css: is a symbolic link to " + secret.toRealPath()
        + ", outside the project; refusing to use it (copy the file into the project instead)");
    Files.delete(leak);
    Path include = Files.createSymbolicLink(root.resolve("templates/partial.ftlh"), secret);
    assertThat(error()).startsWith("templates/partial.ftlh: is a symbolic link to ");
    Files.delete(include);
    Files.createSymbolicLink(root.resolve("content/02-elsewhere.md"), secret);
    assertThat(error()).startsWith("content/02-elsewhere.md: is a symbolic link to ");
    Files.delete(root.resolve("content/02-elsewhere.md"));
    Files.createSymbolicLink(root.resolve("templates/assets/gone.css"), outside.resolve("gone.css"));
    assertThat(error()).isEqualTo("templates/assets/gone.css: is a symbolic link to " + outside.resolve("gone.css")
        + ", which does not exist");
    Files.delete(root.resolve("templates/assets/gone.css"));
    // a link that stays inside the project is followed, and its target published as a file
    Files.writeString(root.resolve("shared.css"), "body{}");
    Files.createSymbolicLink(root.resolve("templates/assets/shared.css"), root.resolve("shared.css"));
    Path out = Files.createDirectories(root.resolve("out"));
    build().writeSite(out);
    assertThat(Files.isSymbolicLink(out.resolve("assets/shared.css"))).isFalse();
    assertThat(Files.readString(out.resolve("assets/shared.css"))).isEqualTo("body{}");
  }

  @Test
  void aTemplateThatCallsItselfWithoutEndIsNamed() throws IOException {
    page("02-loop.md", "Loop", 2, "<#macro again><@again/></#macro><@again/>\n");
    assertThat(error()).isEqualTo("content/02-loop.md: the template recursion is too deep (does a macro, function or"
        + " include call itself without end?)");
  }
}
