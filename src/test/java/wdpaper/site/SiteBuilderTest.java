package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.figures.FigureText;
import wdpaper.project.UserError;

/**
 * A one-page site with the project's templates and a small model: the page writes a figure's words and a verdict,
 * and a typed decimal planted in any place a reader sees (prose, caption, title, legend label, verdict box, table,
 * math) is rejected with the file and line.
 */
class SiteBuilderTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  static final String PAGE = """
      ---
      title: Demo
      order: 1
      ---
      <#assign d = demo>

      Prose with a share of ${p.f(d.share, 3)} and $\\lambda = ${d.lambda}$.

      <@p.figure id="demo-fig" title="Decay share, λ = ${d.lambda}" x="epoch" y="share">
      <@p.legend series="share"; s>share, λ = ${s.lambda}</@p.legend>
      Caption with ${p.pctOf(d.share)} of the change.
      </@p.figure>

      | run | tiny |
      |---|---:|
      | x | ${p.sci(d.tiny)} |

      <@p.verdict claim="demo">
      <@p.measured>a share of ${p.f(d.share, 3)}.</@p.measured>
      <@p.rule>at least ${p.pctOf(d.threshold, 0)}.</@p.rule>
      <@p.caveat>one caveat.</@p.caveat>
      </@p.verdict>
      """;

  @TempDir Path root;

  @BeforeEach
  void copyTemplates() throws IOException {
    Path from = ROOT.resolve("templates");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path to = root.resolve("templates").resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Files.createDirectories(root.resolve("content"));
  }

  private static Map<String, Object> model() {
    Map<String, Object> demo = new LinkedHashMap<>();
    demo.put("share", 0.8256356174099836);
    demo.put("lambda", 0.5);
    demo.put("tiny", 1.0e-5);
    demo.put("threshold", 0.9);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("kind", "share");
    line.put("index", 0);
    line.put("lambda", 0.5);
    Map<String, Object> fig = new LinkedHashMap<>();
    fig.put("id", "demo-fig");
    fig.put("experiments", List.of("demo-exp"));
    fig.put("lines", List.of(line));
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", "T");
    site.put("subtitle", "S");
    site.put("authors", "A");
    site.put("year", "2026");
    site.put("citeKey", "k");
    site.put("outcomes", Map.of("holds", "holds", "caveats", "holds with caveats", "fails", "does not hold"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("demo", demo);
    m.put("verdicts", Map.of("demo", Map.of("claim", "demo", "outcome", "caveats")));
    m.put("figures", Map.of("demo-fig", fig));
    m.put("experiments", Map.of());
    m.put("site", site);
    m.put("build", Map.of("profile", "full", "quick", false));
    return m;
  }

  private SiteBuilder build(String page) throws IOException {
    Files.writeString(root.resolve("content/01-demo.md"), page);
    return new SiteBuilder(root, SiteBuilder.loadPages(root.resolve("content")), model(),
        Map.of("demo-fig", List.of("demo-exp"))).render();
  }

  private String rejected(String from, String to) {
    assertThat(PAGE).contains(from);
    try {
      build(PAGE.replace(from, to));
    } catch (UserError e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("the page with '" + to + "' was accepted");
  }

  @Test
  void thePageWritesTheFiguresWordsAndTheVerdictBox() throws IOException {
    SiteBuilder b = build(PAGE);
    FigureText f = b.figureTexts().get(0);
    assertThat(f.id()).isEqualTo("demo-fig");
    assertThat(f.where()).isEqualTo("content/01-demo.md:9");
    assertThat(f.title()).isEqualTo("Decay share, λ = 0.5");
    assertThat(f.xLabel()).isEqualTo("epoch");
    assertThat(f.legends()).containsExactly(Map.entry(0, "share, λ = 0.5"));
    assertThat(f.captionHtml()).isEqualTo("Caption with 82.6% of the change.");
    Path out = root.resolve("out");
    b.writeSite(out);
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).contains("Prose with a share of 0.826 and")
        .contains("<strong>Decay share, λ = 0.5.</strong> Caption with 82.6% of the change.")
        .contains("<span class=\"badge badge-caveats\">holds with caveats</span>")
        .contains("<p class=\"verdict-evidence\"><strong>Measured:</strong> a share of 0.826.</p>")
        .contains("<p class=\"verdict-rule\"><strong>Rule:</strong> at least 90%.</p>")
        .contains("<li>one caveat.</li>")
        .contains("<td align=\"right\">1.0&nbsp;×&nbsp;10⁻⁵</td>")
        .doesNotContain("\uE000").doesNotContain("\uE001");
  }

  private static final String TEXT = "' in the rendered text; numbers the reader sees must come from the data through"
      + " ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with ?string is not)";

  @Test
  void aTypedDecimalIsRejectedInTheProse() {
    assertThat(rejected("Prose with a share", "Prose with 12.5 and a share"))
        .isEqualTo("content/01-demo.md:7: literal number '12.5" + TEXT);
  }

  @Test
  void aTypedDecimalIsRejectedInTheMath() {
    assertThat(rejected("$\\lambda = ${d.lambda}$", "$\\eta = 0.1$"))
        .isEqualTo("content/01-demo.md:7: literal number '0.1" + TEXT);
  }

  @Test
  void aTypedDecimalIsRejectedInAFigureTitle() {
    assertThat(rejected("title=\"Decay share,", "title=\"Decay share 0.25,"))
        .isEqualTo("content/01-demo.md:9: literal number '0.25' typed in a template string; numbers the reader sees"
            + " must come from the data through ${...} or p.f, p.pct, p.sci");
  }

  @Test
  void aTypedDecimalIsRejectedInALegendLabel() {
    assertThat(rejected("share, λ = ${s.lambda}", "share 0.75, λ = ${s.lambda}"))
        .isEqualTo("content/01-demo.md:10: literal number '0.75" + TEXT);
  }

  @Test
  void aTypedDecimalIsRejectedInACaption() {
    assertThat(rejected("Caption with", "Caption with 0.25 and"))
        .isEqualTo("content/01-demo.md:11: literal number '0.25" + TEXT);
  }

  @Test
  void aTypedDecimalIsRejectedInATable() {
    assertThat(rejected("| x |", "| 1.5 |")).isEqualTo("content/01-demo.md:16: literal number '1.5" + TEXT);
  }

  @Test
  void aTypedDecimalIsRejectedInTheVerdictBox() {
    assertThat(rejected("a share of ${p.f(d.share, 3)}.</@p.measured>", "a share of 0.816.</@p.measured>"))
        .isEqualTo("content/01-demo.md:19: literal number '0.816" + TEXT);
    assertThat(rejected("at least ${p.pctOf(d.threshold, 0)}", "at least 90%"))
        .isEqualTo("content/01-demo.md:20: literal number '90%" + TEXT);
    assertThat(rejected("one caveat.", "one caveat at 2.5 sigma."))
        .isEqualTo("content/01-demo.md:21: literal number '2.5" + TEXT);
  }

  @Test
  void theKnownRoutesAroundTheCheckAreClosed() {
    assertThat(rejected("Prose with a share", "Prose with ${97.3} a share")).isEqualTo("content/01-demo.md:7:"
        + " number '97.3' typed in a template expression; numbers the reader sees must come from the data (the"
        + " experiment specs, content/thresholds.json, the claims' results)");
    assertThat(rejected("Prose with a share", "Prose with ${\"96.1 %\"} a share")).startsWith(
        "content/01-demo.md:7: literal number '96.1 %' typed in a template string");
    assertThat(rejected("Prose with a share", "Prose with 97,3 a share"))
        .isEqualTo("content/01-demo.md:7: literal number '97,3" + TEXT);
    assertThat(rejected("Prose with a share", "Prose with 1e-3 a share"))
        .isEqualTo("content/01-demo.md:7: literal number '1e-3" + TEXT);
    // computed in the template: no mark, so the rendered text gives it away
    assertThat(rejected("${p.f(d.share, 3)} and", "${d.share * 2} and"))
        .isEqualTo("content/01-demo.md:7: literal number '1.65127123482" + TEXT);
    // formatted past the page functions
    assertThat(rejected("${p.f(d.share, 3)} and", "${d.share?c} and"))
        .isEqualTo("content/01-demo.md:7: literal number '0.8256356174099836" + TEXT);
  }

  @Test
  void aLegendForASeriesTheFigureDoesNotHaveIsAnError() {
    assertThat(rejected("series=\"share\"", "series=\"shares\"")).startsWith("content/01-demo.md:10:1 (in"
        + " templates/macros.ftl:").endsWith("): figure 'demo-fig' has no series 'shares' (its series: share)");
  }
}
