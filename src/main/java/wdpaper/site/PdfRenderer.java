package wdpaper.site;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.AbstractOutputDevice;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The paper's HTML to PDF with openhtmltopdf, so that the PDF reads as well as the site:
 * <ul>
 * <li>DejaVu fonts embedded from the classpath, their ligature substitution (GSUB) off so that extracted and
 *     copied text has "ff" and "fi", not the ligature characters;
 * <li>stylesheets as the renderer understands them ({@link PdfStyles}: custom properties resolved), and every
 *     declaration it still drops reported, unless known to be screen-only;
 * <li>resources only from the output folder ({@link PdfResources}): no network, no {@code file:} outside;
 *     anything else is skipped with a warning naming the section and the URI;
 * <li>each formula's text equivalent (its {@code aria-label}, see {@link TexText}) written as invisible text over
 *     the drawing, fitted to its width, so formulas survive copying, searching and extraction;
 * <li>an outline (bookmarks) of sections, their subsections and figures; a table too wide for the page is put on
 *     a landscape page (found by laying out a copy that holds only the tables, and measuring);
 * <li>tagged (openhtmltopdf's PDF/UA mode: structure tree, reading order, alternative text of figures and
 *     formulas);
 * <li>each figure's data (its CSV) attached to the PDF, so that the PDF alone carries its numbers;
 * <li>metadata: title, authors, subject, keywords, language (/Lang and XMP), creation and modification date from
 *     the source ({@link wdpaper.project.SourceInfo}), a document id from the content: the same input gives the
 *     same bytes.
 * </ul>
 */
public final class PdfRenderer {
  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
  private static final String PRODUCER = "weight-decay-paper (openhtmltopdf, PDFBox)";
  /**
   * PDFBox warns, once per font and on every build, that the machine lacks the 14 standard PDF fonts (Times,
   * Helvetica, ...) and that it substitutes others. The paper never uses them: all its text is in the embedded
   * DejaVu fonts (a test checks the PDF's fonts), so those warnings are noise. Held in a field because
   * java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger STANDARD_FONT_WARNINGS = quiet(
      "org.apache.pdfbox.pdmodel.font.PDType1Font");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /** One font file and how CSS names it. */
  private record FontFile(String file, String family, int weight, FontStyle style) {}

  private static final List<FontFile> FONT_FILES = List.of(
      new FontFile("DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
      new FontFile("DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
      new FontFile("DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC),
      new FontFile("DejaVuSerif-BoldItalic.ttf", "DejaVu Serif", 700, FontStyle.ITALIC),
      new FontFile("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
      new FontFile("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
      new FontFile("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
      new FontFile("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL));

  /**
   * What the PDF says about itself.
   *
   * @param title the document title (Info /Title, XMP dc:title; viewers show it instead of the file name)
   * @param subject one sentence (Info /Subject, XMP dc:description); may be empty
   * @param authors display names (Info /Author joined by "; ", XMP dc:creator one each)
   * @param keywords Info /Keywords joined by ", ", XMP dc:subject one each
   * @param language a BCP 47 tag ("en"): catalog /Lang, XMP dc:language, the html lang attribute
   * @param date creation and modification date (the source date, so that rebuilds are byte-identical)
   */
  public record Metadata(String title, String subject, List<String> authors, List<String> keywords, String language,
      Instant date) {}

  private PdfRenderer() {}

  /**
   * Renders {@code html}, whose relative links resolve against {@code baseDir} (the only folder it may load files
   * from), to PDF bytes; resources that were skipped and CSS the renderer ignored go to {@code warnings}, one line
   * each.
   */
  public static byte[] render(String html, Path baseDir, Metadata meta, Consumer<String> warnings) {
    return render(html, baseDir, meta, warnings, Map.of());
  }

  /**
   * As {@link #render(String, Path, Metadata, Consumer)}, started while some files of {@code baseDir} are still
   * being written: {@code pending} maps each (by its path relative to {@code baseDir}, "figures/a.svg") to the
   * future of its writing. The rendering waits for a file only when it reads it, so it sees the same bytes as if
   * every file had been written first; if the writing of a file it reads fails, the rendering fails with that same
   * error (an interruption ends the wait too).
   */
  public static byte[] render(String html, Path baseDir, Metadata meta, Consumer<String> warnings,
      Map<String, ? extends java.util.concurrent.Future<?>> pending) {
    // openhtmltopdf would log every CSS rule it skips on every build: PdfStyles checks the stylesheets instead
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    Document page = Jsoup.parse(html, baseDir.toUri().toString());
    Map<String, String> whereUsed = new LinkedHashMap<>();
    PdfResources resources = new PdfResources(baseDir, whereUsed::get, pending);
    try {
      return render(page, baseDir, meta, warnings, resources, whereUsed);
    } catch (RuntimeException | Error e) {
      // a file that could not be written is the cause, whatever the renderer made of its failed read
      resources.rethrowFailure();
      throw e;
    }
  }

  private static byte[] render(Document page, Path baseDir, Metadata meta, Consumer<String> warnings,
      PdfResources resources, Map<String, String> whereUsed) {
    Prepared prepared = prepare(page, meta, resources);
    whereUsed.putAll(prepared.whereUsed());
    byte[] pdf;
    List<String> wide = new ArrayList<>();
    try (Fonts fonts = new Fonts()) {
      // the tables too wide for a portrait page, measured in a copy that holds only the tables (one cheap
      // layout), so that the paper is laid out once, not twice
      pass(tablesOnly(page), baseDir, meta, resources, fonts, List.of(), wide, false, false);
      markWide(page, wide);
      wide.clear();
      pdf = pass(page, baseDir, meta, resources, fonts, prepared.attachments(), wide, true, true);
      if (pdf == null) {
        // a table the measuring layout found narrow enough is too wide in the paper: marked too, laid out again
        markWide(page, wide);
        wide.clear();
        pdf = pass(page, baseDir, meta, resources, fonts, prepared.attachments(), wide, false, true);
      }
      resources.rethrowFailure();
      for (String w : wide) {
        warnings.accept("paper.pdf: " + prepared.tables().get(w) + " is wider than a landscape page; its right"
            + " part is cut off");
      }
    }
    resources.warnings().forEach(warnings);
    return pdf;
  }

  /**
   * A copy of the prepared page that keeps only its tables and their ancestors (same head, stylesheets, classes
   * and ids, so every rule that applies to a table and the width of each block that holds one are the same):
   * laid out, it tells which tables are too wide for a portrait page at a fraction of the paper's cost.
   */
  private static Document tablesOnly(Document page) {
    Document copy = page.clone();
    Element bookmarks = copy.head().selectFirst("bookmarks");
    if (bookmarks != null) {
      bookmarks.remove();
    }
    Set<Element> holders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Element t : copy.body().select("table")) {
      holders.addAll(t.parents());
    }
    keepTables(copy.body(), holders);
    return copy;
  }

  private static void keepTables(Element holder, Set<Element> holders) {
    for (org.jsoup.nodes.Node n : new ArrayList<>(holder.childNodes())) {
      if (n instanceof Element e && e.tagName().equals("table")) {
        continue;
      }
      if (n instanceof Element e && holders.contains(e)) {
        keepTables(e, holders);
      } else {
        n.remove();
      }
    }
  }

  /**
   * One layout and, if {@code write}, the PDF: not written (null returned) when {@code mayRetry} and the layout
   * found a table too wide for its page that is not yet on a landscape page, so that the caller marks it and lays
   * out again. Every table too wide for its page is listed in {@code wide}.
   */
  private static byte[] pass(Document page, Path baseDir, Metadata meta, PdfResources resources, Fonts fonts,
      List<Attachment> attachments, List<String> wide, boolean mayRetry, boolean write) {
    try (PDDocument doc = new PDDocument()) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      // tagged PDF (structure tree, reading order, alternative text, /Lang): works with the embedded fonts and
      // stays byte-identical
      b.usePdfUaAccessibility(true);
      b.usePDDocument(doc);
      b.useSVGDrawer(new TextBehindMath(new BatikSVGDrawer()));
      b.useUnicodeLineBreaker(new LineBreaker());
      for (int i = 0; i < FONT_FILES.size(); i++) {
        FontFile f = FONT_FILES.get(i);
        b.useFont(new PDFontSupplier(PDType0Font.load(doc, fonts.get(i), true)), f.family(), f.weight(), f.style(),
            true);
      }
      b.useExternalResourceAccessControl(resources::allowWritten,
          ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
      b.useExternalResourceAccessControl(resources::allowResolved,
          ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
      b.useProtocolsStreamImplementation(resources.files(), "file");
      b.useProtocolsStreamImplementation(resources.blocked(), PdfResources.BLOCKED_SCHEMES.toArray(String[]::new));
      b.withW3cDocument(new org.jsoup.helper.W3CDom().fromJsoup(page), baseDir.toUri().toString());
      b.withProducer(PRODUCER);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      b.toStream(out);
      try (PdfBoxRenderer r = b.buildPdfRenderer()) {
        r.layout();
        findWideTables(r.getRootBox(), wide);
        if (!write || mayRetry && wide.stream().anyMatch(w -> !isMarked(page, w))) {
          return null;
        }
        PDDocument pdf = r.createPDFKeepOpen();
        describe(pdf, meta);
        attach(pdf, attachments, meta);
        pdf.setDocumentId(documentId(meta + "\n" + page.text()));
        pdf.save(out);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF: " + e.getMessage(), e);
    }
  }

  /**
   * The paper's fonts, parsed once per rendering and shared by its layouts (each document loads its own
   * PDType0Font from them, as a PDFont belongs to one document); their ligature substitution off.
   */
  private static final class Fonts implements AutoCloseable {
    final List<TrueTypeFont> parsed = new ArrayList<>();

    Fonts() {
      try {
        for (FontFile f : FONT_FILES) {
          TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes(f.file())));
          parsed.add(ttf);
          ttf.setEnableGsub(false);
        }
      } catch (IOException e) {
        close();
        throw new UncheckedIOException("cannot read the PDF's fonts: " + e.getMessage(), e);
      }
    }

    TrueTypeFont get(int i) {
      return parsed.get(i);
    }

    @Override
    public void close() {
      for (TrueTypeFont t : parsed) {
        try {
          t.close();
        } catch (IOException e) {
          // a font read from memory has nothing to release
        }
      }
    }
  }

  private static final Map<String, byte[]> FONT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

  private static byte[] fontBytes(String file) {
    return FONT_BYTES.computeIfAbsent(file, f -> {
      try (InputStream in = PdfRenderer.class.getResourceAsStream(FONTS + f)) {
        if (in == null) {
          throw new IllegalStateException("font " + FONTS + f + " is not on the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * What {@link #prepare} learnt: for each URI the document loads, where it is used; for each table number, where
   * the table is.
   */
  private record Prepared(Map<String, String> whereUsed, Map<String, String> tables, List<Attachment> attachments) {}

  /** A file embedded in the PDF: a figure's data. */
  private record Attachment(String name, String description, byte[] bytes) {}

  /**
   * Prepares the DOM for the PDF: language, unbreakable "1/√n_w" in headings, alternative text for formulas, ids
   * for subsections, numbered tables, the outline.
   */
  private static Prepared prepare(Document page, Metadata meta, PdfResources resources) {
    page.outputSettings().prettyPrint(false);
    page.selectFirst("html").attr("lang", meta.language());
    for (Element svg : page.select("svg.tex[aria-label]")) {
      svg.attr("alt", svg.attr("aria-label"));
    }
    for (Element t : page.select("table")) {
      Element before = t.previousElementSibling();
      if (before != null && before.tagName().equals("p")) {
        before.addClass("pdf-keep-with-next");
      }
    }
    for (Element h : page.select("h1, h2, h3, nav.contents a")) {
      keepSlashesTogether(h);
    }
    Element bookmarks = page.head().appendElement("bookmarks");
    Element contents = page.selectFirst("nav.contents");
    if (contents != null) {
      if (contents.id().isEmpty()) {
        contents.id("contents");
      }
      bookmarks.appendElement("bookmark").attr("name", "Contents").attr("href", "#" + contents.id());
    }
    List<Attachment> attachments = new ArrayList<>();
    Map<String, String> tables = new LinkedHashMap<>();
    for (Element t : page.select("table")) {
      String n = String.valueOf(tables.size() + 1);
      t.attr("data-pdf-table", n);
      Element chapter = t.closest("section.chapter");
      Element h1 = chapter == null ? null : chapter.selectFirst("h1");
      tables.put(n, "table " + n + (h1 == null ? "" : " (section '" + h1.text() + "')"));
    }
    Set<String> ids = new LinkedHashSet<>();
    page.select("[id]").forEach(e -> ids.add(e.id()));
    Map<String, String> used = new LinkedHashMap<>();
    for (Element chapter : page.select("section.chapter")) {
      Element h1 = chapter.selectFirst("h1");
      String title = h1 == null ? chapter.id() : h1.text();
      Element mark = bookmarks.appendElement("bookmark").attr("name", title).attr("href", "#" + chapter.id());
      int n = 0;
      for (Element e : chapter.select("h2, figure.figure[id]")) {
        if (e.tagName().equals("h2")) {
          String id = chapter.id() + "-h" + (++n);
          while (ids.contains(id)) {
            id = id + "-";
          }
          ids.add(id);
          e.attr("id", id);
          mark.appendElement("bookmark").attr("name", e.text()).attr("href", "#" + id);
        } else {
          Element number = e.selectFirst(".fig-number");
          Element strong = e.selectFirst("figcaption strong");
          String name = (number == null ? "Figure" : number.text()) + (strong == null ? "" : " " + strong.text());
          attachData(e, name, resources, attachments);
          mark.appendElement("bookmark").attr("name", name).attr("href", "#" + e.id());
        }
      }
      for (Element e : chapter.select("[src], [href], [data], image, use")) {
        for (String attr : List.of("src", "href", "data", "xlink:href")) {
          if (e.hasAttr(attr) && !e.tagName().equals("a")) {
            used.putIfAbsent(e.attr(attr), "section '" + title + "'");
          }
        }
      }
    }
    for (Element e : page.select("link[href], [src], object[data]")) {
      String uri = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("data");
      used.putIfAbsent(uri, e.closest("head") != null ? "the page's head" : "the title page or contents");
    }
    Map<String, String> resolved = new LinkedHashMap<>();
    used.forEach((k, v) -> {
      resolved.put(k, v);
      try {
        resolved.putIfAbsent(java.net.URI.create(page.location()).resolve(k).toString(), v);
      } catch (IllegalArgumentException e) {
        // not a URI: only the written form is known
      }
    });
    return new Prepared(resolved, tables, attachments);
  }

  /**
   * A figure drawn from {@code figures/ID.svg} (or .png) whose {@code figures/ID.csv} exists: the CSV is attached
   * to the PDF, and the caption says so.
   */
  private static void attachData(Element figure, String title, PdfResources resources, List<Attachment> out) {
    Element img = figure.selectFirst("img[src]");
    if (img == null || !img.attr("src").matches("[A-Za-z0-9_./-]+\\.(svg|png)")) {
      return;
    }
    String csv = img.attr("src").replaceAll("\\.(svg|png)$", ".csv");
    String name = csv.substring(csv.lastIndexOf('/') + 1);
    if (out.stream().anyMatch(a -> a.name().equals(name))) {
      return;
    }
    resources.read(csv).ifPresent(bytes -> {
      out.add(new Attachment(name, "Data of " + title, bytes));
      Element where = figure.selectFirst(".fig-source");
      if (where == null) {
        where = figure.selectFirst("figcaption");
      }
      if (where != null) {
        // the file name mid-sentence: the renderer may break between an inline element and a following "."
        where.appendText(" The file ");
        where.appendElement("code").text(name);
        where.appendText(" attached to this PDF holds its data.");
      }
    });
  }

  /** Embeds the attachments (dated like the document), listed in the catalog's EmbeddedFiles name tree. */
  private static void attach(PDDocument pdf, List<Attachment> attachments, Metadata meta) throws IOException {
    if (attachments.isEmpty()) {
      return;
    }
    Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
    date.setTimeInMillis(meta.date().toEpochMilli());
    Map<String, org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification> specs =
        new java.util.TreeMap<>();
    for (Attachment a : attachments) {
      var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(pdf,
          new java.io.ByteArrayInputStream(a.bytes()));
      file.setSubtype("text/csv");
      file.setSize(a.bytes().length);
      file.setCreationDate(date);
      file.setModDate(date);
      var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
      spec.setFile(a.name());
      spec.setFileUnicode(a.name());
      spec.setFileDescription(a.description());
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      specs.put(a.name(), spec);
    }
    var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
    tree.setNames(specs);
    var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(pdf.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    pdf.getDocumentCatalog().setNames(names);
  }

  private static final Pattern SLASHED_WORD = Pattern.compile("\\S*/\\S*");

  /** Wraps each word with a slash ("1/√n_w?") in a no-wrap span: the renderer would break before the slash. */
  private static void keepSlashesTogether(Element heading) {
    for (TextNode t : new ArrayList<>(heading.textNodes())) {
      String text = t.getWholeText();
      Matcher m = SLASHED_WORD.matcher(text);
      if (!m.find()) {
        continue;
      }
      m.reset();
      int last = 0;
      while (m.find()) {
        t.before(new TextNode(text.substring(last, m.start())));
        t.before(new Element("span").addClass("nowrap").text(m.group()));
        last = m.end();
      }
      t.before(new TextNode(text.substring(last)));
      t.remove();
    }
    for (Element child : heading.children()) {
      if (!child.hasClass("nowrap")) {
        keepSlashesTogether(child);
      }
    }
  }

  /** The numbers of the tables wider than the box that holds them. */
  private static void findWideTables(Box box, List<String> wide) {
    if (box instanceof BlockBox b && b.getElement() != null && b.getElement().getNodeName().equals("table")) {
      BlockBox holder = b.getContainingBlock() instanceof BlockBox cb ? cb : null;
      if (holder != null && b.getWidth() > holder.getContentWidth() + 1) {
        wide.add(b.getElement().getAttribute("data-pdf-table"));
      }
      return;
    }
    for (int i = 0; i < box.getChildCount(); i++) {
      findWideTables(box.getChild(i), wide);
    }
  }

  /** Whether table number {@code id} is already on a landscape page. */
  private static boolean isMarked(Document page, String id) {
    Element t = page.selectFirst("table[data-pdf-table=\"" + id + "\"]");
    return t != null && t.parent() != null && t.parent().hasClass("pdf-wide");
  }

  /**
   * Puts each listed table, with the paragraph leading into it, in a {@code div.pdf-wide}, which paper.css lays
   * out on a landscape page.
   */
  private static void markWide(Document page, List<String> wide) {
    for (String id : wide) {
      Element t = page.selectFirst("table[data-pdf-table=\"" + id + "\"]");
      if (t != null && (t.parent() == null || !t.parent().hasClass("pdf-wide"))) {
        Element lead = t.previousElementSibling();
        t.wrap("<div class=\"pdf-wide\"></div>");
        if (lead != null && lead.hasClass("pdf-keep-with-next")) {
          t.parent().prependChild(lead);
        }
      }
    }
  }

  /** Info dictionary, XMP, language, outline shown on opening, title in the window. */
  private static void describe(PDDocument pdf, Metadata meta) throws IOException {
    Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
    date.setTimeInMillis(meta.date().toEpochMilli());
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(meta.title());
    info.setAuthor(String.join("; ", meta.authors()));
    if (!meta.subject().isEmpty()) {
      info.setSubject(meta.subject());
    }
    if (!meta.keywords().isEmpty()) {
      info.setKeywords(String.join(", ", meta.keywords()));
    }
    info.setCreator("weight-decay-paper");
    info.setProducer(PRODUCER);
    info.setCreationDate(date);
    info.setModificationDate(date);
    pdf.setDocumentInformation(info);
    PDDocumentCatalog catalog = pdf.getDocumentCatalog();
    catalog.setLanguage(meta.language());
    if (catalog.getDocumentOutline() != null) {
      catalog.setPageMode(PageMode.USE_OUTLINES);
    }
    PDViewerPreferences prefs = catalog.getViewerPreferences() != null ? catalog.getViewerPreferences()
        : new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
    prefs.setDisplayDocTitle(true);
    catalog.setViewerPreferences(prefs);
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setFormat("application/pdf");
    dc.setTitle(meta.title());
    meta.authors().forEach(dc::addCreator);
    if (!meta.subject().isEmpty()) {
      dc.setDescription(meta.subject());
    }
    meta.keywords().forEach(dc::addSubject);
    dc.addLanguage(meta.language());
    AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
    adobe.setProducer(PRODUCER);
    if (!meta.keywords().isEmpty()) {
      adobe.setKeywords(String.join(", ", meta.keywords()));
    }
    org.apache.xmpbox.schema.XMPSchema ua = new org.apache.xmpbox.schema.XMPSchema(xmp,
        "http://www.aiim.org/pdfua/ns/id/", "pdfuaid");
    ua.setTextPropertyValue("part", "1");
    xmp.addSchema(ua);
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool("weight-decay-paper");
    basic.setCreateDate(date);
    basic.setModifyDate(date);
    basic.setMetadataDate(date);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, bytes, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException("cannot write the PDF's XMP metadata: " + e.getMessage(), e);
    }
    PDMetadata stream = new PDMetadata(pdf);
    stream.importXMPMetadata(bytes.toByteArray());
    catalog.setMetadata(stream);
  }

  /**
   * A document id from the metadata and the text, so that the same paper always has the same id and another paper
   * another (the text, not the markup: attribute order must not matter).
   */
  private static long documentId(String html) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = id << 8 | (h[i] & 0xff);
      }
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Each distinct formula drawn once per PDF: the paper's 319 formulas are 140 distinct drawings (the same n_w, eta
   * or lambda again and again), and Batik, which openhtmltopdf draws an SVG with, copies the SVG into a document of
   * its own, styles it, builds its graphics tree and paints it at every occurrence; that was about 40 % of the PDF
   * thread's time (JFR). Here the first occurrence of a formula (the same markup under the same page styles) is
   * painted by Batik into a form XObject, as openhtmltopdf itself does ({@code drawWithGraphics}: a
   * {@code PdfBoxGraphics2D} of the drawing's whole-pixel size, scaled from 96 to 72 per inch), and every occurrence,
   * the first one too, places that form where openhtmltopdf would have placed its own. A formula with text in it
   * (none of the paper's: JLaTeXMath draws glyphs as paths) and any drawing that does not go as expected are left
   * to openhtmltopdf, as before. The page shows the same drawing; the PDF holds each formula once.
   */
  static final class FormulaForms {
    /** A formula painted into a form, and the size in pixels that Batik gave for it. */
    private record Painted(PDFormXObject form, float width, float height) {}

    /** Each drawing's form, or empty if Batik did not paint it as expected (left to openhtmltopdf from then on). */
    private final Map<String, java.util.Optional<Painted>> drawn = new HashMap<>();

    /**
     * Draws the formula {@code svg} of {@code image}, laid out in {@code box}, at (x, y); false if it is left to
     * openhtmltopdf. Batik scales the drawing to the box's content area, so its size is part of what makes two
     * occurrences the same drawing.
     */
    boolean draw(PdfBoxFastOutputDevice device, RenderingContext ctx, org.w3c.dom.Element svg, Box box,
        SVGDrawer.SVGImage image, double x, double y) {
      if (svg.getElementsByTagNameNS("*", "text").getLength() > 0 || x != Math.rint(x) || y != Math.rint(y)) {
        return false;
      }
      java.awt.Rectangle area = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), ctx);
      String key = area.width + "x" + area.height + "\n" + ctx.getCss().getCSSForAllDescendants(svg) + "\n"
          + markup(svg);
      java.util.Optional<Painted> painted =
          drawn.computeIfAbsent(key, k -> java.util.Optional.ofNullable(paint(device.getWriter(), ctx, image, x, y)));
      painted.ifPresent(p -> place(device, p, (int) x, (int) y));
      return painted.isPresent();
    }

    /**
     * Where openhtmltopdf puts a drawing it made with {@code drawWithGraphics}: its form's lower-left corner at
     * (x, y + 0.75 h dpp) in the page's dots, h being the height in pixels Batik asked for; {@code drawPdfAsImage}
     * puts a form's lower-left corner at (x, y + ih) for an intrinsic height ih in dots, and leaves the form's size
     * as it is when the intrinsic width is 0 (it scales only images of a known size).
     */
    private static void place(PdfBoxFastOutputDevice device, Painted painted, int x, int y) {
      float height = painted.height() * device.getDotsPerPoint() * (72f / 96f);
      device.drawPdfAsImage(painted.form(), new java.awt.Rectangle(x, y, 0, 0), 0f, height);
    }

    /** Batik's painting of the formula as a form, or null if Batik did not paint it the one expected way. */
    private static Painted paint(PDDocument doc, RenderingContext ctx, SVGDrawer.SVGImage image, double x,
        double y) {
      com.openhtmltopdf.extend.OutputDeviceGraphicsDrawer[] painter = {null};
      float[] size = new float[2];
      OutputDevice capture = (OutputDevice) java.lang.reflect.Proxy.newProxyInstance(
          OutputDevice.class.getClassLoader(), new Class<?>[] {OutputDevice.class}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
              return switch (method.getName()) {
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> "formula capture";
              };
            }
            if (method.getName().equals("drawWithGraphics") && args.length == 5 && painter[0] == null) {
              size[0] = (Float) args[2];
              size[1] = (Float) args[3];
              painter[0] = (com.openhtmltopdf.extend.OutputDeviceGraphicsDrawer) args[4];
              return null;
            }
            throw new UnsupportedOperationException(method.getName());
          });
      try {
        image.drawSVG(capture, ctx, x, y);
        if (painter[0] == null) {
          return null;
        }
        de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D g =
            new de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D(doc, (int) size[0], (int) size[1]);
        painter[0].render(g);
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        form.setMatrix(java.awt.geom.AffineTransform.getScaleInstance(72f / 96f, 72f / 96f));
        return new Painted(form, size[0], size[1]);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** The element as markup: its name, attributes in document order and children, recursively. */
    static String markup(org.w3c.dom.Node node) {
      StringBuilder out = new StringBuilder();
      markup(node, out);
      return out.toString();
    }

    private static void markup(org.w3c.dom.Node node, StringBuilder out) {
      if (node.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
        out.append(node.getNodeValue() == null ? "" : node.getNodeValue());
        return;
      }
      out.append('<').append(node.getNodeName());
      org.w3c.dom.NamedNodeMap attributes = node.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        org.w3c.dom.Node a = attributes.item(i);
        out.append(' ').append(a.getNodeName()).append("=\"").append(a.getNodeValue()).append('"');
      }
      out.append('>');
      for (org.w3c.dom.Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
        markup(c, out);
      }
      out.append("</").append(node.getNodeName()).append('>');
    }
  }

  /**
   * Lines break where Unicode says (after spaces and hyphens, ...), not also before every "/" and after every "."
   * as openhtmltopdf's default, made for URLs, does: that broke "1/√n_w" as "1" + "/√n_w" and "x.csv" as "x." +
   * "csv". A table that then no longer fits goes to a landscape page.
   */
  private static final class LineBreaker implements com.openhtmltopdf.extend.FSTextBreaker {
    private final java.text.BreakIterator lines = java.text.BreakIterator.getLineInstance(java.util.Locale.ROOT);

    @Override
    public int next() {
      return lines.next();
    }

    @Override
    public void setText(String text) {
      lines.setText(text);
    }
  }

  /**
   * Draws each formula (an SVG with class {@code tex}) and, over it, its {@code aria-label} as invisible text
   * (rendering mode 3, as OCR layers do) in the font of the surrounding text, on the formula's baseline and
   * squeezed or spread to the formula's width: text extraction, search, copy and screen readers that read the
   * text layer get "ηλ ≪ n" where the page shows the drawing.
   */
  private static final class TextBehindMath implements SVGDrawer {
    private final SVGDrawer inner;

    TextBehindMath(SVGDrawer inner) {
      this.inner = inner;
    }

    @Override
    public void importFontFaceRules(List<com.openhtmltopdf.css.sheet.FontFaceRule> rules, SharedContext ctx) {
      inner.importFontFaceRules(rules, ctx);
    }

    @Override
    public void withUserAgent(com.openhtmltopdf.extend.UserAgentCallback userAgent) {
      inner.withUserAgent(userAgent);
    }

    @Override
    public void addFontFile(java.io.File file, String family, Integer weight, FontStyle style)
        throws IOException, java.awt.FontFormatException {
      inner.addFontFile(file, family, weight, style);
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }

    @Override
    public SVGImage buildSVGImage(org.w3c.dom.Element svg, Box box, CssContext css, double width, double height,
        double dotsPerPixel) {
      SVGImage image = inner.buildSVGImage(svg, box, css, width, height, dotsPerPixel);
      String text = svg.getAttribute("aria-label");
      if (text.isEmpty() || !(" " + svg.getAttribute("class") + " ").contains(" tex ")) {
        return image;
      }
      double baseline = baseline(svg.getAttribute("style"));
      return new SVGImage() {
        @Override
        public int getIntrinsicWidth() {
          return image.getIntrinsicWidth();
        }

        @Override
        public int getIntrinsicHeight() {
          return image.getIntrinsicHeight();
        }

        @Override
        public void drawSVG(OutputDevice device, RenderingContext ctx, double x, double y) {
          if (!(device instanceof PdfBoxFastOutputDevice fast) || !forms.draw(fast, ctx, svg, box, image, x, y)) {
            image.drawSVG(device, ctx, x, y);
          }
          if (device instanceof PdfBoxOutputDevice pdf) {
            drawInvisible(pdf, ctx, box, text, x, y, image.getIntrinsicWidth(), image.getIntrinsicHeight(),
                baseline);
          }
        }
      };
    }

    private final FormulaForms forms = new FormulaForms();

    private static final Pattern HEIGHT = Pattern.compile("height:\\s*([0-9.]+)em");
    private static final Pattern DEPTH = Pattern.compile("vertical-align:\\s*-([0-9.]+)em");

    /** Where the baseline lies, as a fraction of the height from the top: from "height:Hem;vertical-align:-Dem". */
    private static double baseline(String style) {
      Matcher h = HEIGHT.matcher(style);
      Matcher d = DEPTH.matcher(style);
      if (h.find() && d.find()) {
        double height = Double.parseDouble(h.group(1));
        return height > 0 ? 1 - Double.parseDouble(d.group(1)) / height : 0.75;
      }
      return 0.65;
    }

    private static void drawInvisible(PdfBoxOutputDevice device, RenderingContext ctx, Box box, String text,
        double x, double y, int width, int height, double baseline) {
      FontSpecification around = box.getStyle().getFontSpecification();
      FontSpecification spec = new FontSpecification();
      spec.families = around.families;
      spec.size = around.size;
      spec.fontWeight = IdentValue.NORMAL;
      spec.fontStyle = IdentValue.NORMAL;
      spec.variant = IdentValue.NORMAL;
      FSFont font = ctx.getFont(spec);
      int natural = ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, text);
      if (natural > 0 && width > 0 && natural != width) {
        // the text's size scaled to the drawing's width, within half and 1.4 times the size around it (a text
        // much wider than the drawing is then squeezed; one much narrower leaves a gap, read as a space)
        spec.size = (float) Math.min(around.size * 1.4,
            Math.max(around.size * 0.5, around.size * (double) width / natural));
        font = ctx.getFont(spec);
        natural = ctx.getTextRenderer().getWidth(ctx.getFontContext(), font, text);
      }
      int gaps = Math.max(1, text.codePointCount(0, text.length()) - 1);
      JustificationInfo fit = new JustificationInfo();
      float adjust = Math.min(0f, (float) (width - natural) / gaps);
      fit.setNonSpaceAdjust(adjust);
      fit.setSpaceAdjust(adjust);
      FontSpecification before = device instanceof AbstractOutputDevice a ? a.getFontSpecification() : null;
      if (device instanceof AbstractOutputDevice a) {
        a.setFontSpecification(spec);
      }
      device.getCurrentPage().setRenderingMode(RenderingMode.NEITHER);
      device.setFont(font);
      device.drawString(text, (float) x, (float) (y + height * baseline), fit);
      device.getCurrentPage().setRenderingMode(RenderingMode.FILL);
      if (device instanceof AbstractOutputDevice a && before != null) {
        a.setFontSpecification(before);
      }
    }
  }
}
