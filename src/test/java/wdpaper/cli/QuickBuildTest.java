package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** The --quick build end to end on real MNIST, checked as a user would: valid HTML, links, PDF, browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickBuildTest {
  Path tmp;
  Path out;
  Fixture.Run build;

  @BeforeAll
  void buildOnce() throws IOException {
    Fixture.Shared shared = Fixture.sharedQuickBuild();
    tmp = shared.dir();
    out = shared.out();
    build = shared.run();
  }

  @Test
  void buildsEveryPageFigureAndThePdf() throws IOException {
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(build.out()).contains("8 pages, 16 figures, paper.pdf");
    for (String f : List.of("index.html", "claim-1.html", "appendix.html", "paper.pdf", "paper.html", ".nojekyll",
        "manifest.sha256", "assets/style.css", "figures/book-accuracy-30.svg", "figures/book-accuracy-30.png",
        "figures/book-accuracy-30.csv", "figures/claim3-plateau-vs-nw.svg")) {
      assertThat(out.resolve(f)).exists();
    }
    String csv = Files.readString(out.resolve("figures/book-accuracy-30.csv"));
    assertThat(csv).startsWith("series,style,x,y_mean,y_lo,y_hi,seeds,censored\n\"old init N(0,1)\",measured,1,")
        .doesNotContain("#");
    assertThat(Files.readString(out.resolve("figures/book-accuracy-30.csv-metadata.json")))
        .contains("\"url\" : \"book-accuracy-30.csv\"").contains("\"prov:used\"");
    String index = Files.readString(out.resolve("index.html"));
    assertThat(index).contains("quick preview").contains("Verdicts at a glance");
    assertThat(Files.readString(out.resolve("claim-1.html"))).contains("class=\"badge badge-");
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    nu.validator.client.EmbeddedValidator v = new nu.validator.client.EmbeddedValidator();
    v.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.GNU);
    for (Path page : htmlPages()) {
      String report = v.validate(page);
      assertThat(report).as(page.getFileName().toString()).doesNotContain("error:");
    }
  }

  private static Document parse(Path page) {
    try {
      return Jsoup.parse(page.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyInternalLinkAnchorAndAssetResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    java.util.Map<Path, Document> parsed = new java.util.HashMap<>();
    int checked = 0;
    for (Path page : htmlPages()) {
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : d.select("[href], [src]")) {
        String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (target.startsWith("http") || target.startsWith("mailto:") || target.startsWith("data:")) {
          continue;
        }
        assertThat(target).as("relative links only").doesNotStartWith("/");
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file);
        checked++;
        if (!Files.exists(resolved)) {
          broken.add(page.getFileName() + " -> " + target);
        } else if (!anchor.isEmpty() && resolved.toString().endsWith(".html")
            && parsed.computeIfAbsent(resolved, QuickBuildTest::parse).getElementById(anchor) == null) {
          broken.add(page.getFileName() + " -> " + target + " (no such anchor)");
        }
      }
    }
    assertThat(broken).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void pdfHasEmbeddedFontsNumberedFiguresAndGreek() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(out.resolve("paper.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(10);
      int fonts = 0;
      for (PDPage page : pdf.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          fonts++;
        }
      }
      assertThat(fonts).isGreaterThan(0);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Figure 13").contains("Contents").contains("exp(−ηλ/m)").doesNotContain("#λ");
    }
  }

  @Test
  void siteOpensInChromiumWithFiguresMathAndNoConsoleErrors() throws IOException, InterruptedException {
    File chromium = new File("/usr/bin/chromium");
    File driverExe = new File("/usr/bin/chromedriver");
    assumeTrue(System.getenv("CI") != null || chromium.canExecute() && driverExe.canExecute(),
        "chromium not installed (CI installs it)");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--window-size=1200,1600", "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(driverExe).usingAnyFreePort()
        .build();
    ChromeDriver d = new ChromeDriver(svc, o);
    try {
      Path shots = Fixture.ROOT.resolve("target/screenshots");
      Files.createDirectories(shots);
      for (String page : List.of("index.html", "claim-2.html")) {
        d.get(out.resolve(page).toUri().toString());
        JavascriptExecutor js = d;
        // get() normally returns once the page has loaded, but on a loaded machine it has returned while still
        // "loading" (seen once): wait for it, polled, up to 30 s
        Object ready = js.executeScript("return document.readyState");
        for (int tries = 0; tries < 150 && !"complete".equals(ready); tries++) {
          Thread.sleep(200);
          ready = js.executeScript("return document.readyState");
        }
        assertThat(ready).isEqualTo("complete");
        long images = (Long) js.executeScript("return document.images.length");
        long loaded = (Long) js.executeScript(
            "return Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length");
        assertThat(loaded).isEqualTo(images);
        long math = (Long) js.executeScript("return Array.from(document.querySelectorAll('svg.tex'))"
            + ".filter(s => s.getBoundingClientRect().width > 0).length");
        assertThat(math).isGreaterThan(3);
        Files.write(shots.resolve(page.replace(".html", ".png")), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
        List<LogEntry> errors = d.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors on " + page).isEmpty();
      }
      d.get(out.resolve("claim-2.html").toUri().toString());
      // scrolled into view as a reader would (the images are lazy), polled: the page is large (inline math)
      long figures = 0;
      for (int tries = 0; tries < 50 && figures != 2; tries++) {
        figures = (Long) ((JavascriptExecutor) d).executeScript("const f = Array.from(document.querySelectorAll("
            + "'figure img')); f.forEach(i => i.scrollIntoView()); return document.readyState === 'complete'"
            + " ? f.filter(i => i.complete && i.naturalWidth > 0).length : 0");
        if (figures != 2) {
          Thread.sleep(200);
        }
      }
      assertThat(figures).isEqualTo(2);
    } finally {
      d.quit();
    }
  }

  @Test
  void rebuildFromTheSameCacheIsByteIdentical() throws Exception {
    Path again = tmp.resolve("again");
    Fixture.Run r = Fixture.cli("render", "--quick", "--project", Fixture.ROOT.toString(), "--out", again.toString(),
        "--cache", tmp.resolve("cache").toString(), "--mnist-dir", Fixture.mnist().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String manifest = Files.readString(out.resolve("manifest.sha256"));
    assertThat(Files.readString(again.resolve("manifest.sha256"))).isEqualTo(manifest);
    // and in another JVM (other hash seeds): every figure file (PDF, EPS, PNG, SVG, CSV, metadata) included
    Path elsewhere = tmp.resolve("other-jvm");
    Fixture.Run j = Fixture.java(tmp, List.of(), "render", "--quick", "--project", Fixture.ROOT.toString(), "--out",
        elsewhere.toString(), "--cache", tmp.resolve("cache").toString(), "--mnist-dir", Fixture.mnist().toString());
    assertThat(j.exit()).as(j.err()).isZero();
    assertThat(Files.readString(elsewhere.resolve("manifest.sha256"))).isEqualTo(manifest);
    assertThat(manifest).contains("  figures/claim3-plateau-vs-nw.pdf\n", "  figures/claim3-plateau-vs-nw.eps\n",
        "  figures/claim3-plateau-vs-nw-narrow.svg\n", "  figures/claim3-plateau-vs-nw.csv-metadata.json\n");
  }

  /**
   * Every figure on the site shows a phone and a desktop rendition with their sizes, opens its full-size PNG when
   * clicked, and offers PDF, PNG, EPS, SVG, CSV and CSV metadata; the PDF embeds its fonts (what pdffonts lists).
   */
  @Test
  void everyFigureHasItsRenditionsAndDownloadsAndItsPdfEmbedsItsFonts() throws IOException {
    int figures = 0;
    for (Path page : htmlPages()) {
      if (page.getFileName().toString().equals("paper.html")) {
        continue;
      }
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element fig : d.select("figure.figure")) {
        String id = fig.id().substring("fig-".length());
        figures++;
        Element img = fig.selectFirst("a.fig-full > picture > img");
        assertThat(img).as(id).isNotNull();
        assertThat(img.attr("src")).isEqualTo("figures/" + id + "-narrow.svg");
        assertThat(img.attr("width")).isEqualTo("360");
        assertThat(Integer.parseInt(img.attr("height"))).isGreaterThan(300);
        assertThat(img.attr("alt")).matches("(Line chart|Chart with points and lines) of .+ against .+ series: .+")
            .contains("range from");
        Element source = fig.selectFirst("picture > source");
        assertThat(source.attr("srcset")).isEqualTo("figures/" + id + "-wide.svg");
        assertThat(source.attr("width")).isEqualTo("816");
        assertThat(source.attr("media")).isEqualTo(wdpaper.figures.Variant.wideMedia());
        assertThat(fig.selectFirst("a.fig-full").attr("href")).isEqualTo("figures/" + id + ".png");
        List<String> links = fig.select(".fig-links a").eachAttr("href");
        assertThat(links).containsExactly("figures/" + id + ".pdf", "figures/" + id + ".png", "figures/" + id + ".eps",
            "figures/" + id + ".svg", "figures/" + id + ".csv", "figures/" + id + ".csv-metadata.json");
        for (String link : links) {
          assertThat(out.resolve(link)).isNotEmptyFile();
        }
        assertThat(fig.select("details.cite").text()).contains(id + ".pdf (vector)", id + ".png (300 dpi)",
            id + ".eps", id + ".svg", "data: " + id + ".csv", "\\includegraphics{" + id + ".pdf}");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("figures/" + id + ".pdf").toFile())) {
          int fonts = 0;
          var resources = pdf.getPage(0).getResources();
          for (var x : resources.getXObjectNames()) {
            var form = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) resources.getXObject(x);
            for (var name : form.getResources().getFontNames()) {
              PDFont font = form.getResources().getFont(name);
              assertThat(font.isEmbedded()).as(id + " " + font.getName()).isTrue();
              assertThat(font.getName()).endsWith("+DejaVuSans");
              fonts++;
            }
          }
          assertThat(fonts).as(id).isEqualTo(1);
          assertThat(new PDFTextStripper().getText(pdf)).as(id).isNotBlank();
        }
      }
    }
    assertThat(figures).isEqualTo(16);
  }

  /**
   * At 390 px (phone) and 1280 px (desktop) every figure permalink, opened afresh, puts its figure at the top of the
   * window once the page has loaded, and still after every image on the page has loaded (their sizes are reserved,
   * so nothing moves); the phone gets the narrow rendition and the desktop the wide one, and their smallest text,
   * as shown, is at least 80 % of the page's body text. Screenshots in target/figure-screenshots.
   */
  @Test
  void figurePermalinksLandOnTheirFigureAndFigureTextIsLegibleAt390And1280() throws IOException {
    File chromium = new File("/usr/bin/chromium");
    File driverExe = new File("/usr/bin/chromedriver");
    assumeTrue(System.getenv("CI") != null || chromium.canExecute() && driverExe.canExecute(),
        "chromium not installed (CI installs it)");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
    ChromeDriver d = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driverExe)
        .usingAnyFreePort().build(), o);
    Path shots = Files.createDirectories(Fixture.ROOT.resolve("target/figure-screenshots"));
    int anchors = 0;
    try {
      for (int width : new int[] {390, 1280}) {
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", 900,
            "deviceScaleFactor", 1, "mobile", width < 800));
        for (Path page : htmlPages()) {
          String name = page.getFileName().toString();
          if (name.equals("paper.html")) {
            continue; // the PDF's source: print renditions, read in the PDF
          }
          for (Element fig : Jsoup.parse(page.toFile(), "UTF-8").select("figure.figure")) {
            String id = fig.id();
            d.get("about:blank");
            d.get(page.toUri() + "#" + id);
            waitFor(d, "return document.readyState === 'complete'");
            assertLandsOnTop(d, id, name + "#" + id + " at " + width + " px, after load");
            waitFor(d, "document.querySelectorAll('img').forEach(i => i.loading = 'eager');"
                + " return Array.from(document.images).every(i => i.complete)");
            d.executeScript("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            assertLandsOnTop(d, id, name + "#" + id + " at " + width + " px, all images loaded");
            Files.write(shots.resolve(name.replace(".html", "") + "-" + id + "-" + width + ".png"),
                ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
            assertLegible(d, id, width);
            anchors++;
          }
        }
      }
    } finally {
      d.quit();
    }
    assertThat(anchors).isEqualTo(2 * 16);
  }

  private static void waitFor(ChromeDriver d, String script) {
    new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
        .until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(script)));
  }

  /** The figure's top at the window's top, or as near as the page can scroll (a figure near the page's end). */
  private static void assertLandsOnTop(ChromeDriver d, String id, String what) {
    @SuppressWarnings("unchecked")
    List<Number> m = (List<Number>) d.executeScript("const f = document.getElementById(arguments[0]);"
        + " const e = document.scrollingElement;"
        + " return [f.getBoundingClientRect().top, e.scrollHeight - e.clientHeight - e.scrollTop];", id);
    double top = m.get(0).doubleValue();
    boolean pageEnd = m.get(1).doubleValue() < 1;
    assertThat(Math.abs(top) <= 1 || pageEnd && top > 0).as(what + ": figure top at " + top + " px").isTrue();
  }

  /** The rendition shown, and its smallest text at its shown width against 80 % of the root font size. */
  private static void assertLegible(ChromeDriver d, String id, int width) {
    @SuppressWarnings("unchecked")
    List<Object> m = (List<Object>) d.executeScript("const i = document.querySelector('#' + arguments[0] + ' img');"
        + " const s = getComputedStyle(i);"
        + " return [i.currentSrc, i.getBoundingClientRect().width - parseFloat(s.borderLeftWidth)"
        + " - parseFloat(s.borderRightWidth), parseFloat(getComputedStyle(document.documentElement).fontSize)];",
        id);
    String src = (String) m.get(0);
    wdpaper.figures.Variant v = width < 800 ? wdpaper.figures.Variant.NARROW : wdpaper.figures.Variant.WIDE;
    assertThat(src).as(id + " at " + width).endsWith("-" + v.suffix + ".svg");
    double shown = v.minTextSize() * ((Number) m.get(1)).doubleValue() / v.width;
    double body = ((Number) m.get(2)).doubleValue();
    assertThat(shown).as(id + " smallest text at " + width + " px, body " + body + " px")
        .isGreaterThanOrEqualTo(wdpaper.figures.Variant.MIN_TEXT_RATIO * body - 0.05);
  }

  /** Training from scratch with one job instead of two gives the same results, figures and pages. */
  @Test
  void coldRebuildWithOtherThreadCountGivesIdenticalResults() throws IOException {
    Path other = tmp.resolve("other");
    Path otherCache = tmp.resolve("other-cache");
    Fixture.Run r = Fixture.quickBuild(Fixture.ROOT, other, otherCache, "--jobs", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> a = Files.readAllLines(out.resolve("manifest.sha256"));
    List<String> b = Files.readAllLines(other.resolve("manifest.sha256"));
    // every file, the appendix, model.json and the PDF included: no page prints a measured time
    assertThat(b).isEqualTo(a);
    try (Stream<Path> s = Files.list(otherCache.resolve("runs"))) {
      for (Path f : s.toList()) {
        var mine = wdpaper.project.Json.MAPPER.readTree(tmp.resolve("cache/runs").resolve(f.getFileName()).toFile());
        var theirs = wdpaper.project.Json.MAPPER.readTree(f.toFile());
        assertThat(theirs.get("result")).isEqualTo(mine.get("result"));
      }
    }
  }

  private List<Path> htmlPages() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }
}
