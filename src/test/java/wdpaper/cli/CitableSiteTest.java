package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import wdpaper.project.SourceInfo;
import wdpaper.site.Permalinks;

/**
 * The built site as someone citing or reusing it meets it (issue 16): every BibTeX block parses with a real BibTeX
 * parser and carries title, the intended author, year, permalink and version, and its formatted reference says the
 * same; Scholar, description and social-card meta tags; favicon, robots.txt and sitemap; licence lines in every
 * footer, under every figure and in the PDF; repository and error-report links; the manifest lists every file and
 * the files are world-readable. Checked on the shared quick build (no base URL: site-relative permalinks) and on a
 * render of the same runs with a base URL (absolute permalinks, sitemap, absolute card image).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitableSiteTest {
  static final String BASE = "https://example-owner.github.io/weight-decay-paper/";
  static final String GROUP_AUTHOR = "{weight-decay-paper contributors}";

  Path out;
  Path absoluteOut;
  String version;

  @BeforeAll
  void build() throws IOException {
    Fixture.Shared shared = Fixture.sharedQuickBuild();
    assertThat(shared.run().exit()).as(shared.run().err()).isZero();
    out = shared.out();
    version = new Permalinks("", SourceInfo.of(Fixture.ROOT, Instant.parse("2026-01-01T00:00:00Z"))).version();
    Path dir = Files.createDirectories(shared.dir().resolve("citable"));
    Path project = Fixture.copyProject(dir.resolve("project"));
    Path site = project.resolve("content/site.json");
    String json = Files.readString(site);
    assertThat(json).contains("\"baseUrl\": \"\"");
    Files.writeString(site, json.replace("\"baseUrl\": \"\"", "\"baseUrl\": \"" + BASE + "\""));
    Path cache = Fixture.copyQuickCache(dir.resolve("cache"));
    absoluteOut = dir.resolve("site");
    Fixture.Run r = Fixture.cli("render", "--quick", "--project", project.toString(), "--out",
        absoluteOut.toString(), "--cache", cache.toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  static final List<String> EDITION_PAGES = List.of("versions.html", "changes.html");

  static List<Path> pages(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      // paper.html, the offline edition, has checks of its own (OfflinePaperTest); the editions' own pages
      // (versions.html, changes.html) are pages like the others
      return s.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals("paper.html"))
          .sorted().toList();
    }
  }

  static BibTeXEntry parseOne(String bibtex, String where) throws Exception {
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bibtex));
    assertThat(db.getEntries()).as(where + ": one BibTeX entry in\n" + bibtex).hasSize(1);
    return db.getEntries().values().iterator().next();
  }

  static String field(BibTeXEntry e, String name) {
    org.jbibtex.Value v = e.getField(new Key(name));
    return v == null ? null : v.toUserString();
  }

  /** Every citation block: its BibTeX and the formatted reference beside it. */
  record Block(String page, String bibtex, String text) {}

  static List<Block> blocks(Path dir) throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Path page : pages(dir)) {
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element code : d.select("pre.bibtex code")) {
        Element box = code.closest("details");
        Element text = box == null ? null : box.selectFirst(".cite-text");
        blocks.add(new Block(page.getFileName().toString(), code.wholeText(), text == null ? null : text.text()));
      }
    }
    return blocks;
  }

  @Test
  void everyBibtexBlockParsesAndCarriesTitleAuthorYearUrlAndVersion() throws Exception {
    for (Path dir : List.of(out, absoluteOut)) {
      List<Block> blocks = blocks(dir);
      long figures = 0;
      for (Path page : pages(dir)) {
        figures += Jsoup.parse(page.toFile(), "UTF-8").select("figure.figure").size();
      }
      // the paper's block in every footer, and one per figure
      assertThat(blocks).hasSize(pages(dir).size() + (int) figures);
      for (Block b : blocks) {
        BibTeXEntry e = parseOne(b.bibtex(), b.page());
        String where = b.page() + " " + e.getKey().getValue();
        assertThat(field(e, "title")).as(where).isNotBlank();
        assertThat(field(e, "author")).as(where + ": a group author, braced so it is not read as a family name")
            .isEqualTo(GROUP_AUTHOR);
        assertThat(field(e, "year")).as(where).matches("20[0-9]{2}");
        // the copied project of the second build is no git work tree: its version says so
        assertThat(field(e, "version")).as(where).isEqualTo(dir == out ? version : Permalinks.NO_VERSION);
        String url = field(e, "url");
        assertThat(url).as(where).isNotBlank();
        if (dir == absoluteOut) {
          assertThat(url).as(where).startsWith(BASE);
        } else {
          assertThat(url).as(where).doesNotStartWith("http").doesNotStartWith("/");
        }
        // the permalink lands: its page exists and has the anchor
        // a published citation names its edition: v/<version>/ in the deploy tree (editions/Assembler), which
        // output/ holds at its root
        String rel = url.startsWith(BASE) ? url.substring(BASE.length()).replaceFirst("^v/[^/]+/", "") : url;
        String file = rel.contains("#") ? rel.substring(0, rel.indexOf('#')) : rel;
        Path target = dir.resolve(file.isEmpty() ? "index.html" : file);
        assertThat(target).as(where + " " + url).exists();
        if (rel.contains("#")) {
          assertThat(Jsoup.parse(target.toFile(), "UTF-8").getElementById(rel.substring(rel.indexOf('#') + 1)))
              .as(where + " " + url).isNotNull();
        }
        // the formatted reference says what the BibTeX says
        assertThat(b.text()).as(where + ": formatted reference").isNotBlank();
        // the title as a reader sees it: BibTeX's grouping braces dropped, its escapes (n\_w) undone
        String title = field(e, "title").replaceAll("(?<!\\\\)[{}]", "").replaceAll("\\\\([&%$#_{}])", "$1");
        // CSL prints typographic apostrophes: compare with straight ones
        assertThat(b.text().replace('\u2019', '\'')).as(where).contains(title).contains(field(e, "year")).contains(url)
            .contains("weight-decay-paper contributors");
      }
    }
  }

  @Test
  void everyPageHasScholarDescriptionAndSocialCardTagsAndAFavicon() throws IOException {
    for (Path dir : List.of(out, absoluteOut)) {
      for (Path page : pages(dir)) {
        Document d = Jsoup.parse(page.toFile(), "UTF-8");
        String where = dir.getFileName() + "/" + page.getFileName();
        // the pages about the editions are not the paper: no Scholar tags, no key figure as their card's image
        boolean edition = EDITION_PAGES.contains(page.getFileName().toString());
        for (String name : List.of("description", "citation_title", "citation_author", "citation_publication_date",
            "citation_pdf_url", "twitter:card")) {
          if (edition && name.startsWith("citation_")) {
            assertThat(d.select("meta[name=\"" + name + "\"]")).as(where + " " + name).isEmpty();
            continue;
          }
          assertThat(d.select("meta[name=\"" + name + "\"]").attr("content")).as(where + " " + name)
              .isNotBlank();
        }
        for (String property : List.of("og:title", "og:description", "og:type")) {
          assertThat(d.select("meta[property=\"" + property + "\"]").attr("content"))
              .as(where + " " + property).isNotBlank();
        }
        Element icon = d.selectFirst("link[rel=icon]");
        assertThat(icon).as(where + " favicon").isNotNull();
        assertThat(dir.resolve(icon.attr("href"))).as(where + " favicon file").exists();
        if (dir == absoluteOut && edition) {
          assertThat(d.select("link[rel=canonical]").attr("href")).as(where + " canonical").startsWith(BASE);
          assertThat(d.select("meta[property=\"og:url\"]").attr("content")).startsWith(BASE);
        } else if (dir == absoluteOut) {
          String image = d.select("meta[property=\"og:image\"]").attr("content");
          assertThat(image).as(where + " og:image").startsWith(BASE + "figures/");
          assertThat(dir.resolve(image.substring(BASE.length()))).exists();
          assertThat(d.select("meta[name=citation_pdf_url]").attr("content")).isEqualTo(BASE + "paper.pdf");
          assertThat(d.select("meta[property=\"og:url\"]").attr("content")).startsWith(BASE);
        }
      }
    }
  }

  @Test
  void robotsAndSitemapListEveryPageWhenTheBaseUrlIsKnown() throws IOException {
    assertThat(out.resolve("robots.txt")).exists();
    assertThat(Files.readString(absoluteOut.resolve("robots.txt"))).contains("Sitemap: " + BASE + "sitemap.xml");
    Document sitemap = Jsoup.parse(Files.readString(absoluteOut.resolve("sitemap.xml")), "",
        org.jsoup.parser.Parser.xmlParser());
    List<String> locs = sitemap.select("url > loc").eachText();
    for (Path page : pages(absoluteOut)) {
      String f = page.getFileName().toString();
      assertThat(locs).as("sitemap lists " + f).containsAnyOf(BASE + f, f.equals("index.html") ? BASE : BASE + f);
    }
    assertThat(locs).contains(BASE + "paper.html", BASE + "paper.pdf");
    assertThat(locs).allMatch(l -> l.startsWith(BASE));
  }

  @Test
  void licenceAndRepositoryLinksAreOnEveryPageUnderEveryFigureAndInThePdf() throws IOException {
    for (Path page : pages(out)) {
      Document d = Jsoup.parse(page.toFile(), "UTF-8");
      String where = page.getFileName().toString();
      Element footer = d.selectFirst("footer");
      assertThat(footer).as(where).isNotNull();
      assertThat(footer.select("a[rel=license][href=https://creativecommons.org/licenses/by/4.0/]")).as(where)
          .isNotEmpty();
      assertThat(footer.text()).as(where).contains("CC BY 4.0").contains("MIT");
      assertThat(d.select("a[href^=https://github.com/][href$=/issues/new], a[href*=/issues/new?]").eachText())
          .as(where + ": report an error").isNotEmpty();
      assertThat(d.select("a[href=https://github.com/weight-decay-paper/weight-decay-paper]")).as(where)
          .isNotEmpty();
      for (Element fig : d.select("figure.figure")) {
        assertThat(fig.select(".fig-licence").text()).as(where + " " + fig.id()).contains("CC BY 4.0")
            .contains("cite as");
      }
    }
    try (PDDocument pdf = Loader.loadPDF(out.resolve("paper.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("CC BY 4.0");
    }
  }

  @Test
  void theManifestListsEveryFileAndFilesAreWorldReadable() throws IOException {
    for (Path dir : List.of(out, absoluteOut)) {
      TreeSet<String> listed = new TreeSet<>();
      for (String line : Files.readAllLines(dir.resolve("manifest.sha256"))) {
        listed.add(line.substring(line.indexOf("  ") + 2));
      }
      TreeSet<String> present = new TreeSet<>();
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.toList()) {
          String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
          assertThat(perms).as(dir.relativize(p).toString()).isEqualTo(Files.isDirectory(p) ? "rwxr-xr-x"
              : "rw-r--r--");
          if (Files.isRegularFile(p)) {
            present.add(dir.relativize(p).toString().replace('\\', '/'));
          }
        }
      }
      present.remove("manifest.sha256");
      assertThat(listed).isEqualTo(present);
      assertThat(present).noneMatch(f -> f.endsWith(".gitkeep"));
    }
  }

  @Test
  void csvDownloadsArePlainWithTheirProvenanceInASidecar() throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("figures"))) {
      for (Path csv : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        String first = Files.readAllLines(csv).get(0);
        assertThat(first).as(csv.getFileName().toString()).startsWith("series,").doesNotStartWith("#");
        assertThat(csv.resolveSibling(csv.getFileName() + "-metadata.json")).exists();
      }
    }
  }
}
