package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import wdpaper.project.SourceInfo;

/**
 * The quick build's paper.pdf as a reader gets it: readable verdict badges, nothing past the page edge, text that
 * copies (every verdict, every formula of the introduction, no ligature characters), metadata and an outline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperPdfTest {
  static final float MM = 72f / 25.4f;
  Path out;
  PDDocument pdf;
  Document paper;

  @BeforeAll
  void open() throws IOException {
    Fixture.Shared build = Fixture.sharedQuickBuild();
    assertThat(build.run().exit()).as(build.run().err()).isZero();
    out = build.out();
    pdf = Loader.loadPDF(out.resolve("paper.pdf").toFile());
    paper = Jsoup.parse(out.resolve("paper.html").toFile(), "UTF-8");
  }

  @AfterAll
  void close() throws IOException {
    pdf.close();
  }

  /** Each run of glyphs the page draws, with its box in PDF points (origin top left). */
  record Run(int page, String text, Rectangle2D box) {}

  private List<Run> runs() throws IOException {
    List<Run> runs = new ArrayList<>();
    PDFTextStripper s = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        if (positions.isEmpty()) {
          return;
        }
        Rectangle2D box = null;
        StringBuilder sb = new StringBuilder();
        for (TextPosition p : positions) {
          sb.append(p.getUnicode());
          Rectangle2D r = new Rectangle2D.Float(p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(),
              p.getWidthDirAdj(), p.getHeightDir());
          box = box == null ? r : box.createUnion(r);
        }
        runs.add(new Run(getCurrentPageNo(), sb.toString(), box));
      }
    };
    s.setSortByPosition(true);
    s.getText(pdf);
    return runs;
  }

  private String text() throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setSortByPosition(true);
    return s.getText(pdf);
  }

  @Test
  void everyVerdictBadgeReadsAtLeast45To1AgainstItsBackground() throws IOException {
    List<String> badges = paper.select("span.badge").eachText().stream().map(String::toUpperCase).toList();
    assertThat(badges).hasSizeGreaterThanOrEqualTo(6);
    Map<Integer, BufferedImage> pages = new LinkedHashMap<>();
    PDFRenderer renderer = new PDFRenderer(pdf);
    float scale = 200f / 72f;
    List<String> found = new ArrayList<>();
    for (Run run : runs()) {
      if (!badges.contains(run.text().strip())) {
        continue;
      }
      BufferedImage img = pages.computeIfAbsent(run.page(), p -> {
        try {
          return renderer.renderImage(p - 1, scale);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Rectangle2D b = run.box();
      int x0 = (int) Math.floor(b.getMinX() * scale);
      int x1 = (int) Math.ceil(b.getMaxX() * scale);
      int y0 = (int) Math.floor(b.getMinY() * scale);
      int y1 = (int) Math.ceil(b.getMaxY() * scale);
      Map<Integer, Integer> counts = new LinkedHashMap<>();
      for (int y = y0; y < y1; y++) {
        for (int x = x0; x < x1; x++) {
          counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
        }
      }
      int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      double best = 1;
      for (int rgb : counts.keySet()) {
        best = Math.max(best, contrast(rgb, background));
      }
      found.add(run.text().strip());
      assertThat(best).as("contrast of '%s' on page %d against #%06x", run.text().strip(), run.page(), background)
          .isGreaterThanOrEqualTo(4.5);
      assertThat(background).as("the badge has its own colour, not the page's").isNotEqualTo(0xffffff);
    }
    assertThat(found).as("badges found in the PDF").containsExactlyInAnyOrderElementsOf(badges);
  }

  /** WCAG 2 contrast ratio of two sRGB colours. */
  static double contrast(int a, int b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(int rgb) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  /**
   * Nothing reaches past the page box, nor far into its side margins (18 mm, 16 mm on the landscape page): every
   * glyph (formulas' text included) lies at least 14 mm from the left and right edges and 5 mm from the top and
   * bottom (page numbers sit in the bottom margin), and the page's image is white in those bands.
   */
  @Test
  void nothingReachesPastThePageBox() throws IOException {
    for (Run run : runs()) {
      PDRectangle media = pdf.getPage(run.page() - 1).getMediaBox();
      Rectangle2D inner = new Rectangle2D.Float(14 * MM, 5 * MM, media.getWidth() - 28 * MM,
          media.getHeight() - 10 * MM);
      assertThat(inner.contains(run.box())).as("'%s' on page %d at %s inside %s", run.text(), run.page(), run.box(),
          inner).isTrue();
    }
    PDFRenderer renderer = new PDFRenderer(pdf);
    float dpi = 36;
    int side = Math.round(14 * MM * dpi / 72f);
    int edge = Math.round(5 * MM * dpi / 72f);
    for (int i = 0; i < pdf.getNumberOfPages(); i++) {
      BufferedImage img = renderer.renderImage(i, dpi / 72f);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          boolean margin = x < side || x >= img.getWidth() - side || y < edge || y >= img.getHeight() - edge;
          if (margin) {
            assertThat(img.getRGB(x, y) & 0xffffff).as("pixel %d,%d on page %d (in the margin band)", x, y, i + 1)
                .isEqualTo(0xffffff);
          }
        }
      }
    }
  }

  @Test
  void extractedTextHasEveryVerdictEveryIntroductionFormulaAndNoLigatures() throws IOException {
    String text = text();
    for (String badge : paper.select("span.badge").eachText()) {
      assertThat(text).contains(badge.toUpperCase());
    }
    Element intro = paper.selectFirst("section.chapter");
    List<String> formulas = intro.select("svg.tex").eachAttr("aria-label");
    assertThat(formulas).hasSizeGreaterThan(15).allSatisfy(f -> assertThat(f).doesNotContain("\\"));
    String squeezed = text.replaceAll("\\s+", "");
    for (String f : formulas) {
      assertThat(squeezed).as("formula '%s'", f).contains(f.replaceAll("\\s+", ""));
    }
    assertThat(text).contains("w → (1 − ηλ/n) w − (η/m) ∑_x ∂C_x/∂w");
    StringBuilder glyphs = new StringBuilder();
    runs().forEach(r -> glyphs.append(r.text()).append(' '));
    assertThat(glyphs.toString()).contains("official").doesNotContainPattern("[\\uFB00-\\uFB06]");
  }

  @Test
  void metadataTellsTitleAuthorRealDateLanguageAndTheOutlineListsEverySection() throws IOException {
    var info = pdf.getDocumentInformation();
    assertThat(info.getTitle()).isEqualTo("Weight decay and weight initialization");
    assertThat(info.getAuthor()).isEqualTo("weight-decay-paper contributors");
    assertThat(info.getKeywords()).contains("weight decay");
    Instant expected = SourceInfo.of(Fixture.ROOT, Instant.parse("2026-01-01T00:00:00Z")).date();
    assertThat(info.getCreationDate().toInstant()).isEqualTo(expected).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(info.getModificationDate().toInstant()).isEqualTo(expected);
    assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
    assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
    List<String> sections = paper.select("section.chapter > h1").eachText();
    List<String> outline = new ArrayList<>();
    for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
      outline.add(item.getTitle());
      assertThat(item.findDestinationPage(pdf)).as(item.getTitle()).isNotNull();
    }
    assertThat(sections).hasSize(9); // the 8 pages and the References
    assertThat(outline).containsSubsequence(sections).startsWith("Contents");
  }

  @Test
  void everyFiguresDataIsAttached() throws IOException {
    var names = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
    List<String> csv;
    try (var s = java.nio.file.Files.list(out.resolve("figures"))) {
      csv = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    }
    assertThat(csv).hasSize(16);
    assertThat(names.keySet()).containsExactlyElementsOf(csv);
    for (String name : csv) {
      var file = names.get(name).getEmbeddedFile();
      assertThat(file.getSubtype()).isEqualTo("text/csv");
      assertThat(file.toByteArray()).as(name).isEqualTo(java.nio.file.Files.readAllBytes(out.resolve("figures")
          .resolve(name)));
    }
    assertThat(text().replaceAll("\\s+", " ")).contains("The file book-accuracy-30.csv attached to this PDF holds its data.");
  }

  @Test
  void theAppendixTableIsOnALandscapePageAndNoHeadingEndsAPage() throws IOException {
    int landscape = 0;
    for (int i = 0; i < pdf.getNumberOfPages(); i++) {
      PDRectangle m = pdf.getPage(i).getMediaBox();
      if (m.getWidth() > m.getHeight()) {
        landscape++;
      }
    }
    assertThat(landscape).as("landscape pages").isEqualTo(1);
    List<String> headings = new ArrayList<>(paper.select("section.chapter h1, section.chapter h2").eachText());
    List<Run> runs = runs();
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      boolean lastOnPage = i + 1 == runs.size() || runs.get(i + 1).page() != r.page()
          || runs.get(i + 1).text().matches("[0-9]+") && (i + 2 == runs.size() || runs.get(i + 2).page() != r.page());
      if (lastOnPage) {
        assertThat(headings).as("last line of page %d", r.page()).doesNotContain(r.text().strip());
      }
    }
  }
}
