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
    assertThat(build.out()).contains("8 pages, 13 figures, paper.pdf");
    for (String f : List.of("index.html", "claim-1.html", "appendix.html", "paper.pdf", "paper.html", ".nojekyll",
        "manifest.sha256", "assets/style.css", "figures/book-accuracy-30.svg", "figures/book-accuracy-30.png",
        "figures/book-accuracy-30.csv", "figures/claim3-scale-vs-nw.svg")) {
      assertThat(out.resolve(f)).exists();
    }
    String csv = Files.readString(out.resolve("figures/book-accuracy-30.csv"));
    assertThat(csv).startsWith("# figure: book-accuracy-30\n").contains("# runs (cache keys): ")
        .contains("series,style,x,y_mean,y_lo,y_hi,seeds\n\"old init N(0,1)\",measured,1.0,");
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

  @Test
  void everyInternalLinkAnchorAndAssetResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : htmlPages()) {
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : d.select("[href], [src]")) {
        String target = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (target.startsWith("http") || target.startsWith("mailto:")) {
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
            && Jsoup.parse(resolved.toFile(), "UTF-8").getElementById(anchor) == null) {
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
        Object ready = js.executeScript("return document.readyState");
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
  void rebuildFromTheSameCacheIsByteIdentical() throws IOException {
    Path again = tmp.resolve("again");
    Fixture.Run r = Fixture.cli("render", "--quick", "--project", Fixture.ROOT.toString(), "--out", again.toString(),
        "--cache", tmp.resolve("cache").toString(), "--mnist-dir", Fixture.mnist().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(again.resolve("manifest.sha256")))
        .isEqualTo(Files.readString(out.resolve("manifest.sha256")));
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
    // only pages that print measured wall times may differ
    List<String> timed = List.of("appendix.html", "model.json", "paper.html", "paper.pdf", "manifest.sha256");
    assertThat(b.stream().filter(l -> timed.stream().noneMatch(l::endsWith)).toList())
        .isEqualTo(a.stream().filter(l -> timed.stream().noneMatch(l::endsWith)).toList());
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
