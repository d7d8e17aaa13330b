package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
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

/**
 * The quick build's paper.html as a reader who saved it gets it: copied alone into an empty folder, it refers to
 * no local file, its in-page links have their targets, it has its contents and citation; in a browser at 390 and
 * 1280 px nothing is wider than the window, no request is made, and every figure is drawn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflinePaperTest {
  Path alone;
  Document paper;
  Path site;

  @BeforeAll
  void copyItAlone() throws IOException {
    Fixture.Shared build = Fixture.sharedQuickBuild();
    assertThat(build.run().exit()).as(build.run().err()).isZero();
    site = build.out();
    alone = Files.createDirectories(build.dir().resolve("offline-alone")).resolve("paper.html");
    Files.copy(site.resolve("paper.html"), alone, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (var s = Files.list(alone.getParent())) {
      assertThat(s.toList()).containsExactly(alone);
    }
    paper = Jsoup.parse(alone.toFile(), "UTF-8");
  }

  @Test
  void noAttributeOrStyleRefersToALocalFileAndEveryInPageLinkHasItsTarget() {
    Set<String> ids = new LinkedHashSet<>(paper.select("[id]").eachAttr("id"));
    int inPage = 0;
    for (Element e : paper.getAllElements()) {
      for (Attribute a : e.attributes()) {
        if (!List.of("src", "href", "srcset", "xlink:href", "data", "poster", "action").contains(a.getKey())) {
          continue;
        }
        String v = a.getValue();
        if (v.startsWith("#")) {
          assertThat(ids).as("<" + e.tagName() + " " + a.getKey() + "=" + v + ">: its target").contains(v.substring(1));
          inPage++;
        } else {
          assertThat(v).as("<" + e.tagName() + " " + a.getKey() + ">").matches("(data:|https?://|mailto:).*");
        }
      }
    }
    for (Element style : paper.select("style")) {
      assertThat(style.data()).doesNotContainPattern("url\\(\\s*['\"]?(?!data:|#)");
    }
    assertThat(paper.select("link[rel=stylesheet], script[src], img, picture, iframe, object")).isEmpty();
    // the figures' numbers, formulas' glyphs, sections, references: all anchors of the document
    assertThat(inPage).isGreaterThan(100);
    assertThat(paper.select("a[href^=#fig-]")).isNotEmpty();
    assertThat(paper.select("a[href^=#ref-]")).isNotEmpty();
  }

  @Test
  void itHasItsContentsItsCitationAndEveryFigureDrawnOnceAndNamed() {
    assertThat(paper.selectFirst("meta[name=viewport]")).isNotNull();
    List<String> contents = paper.select("nav.contents > ol > li > a").eachAttr("href");
    List<String> sections = new ArrayList<>();
    paper.select("section.chapter").forEach(s -> sections.add("#" + s.id()));
    assertThat(contents).isEqualTo(sections);
    assertThat(paper.select("nav.contents li li a")).isNotEmpty();
    Element cite = paper.selectFirst(".title-page .cite-box");
    assertThat(cite.selectFirst("pre.bibtex code").text()).startsWith("@techreport{").contains("url", "version");
    assertThat(cite.select("button.copy").eachAttr("data-copy")).containsExactly("cite-paper-text",
        "cite-paper-bibtex");
    assertThat(cite.select("a[rel=license]").eachAttr("href"))
        .containsExactly("https://creativecommons.org/licenses/by/4.0/");
    assertThat(paper.select("script").last().data()).contains("button.copy");
    // one drawing per figure, as many as the site shows, named by the same alt text
    List<String> siteAlts = new ArrayList<>();
    List<String> order;
    try {
      order = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8").select("nav.toc a").eachAttr("href");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String p : order) {
      try {
        Jsoup.parse(site.resolve(p).toFile(), "UTF-8").select("figure.figure img").forEach(i -> siteAlts.add(i.attr("alt")));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    List<Element> drawn = paper.select("figure.figure > svg.offline-figure[role=img]");
    assertThat(paper.select("figure.figure")).hasSize(drawn.size());
    assertThat(drawn).extracting(s -> s.attr("aria-label")).containsExactlyElementsOf(siteAlts);
    assertThat(paper.select("figure.figure details.cite pre.bibtex")).hasSize(drawn.size());
  }

  @Test
  void inABrowserAt390And1280NothingOverflowsNothingIsRequestedAndFiguresAreDrawn() throws IOException {
    File chromium = new File("/usr/bin/chromium");
    File driverExe = new File("/usr/bin/chromedriver");
    assumeTrue(System.getenv("CI") != null || chromium.canExecute() && driverExe.canExecute(),
        "chromium not installed (CI installs it)");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(chromium);
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriver d = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driverExe)
        .usingAnyFreePort().build(), o);
    Path shots = Files.createDirectories(Fixture.ROOT.resolve("target/offline-screenshots"));
    String url = alone.toUri().toString();
    try {
      for (int width : new int[] {390, 1280}) {
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
            "deviceScaleFactor", 1, "mobile", width < 800));
        d.get("about:blank");
        d.manage().logs().get(LogType.PERFORMANCE);
        d.get(url + "#fig-claim1-angle");
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20)).until(x ->
            Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript("return document.readyState === 'complete'")));
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) d.executeScript("const w = document.documentElement.clientWidth;"
            + " return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5"
            + " && !e.closest('.table-scroll, pre, .math.display, .equation'))"
            + ".map(e => e.tagName + '.' + e.getAttribute('class') + ' ' + e.getBoundingClientRect().right);");
        assertThat(wide).as("elements wider than the window at " + width + " px").isEmpty();
        assertThat((Long) d.executeScript("return document.documentElement.scrollWidth")).isEqualTo(width);
        @SuppressWarnings("unchecked")
        List<Number> heights = (List<Number>) d.executeScript("return [...document.querySelectorAll("
            + "'svg.offline-figure')].map(s => s.getBoundingClientRect().height)");
        assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h.doubleValue()).isGreaterThan(200));
        double top = ((Number) d.executeScript("return document.getElementById('fig-claim1-angle')"
            + ".getBoundingClientRect().top")).doubleValue();
        assertThat(Math.abs(top)).as("#fig-claim1-angle lands on its figure at " + width + " px").isLessThan(2);
        List<String> requests = new ArrayList<>();
        int seen = 0;
        for (LogEntry e : d.manage().logs().get(LogType.PERFORMANCE).getAll()) {
          String m = e.getMessage();
          if (m.contains("\"Network.requestWillBeSent\"")) {
            seen++;
            String u = m.replaceFirst("(?s).*\"request\":\\{.*?\"url\":\"([^\"]*)\".*", "$1");
            if (!u.startsWith("data:") && !u.startsWith(url)) {
              requests.add(u);
            }
          }
        }
        assertThat(seen).as("the log shows the request of paper.html itself").isPositive();
        assertThat(requests).as("requests made by paper.html at " + width + " px").isEmpty();
        List<LogEntry> errors = d.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors at " + width + " px").isEmpty();
        Files.write(shots.resolve("paper-" + width + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
      }
    } finally {
      d.quit();
    }
  }
}
