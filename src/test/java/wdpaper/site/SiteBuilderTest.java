package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.claims.Figure;
import wdpaper.claims.Series;
import wdpaper.figures.FigureAssembler;
import wdpaper.figures.FigureText;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/** The site builder on small projects of its own (no runs needed). */
class SiteBuilderTest {
  static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();

  /** Content errors are errors. */
  @Nested
  class ContentErrors {
    @TempDir Path root;

    @BeforeEach
    void aTinyProject() throws IOException {
      Files.createDirectories(root.resolve("content"));
      Files.createDirectories(root.resolve("templates/assets"));
      Files.writeString(root.resolve("templates/macros.ftl"), "<#-- none -->\n");
      Files.writeString(root.resolve("templates/page.ftlh"), "<html><body>${page.html?no_esc}</body></html>\n");
      Files.createDirectories(root.resolve("templates/partials"));
      Files.copy(ROOT.resolve("templates/partials/xref.ftlh"), root.resolve("templates/partials/xref.ftlh"));
      page("01-intro.md", "Introduction", 1, "Some text.\n");
    }

    private void page(String file, String title, int order, String body) throws IOException {
      Files.writeString(root.resolve("content").resolve(file), "---\ntitle: " + title + "\norder: " + order + "\n---\n"
          + body);
    }

    private SiteBuilder build() {
      return build(1);
    }

    private SiteBuilder build(int threads) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("verdicts", new LinkedHashMap<>());
      return new SiteBuilder(root, SiteBuilder.loadPages(root.resolve("content")), model, Map.of()).threads(threads)
          .render();
    }

    private String error() {
      return error(1);
    }

    private String error(int threads) {
      try {
        build(threads);
      } catch (UserError e) {
        assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG);
        return e.getMessage();
      }
      throw new AssertionError("no error");
    }

    @Test
    void anUnknownCitationKeyIsAnErrorNamingPageLineAndKey() throws IOException {
      Files.copy(ROOT.resolve("content/references.bib"), root.resolve("content/references.bib"));
      page("02-cited.md", "Cited", 2, "As the book says [@nielsen2015], and as\nnobody says [@nielsen2051].\n");
      assertThat(error()).isEqualTo("content/02-cited.md:6: unknown reference [@nielsen2051]: content/references.bib"
          + " has no entry 'nielsen2051' (it has: nielsen2015, lecun1998mnist, lecun1998efficient, glorot2010)");
    }

    @Test
    void aCitationWithoutAReferencesFileIsAnError() throws IOException {
      page("02-cited.md", "Cited", 2, "As the book says [@nielsen2015].\n");
      assertThat(error()).isEqualTo("content/02-cited.md:5: unknown reference [@nielsen2015]: content/references.bib"
          + " does not exist");
    }

    @Test
    void citationsBecomeLinksToTheReferenceListOnTheLastPage() throws IOException {
      Files.copy(ROOT.resolve("content/references.bib"), root.resolve("content/references.bib"));
      Files.writeString(root.resolve("templates/page.ftlh"), "<html><body>${page.html?no_esc}<#if !page.next??>"
          + "<#list references as r><li id=\"${r.id}\">${r.html?no_esc}</li></#list></#if></body></html>\n");
      page("02-cited.md", "Cited", 2, "Weights from [@lecun1998efficient; @glorot2010], data [@lecun1998mnist].\n\n"
          + "Table: Two numbers.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
      Path out = root.resolve("out");
      build().writeSite(out);
      String cited = Files.readString(out.resolve("cited.html"));
      assertThat(cited).contains("Weights from (<a class=\"cite-ref\" href=\"cited.html#ref-lecun1998efficient\">LeCun"
          + " et al. 1998</a>; <a class=\"cite-ref\" href=\"cited.html#ref-glorot2010\">Glorot and Bengio 2010</a>),"
          + " data (<a class=\"cite-ref\" href=\"cited.html#ref-lecun1998mnist\">LeCun, Cortes and Burges 1998</a>).");
      assertThat(cited).contains("<li id=\"ref-glorot2010\">Glorot, Xavier, and Yoshua Bengio. 2010.");
      assertThat(cited.indexOf("ref-glorot2010\">")).isLessThan(cited.indexOf("<li id=\"ref-lecun1998efficient"));
      // a reference's URL is a link
      assertThat(cited).contains("Springer. <a href=\"https://doi.org/10.1007/3-540-49430-8_2\">"
          + "https://doi.org/10.1007/3-540-49430-8_2</a></li>");
      assertThat(cited).contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table 1\">"
          + "<table><caption><span class=\"table-number\">Table 1. </span>Two numbers.</caption>");
      assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("ref-");
    }

    @Test
    void withTwoBrokenPagesTheFirstPagesErrorIsReportedWhateverTheNumberOfThreads() throws IOException {
      page("02-math.md", "Math", 2, "A formula:\n\n$$\nx = y\n\nThe rest of the page.\n\nAnd more.\n");
      page("03-fine.md", "Fine", 3, "Inline $x^2$ and display:\n\n$$\nx = y\n$$\n");
      page("04-tex.md", "Tex", 4, "A formula that is not TeX: $\\nosuchcommand$.\n");
      String first = "content/02-math.md:7: unterminated $$: the display formula that starts here is never closed by a"
          + " line ending in $$, so it would swallow the rest of the page (and 1 more page errors)";
      for (int threads : new int[] {1, 2, 4}) {
        assertThat(error(threads)).as(threads + " threads").isEqualTo(first);
      }
      // the other way round: the TeX error comes first, the page with the unclosed formula after it
      Files.move(root.resolve("content/04-tex.md"), root.resolve("content/01-tex.md"));
      Files.writeString(root.resolve("content/01-tex.md"), Files.readString(root.resolve("content/01-tex.md"))
          .replace("order: 4", "order: 0"));
      String tex = error(1);
      assertThat(tex).startsWith("content/01-tex.md: invalid TeX '\\nosuchcommand': ")
          .endsWith(" (and 1 more page errors)");
      for (int threads : new int[] {2, 4}) {
        assertThat(error(threads)).as(threads + " threads").isEqualTo(tex);
      }
    }

    @Test
    void theNumberOfThreadsIsAtLeastOne() {
      assertThatThrownBy(() -> build(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("threads must be at least 1, was 0");
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
              + " content (allowed: class, id, title, lang, dir, href, data-figure, data-claim, data-experiment,"
              + " data-metric, data-layer, data-log, data-axis, data-line, data-part)"},
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

  /**
   * A one-page site with the project's templates and a small model: the page writes a figure's words and a verdict,
   * and a typed decimal planted in any place a reader sees (prose, caption, title, legend label, verdict box, table,
   * math) is rejected with the file and line.
   */
  @Nested
  class WordsAndNumbers {
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
      demo.put("slope", -0.4987);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("kind", "share");
      line.put("index", 0);
      line.put("lambda", 0.5);
      Map<String, Object> fig = new LinkedHashMap<>();
      fig.put("id", "demo-fig");
      fig.put("experiments", List.of("demo-exp"));
      fig.put("lines", List.of(line));
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put("title", "T");
      raw.put("subtitle", "S");
      raw.put("authors", List.of(Map.of("name", "A")));
      raw.put("year", "2026");
      raw.put("citeKey", "k");
      Map<String, Object> site = SiteInfo.model("content/site.json", raw);
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
      Figure data = new Figure("demo-fig", List.of("demo-exp"), false, false, List.of(new Figure.Line("share",
          Figure.params("lambda", 0.5), Series.exact("share", new double[] {1, 2}, new double[] {0.8, 0.9}),
          Figure.Look.MEASURED, 0)));
      b.figures(List.of(FigureAssembler.assemble(data, f)));
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

    @Test
    void negativeNumbersPrintWithTheMinusSignNotAHyphen() throws IOException {
      SiteBuilder b = build(PAGE.replace("Prose with a share", "Slope ${p.f(d.slope)}, ${p.pctOf(d.slope, 1)},"
          + " ${p.sig(d.slope, 2)}, ${p.sci(d.slope)}. Prose with a share"));
      Figure data = new Figure("demo-fig", List.of("demo-exp"), false, false, List.of(new Figure.Line("share",
          Figure.params("lambda", 0.5), Series.exact("share", new double[] {1, 2}, new double[] {0.8, 0.9}),
          Figure.Look.MEASURED, 0)));
      b.figures(List.of(FigureAssembler.assemble(data, b.figureTexts().get(0))));
      Path out = root.resolve("out");
      b.writeSite(out);
      assertThat(Files.readString(out.resolve("index.html"))).contains("Slope −0.50, −49.9%, −0.50, −0.50. Prose");
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
}
