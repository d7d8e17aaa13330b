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
}
