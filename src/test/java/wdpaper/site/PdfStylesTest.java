package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import wdpaper.project.UserError;

class PdfStylesTest {
  static final Path ASSETS = Path.of(System.getProperty("project.root", ".")).resolve("templates/assets");

  @Test
  void replacesCustomPropertiesByTheirTopLevelRootValuesKeepingLineNumbers() {
    String css = """
        :root { --holds: #1b7a3a; --sans: 'DejaVu Sans', sans-serif;
          --border: 2px solid var(--holds); }
        @media (prefers-color-scheme: dark) { :root { --holds: #6fd38f; } }
        .badge-holds { background: var(--holds); font-family: var(--sans); }
        .verdict { border: var(--border); color: var(--missing, #222); }
        """;
    String pdf = PdfStyles.resolve("style.css", css);
    assertThat(pdf).doesNotContain("var(").doesNotContain("--holds").doesNotContain(":root");
    assertThat(pdf.lines().toList().get(3)).isEqualTo(
        ".badge-holds { background: #1b7a3a; font-family: 'DejaVu Sans', sans-serif; }");
    assertThat(pdf.lines().toList().get(4)).isEqualTo(".verdict { border: 2px solid #1b7a3a; color: #222; }");
    assertThat(pdf.lines().count()).isEqualTo(css.lines().count());
  }

  @Test
  void aVariableWithoutValueOrFallbackIsAnErrorNamingFileAndLine() {
    String css = ":root { --fg: #111; }\n\n.x { color: var(--fgg); }\n";
    assertThatThrownBy(() -> PdfStyles.resolve("templates/assets/style.css", css)).isInstanceOf(UserError.class)
        .hasMessage("templates/assets/style.css:3: var(--fgg) has no value: --fgg is not declared in a top-level"
            + " :root rule and there is no fallback");
  }

  @Test
  void aCycleOfVariablesIsAnError() {
    String css = ":root { --a: var(--b); --b: var(--a); }\n.x { color: var(--a); }\n";
    assertThatThrownBy(() -> PdfStyles.resolve("s.css", css)).isInstanceOf(UserError.class)
        .hasMessageContaining("s.css:1: custom properties refer to each other in a cycle (--a -> --b -> --a)");
  }

  @Test
  void reportsWhatTheRendererWouldDropUnlessItIsScreenOnly() {
    String css = """
        .layout { display: flex; gap: 2rem; }
        .box { color: var(--x); }
        .cell { overflow-wrap: anywhere; }
        @media (max-width: 50rem) { .layout { display: block; } }
        """;
    List<String> problems = PdfStyles.check("templates/assets/style.css", css);
    assertThat(problems).containsExactly(
        "templates/assets/style.css:2: the PDF renderer ignores 'color: var(--x)' (Value for color must be an"
            + " identifier or a color Skipping declaration.)",
        "templates/assets/style.css:3: the PDF renderer ignores 'overflow-wrap: anywhere' (overflow-wrap is an"
            + " unrecognized CSS property Ignoring declaration.)");
  }

  /** The project's own stylesheets reach the PDF with nothing dropped that matters. */
  @Test
  void theProjectsStylesheetsHaveNoUnsupportedCssForThePdf() throws IOException {
    List<Path> sheets;
    try (Stream<Path> s = Files.list(ASSETS)) {
      sheets = s.filter(p -> p.toString().endsWith(".css")).sorted().toList();
    }
    assertThat(sheets).extracting(p -> p.getFileName().toString()).contains("style.css", "paper.css");
    for (Path p : sheets) {
      String name = "templates/assets/" + p.getFileName();
      String pdf = PdfStyles.resolve(name, Files.readString(p));
      assertThat(pdf).as(name).doesNotContain("var(");
      assertThat(PdfStyles.check(name, pdf)).as(name).isEmpty();
    }
  }
}
