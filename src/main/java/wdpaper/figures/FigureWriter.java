package wdpaper.figures;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import wdpaper.claims.Series;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Hashing;
import wdpaper.project.Json;

/**
 * Writes every file of a figure, all byte-identical for the same spec:
 *
 * <ul>
 *   <li>{@code <id>-wide.svg}, {@code <id>-narrow.svg}: the site's desktop and phone renditions;</li>
 *   <li>{@code <id>.svg}, {@code <id>.pdf}, {@code <id>.eps}, {@code <id>.png}: the print rendition (174 mm wide,
 *       text 9 pt and up) as vector SVG (the paper's PDF uses it), vector PDF with DejaVu Sans embedded as real
 *       text, EPS (text as outlines) and a 300 dpi PNG, for LaTeX and slides;</li>
 *   <li>{@code <id>.csv}: the plotted data, plain CSV with a header row; {@code <id>.csv-metadata.json}: its CSVW
 *       description and provenance (figure, axes, experiments, run cache keys, data checksums).</li>
 * </ul>
 */
public final class FigureWriter {
  /** Dots per inch of the print PNG. */
  public static final int PRINT_DPI = 300;
  /** A fixed PDF document id: PDFBox would otherwise derive the trailer /ID from the clock. */
  private static final long PDF_ID = 0x5EED_F16L;

  private FigureWriter() {}

  /** Where the figure's data came from, for the CSV metadata. */
  public record Provenance(List<String> runKeys, Map<String, String> dataChecksums, String trainerVersion) {
    public Provenance {
      runKeys = List.copyOf(runKeys);
      dataChecksums = new TreeMap<>(dataChecksums);
    }
  }

  /** A rendition shown in a page: file name and intrinsic size in CSS px. */
  public record Rendition(String file, int width, int height) {}

  /**
   * The files of a figure and what the page needs to show it: the web renditions with their sizes, the print
   * rendition (paper), the downloads and the alt text.
   */
  public record Files(Rendition wide, Rendition narrow, Rendition print, String png, String pdf, String eps,
      String svg, String csv, String metadata, String alt) {
    /** Every file name, in writing order. */
    public List<String> all() {
      return List.of(wide.file(), narrow.file(), svg, pdf, eps, png, csv, metadata);
    }
  }

  /** The files of {@code spec} (without writing them): names, sizes and alt text. */
  public static Files files(FigureSpec spec) {
    String id = spec.id();
    Chart wide = ChartFactory.build(spec, Variant.WIDE);
    Chart narrow = ChartFactory.build(spec, Variant.NARROW);
    Chart print = ChartFactory.build(spec, Variant.PRINT);
    return new Files(rendition(id + "-wide.svg", wide, 1), rendition(id + "-narrow.svg", narrow, 1),
        rendition(printSvg(spec), print, 96.0 / 72), id + ".png", id + ".pdf", id + ".eps", printSvg(spec), data(spec),
        id + ".csv-metadata.json", AltText.of(spec));
  }

  private static Rendition rendition(String file, Chart c, double pxPerUnit) {
    return new Rendition(file, (int) Math.round(c.width() * pxPerUnit), (int) Math.round(c.height() * pxPerUnit));
  }

  /** Writes the figure's files into {@code dir} and returns their names (no data checksums known). */
  public static List<String> write(FigureSpec spec, List<String> runKeys, Path dir) {
    return write(spec, new Provenance(runKeys, Map.of(), null), dir);
  }

  /**
   * Writes the figure's files into {@code dir} and returns their names; throws {@link IllegalStateException} if a
   * rendition breaks a rule of {@link FigureCheck} (too few ticks, text too small, overlapping text).
   */
  public static List<String> write(FigureSpec spec, Provenance provenance, Path dir) {
    return writePaperFiles(spec, provenance, dir).write();
  }

  /**
   * The first part of {@link #write(FigureSpec, Provenance, Path)}: checks every rendition (throws as it does), writes
   * the files the paper's PDF reads (the print SVG and the CSV), and returns what writes the others, so that the PDF
   * can be rendered while they are written.
   */
  public static Rest writePaperFiles(FigureSpec spec, Provenance provenance, Path dir) {
    return writePrintSvg(spec, provenance, dir, writeData(spec, dir));
  }

  /**
   * Writes the figure's data, {@code <id>.csv}, into {@code dir} and returns it: cheap (no drawing), so that its
   * checksum, part of the figure's provenance, is known before the drawings are made. Then
   * {@link #writePrintSvg}.
   */
  public static String writeData(FigureSpec spec, Path dir) {
    String csv = csv(spec);
    AtomicFiles.write(dir.resolve(data(spec)), csv);
    return csv;
  }

  /** The data's file name, {@code <id>.csv}. */
  static String data(FigureSpec spec) {
    return spec.id() + ".csv";
  }

  /** The print SVG's file name, {@code <id>.svg}: the rendition the paper's PDF reads. */
  public static String printSvg(FigureSpec spec) {
    return spec.id() + ".svg";
  }

  /**
   * After {@link #writeData} (its {@code csv}): checks every rendition (throws as {@link #write} does), writes the
   * print SVG, and returns what writes the other files.
   */
  public static Rest writePrintSvg(FigureSpec spec, Provenance provenance, Path dir, String csv) {
    Files f = files(spec);
    Chart wide = ChartFactory.build(spec, Variant.WIDE);
    Chart narrow = ChartFactory.build(spec, Variant.NARROW);
    Chart print = ChartFactory.build(spec, Variant.PRINT);
    for (Chart c : List.of(wide, narrow, print)) {
      FigureCheck.require(c);
    }
    AtomicFiles.write(dir.resolve(f.svg()), svg(print, SVGUnits.PT));
    return new Rest(spec, provenance, dir, f, wide, narrow, print, csv);
  }

  /** The files of a figure that the paper does not read, still to be written (see {@link #writePaperFiles}). */
  public static final class Rest {
    private final FigureSpec spec;
    private final Provenance provenance;
    private final Path dir;
    private final Files f;
    private final Chart wide;
    private final Chart narrow;
    private final Chart print;
    private final String csv;

    private Rest(FigureSpec spec, Provenance provenance, Path dir, Files f, Chart wide, Chart narrow, Chart print,
        String csv) {
      this.spec = spec;
      this.provenance = provenance;
      this.dir = dir;
      this.f = f;
      this.wide = wide;
      this.narrow = narrow;
      this.print = print;
      this.csv = csv;
    }

    /** Writes them; returns the names of all the figure's files (as {@link Files#all()}). */
    public List<String> write() {
      AtomicFiles.write(dir.resolve(f.wide().file()), svg(wide, SVGUnits.PX));
      AtomicFiles.write(dir.resolve(f.narrow().file()), svg(narrow, SVGUnits.PX));
      AtomicFiles.write(dir.resolve(f.pdf()), pdf(print));
      AtomicFiles.write(dir.resolve(f.eps()), eps(print));
      AtomicFiles.write(dir.resolve(f.png()), png(print, PRINT_DPI / 72.0, PRINT_DPI));
      AtomicFiles.write(dir.resolve(f.metadata()), csvMetadata(spec, f, provenance, Hashing.sha256(csv)));
      return f.all();
    }
  }

  /** The chart as a PNG at {@code scale} pixels per unit, with its resolution recorded (pHYs) when dpi > 0. */
  static byte[] png(Chart chart, double scale, int dpi) {
    int w = (int) Math.round(chart.width() * scale);
    int h = (int) Math.round(chart.height() * scale);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h); // the whole raster: the drawing's edge may fall inside the last pixel row
    g.scale(scale, scale);
    chart.paint(g, false);
    g.dispose();
    return PngEncoder.encode(img, dpi);
  }

  /** The chart as SVG, text as glyph outlines (no font needed), numbers with two decimals, ids prefixed. */
  static String svg(Chart chart, SVGUnits units) {
    SVGGraphics2D g = new SVGGraphics2D(chart.width(), chart.height(), units);
    g.setDefsKeyPrefix(chart.spec().id() + "-" + chart.variant().suffix + "-");
    g.setGeomDoubleConverter(v -> decimals(v, 2));
    g.setTransformDoubleConverter(v -> decimals(v, 4));
    chart.paint(g, false);
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, chart.width(), chart.height()), null, null);
    // a title for viewers that show the file on its own (the page's img carries the alt text)
    int end = svg.indexOf('>') + 1;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.substring(0, end) + "<title>"
        + RichText.escape(RichText.plain(chart.spec().title())) + "</title>" + svg.substring(end) + "\n";
  }

  /**
   * {@code v} rounded half-even to {@code places} decimals of its shortest decimal form ({@link Double#toString}),
   * trailing zeros dropped: what {@code BigDecimal.valueOf(v).setScale(places, HALF_EVEN).stripTrailingZeros()
   * .toPlainString()} gives (never "-0"), without the BigDecimal, for the plain forms that every coordinate of a
   * drawing has; an exponent form goes the BigDecimal way. Every number of every SVG passes here.
   */
  static String decimals(double v, int places) {
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0 || !Double.isFinite(v)) {
      String b = BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
      return b.equals("-0") ? "0" : b;
    }
    boolean negative = s.charAt(0) == '-';
    int dot = s.indexOf('.');
    // the digits kept (integer part and at most `places` decimals), as one number
    int from = negative ? 1 : 0;
    int fracDigits = Math.min(places, s.length() - dot - 1);
    char[] digits = new char[dot - from + fracDigits];
    s.getChars(from, dot, digits, 0);
    s.getChars(dot + 1, dot + 1 + fracDigits, digits, dot - from);
    int restStart = dot + 1 + fracDigits;
    if (restStart < s.length()) {
      char first = s.charAt(restStart);
      boolean up = first > '5';
      if (first == '5') {
        boolean beyond = false;
        for (int i = restStart + 1; i < s.length(); i++) {
          beyond |= s.charAt(i) != '0';
        }
        up = beyond || ((digits[digits.length - 1] - '0') & 1) == 1;
      }
      if (up) {
        int i = digits.length - 1;
        while (i >= 0 && digits[i] == '9') {
          digits[i--] = '0';
        }
        if (i < 0) {
          char[] longer = new char[digits.length + 1];
          longer[0] = '1';
          System.arraycopy(digits, 0, longer, 1, digits.length);
          digits = longer;
        } else {
          digits[i]++;
        }
      }
    }
    int intDigits = digits.length - fracDigits;
    int end = digits.length;
    while (end > intDigits && digits[end - 1] == '0') {
      end--;
    }
    boolean zero = true;
    for (int i = 0; i < end; i++) {
      zero &= digits[i] == '0';
    }
    if (zero) {
      return "0";
    }
    int start = 0;
    while (start < intDigits - 1 && digits[start] == '0') {
      start++;
    }
    StringBuilder out = new StringBuilder(end - start + 2);
    if (negative) {
      out.append('-');
    }
    out.append(digits, start, intDigits - start);
    if (end > intDigits) {
      out.append('.').append(digits, intDigits, end - intDigits);
    }
    return out.toString();
  }

  /**
   * The chart as a one-page vector PDF the size of the drawing, its text real text in DejaVu Sans (embedded,
   * subset), with fixed document id and no dates, so the same chart gives the same bytes.
   */
  static byte[] pdf(Chart chart) {
    return FigureFonts.with(ttf -> pdf(chart, ttf));
  }

  /** The chart as PDF with {@code ttf} (a parsed {@link HouseTheme#fontFile()}, ligatures off) embedded. */
  static byte[] pdf(Chart chart, TrueTypeFont ttf) {
    float w = (float) chart.width();
    float h = (float) chart.height();
    try (PDDocument doc = new PDDocument();
        PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
      PDPage page = new PDPage(new PDRectangle(w, h));
      doc.addPage(page);
      fonts.registerFont(HouseTheme.font(10).getFontName(), PDType0Font.load(doc, ttf, true));
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
      g.setFontTextDrawer(fonts);
      chart.paint(g, true);
      g.dispose();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawForm(g.getXFormObject());
      }
      var info = doc.getDocumentInformation();
      info.setTitle(RichText.plain(chart.spec().title()));
      info.setCreator("weight-decay-paper");
      info.setProducer("weight-decay-paper");
      doc.setDocumentId(PDF_ID);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the PDF of figure " + chart.spec().id(), e);
    }
  }

  /** The chart as EPS (text as outlines: no fonts needed), same size as the PDF. */
  static byte[] eps(Chart chart) {
    double mmPerPt = 25.4 / 72;
    VectorGraphics2D g = new VectorGraphics2D();
    g.scale(mmPerPt, mmPerPt);
    chart.paint(g, false);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Processors.get("eps").getDocument(g.getCommands(),
          new PageSize(0, 0, chart.width() * mmPerPt, chart.height() * mmPerPt)).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The CSV's columns: name and description, in order. */
  private static final String[][] COLUMNS = {
      {"series", "the plotted series, as labelled in the legend"},
      {"style", "how it is drawn: measured (mean over seeds, solid), predicted (formula, dashed), reference"
          + " (dash-dot) or points"},
      {"x", null}, {"y_mean", null},
      {"y_lo", "smallest value over the seeds (equal to y_mean for one seed or a formula)"},
      {"y_hi", "largest value over the seeds (equal to y_mean for one seed or a formula)"},
      {"seeds", "number of seeds (runs) averaged; 0 for a formula or reference line"},
      {"censored", "true if the point is censored: a bound rather than a measurement (drawn as an open marker)"}};

  /** Long format, plain CSV: a header row, then one row per plotted point. */
  static String csv(FigureSpec spec) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < COLUMNS.length; c++) {
      sb.append(c == 0 ? "" : ",").append(COLUMNS[c][0]);
    }
    sb.append('\n');
    for (FigureSpec.Plot p : spec.plots()) {
      Series s = p.series();
      String label = quote(RichText.plain(p.label()));
      String style = p.style().name().toLowerCase(Locale.ROOT);
      for (int i = 0; i < s.x().length; i++) {
        sb.append(label).append(',').append(style).append(',').append(num(s.x()[i])).append(',')
            .append(num(s.mean()[i])).append(',').append(num(s.lo()[i])).append(',').append(num(s.hi()[i]))
            .append(',').append(s.seeds()).append(',').append(p.censored(i)).append('\n');
      }
    }
    return sb.toString();
  }

  /** The shortest decimal that reads back as the same double, without exponent; empty for NaN or infinity. */
  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") of the figure's CSV, with its provenance. */
  static String csvMetadata(FigureSpec spec, Files files, Provenance provenance, String csvSha256) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", List.of("http://www.w3.org/ns/csvw", Map.of("@language", "en")));
    m.put("url", files.csv());
    m.put("dc:identifier", spec.id());
    m.put("dc:title", RichText.plain(spec.title()));
    m.put("dc:description", spec.caption());
    m.put("dc:format", "text/csv");
    m.put("schema:sha256", csvSha256);
    m.put("dc:source", "weight-decay-paper: experiment" + (spec.experiments().size() > 1 ? "s " : " ")
        + String.join(", ", spec.experiments()) + ", trained on MNIST");
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("dc:identifier", spec.id());
    figure.put("schema:encoding", List.of(files.pdf(), files.eps(), files.svg(), files.png()));
    figure.put("schema:description", files.alt());
    m.put("schema:about", figure);
    Map<String, Object> activity = new LinkedHashMap<>();
    activity.put("@type", "prov:Activity");
    activity.put("rdfs:label", "weight-decay-paper render: training runs (from the run cache) to figures");
    activity.put("prov:used", provenanceUsed(spec, provenance));
    m.put("prov:wasGeneratedBy", activity);
    Map<String, Object> dialect = new LinkedHashMap<>();
    dialect.put("header", true);
    dialect.put("delimiter", ",");
    m.put("dialect", dialect);
    List<Object> columns = new ArrayList<>();
    for (String[] c : COLUMNS) {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", c[0]);
      col.put("titles", c[0]);
      col.put("datatype", switch (c[0]) {
        case "series", "style" -> "string";
        case "seeds" -> "integer";
        case "censored" -> "boolean";
        default -> "double";
      });
      String description = switch (c[0]) {
        case "x" -> "x axis: " + RichText.plain(spec.xLabel()) + (spec.xLog() ? " (drawn on a log scale)" : "");
        case "y_mean" -> "y axis: " + RichText.plain(spec.yLabel()) + (spec.yLog() ? " (drawn on a log scale)" : "")
            + "; the mean over seeds for measured series";
        default -> c[1];
      };
      col.put("dc:description", description);
      if (!c[0].equals("series") && !c[0].equals("style")) {
        col.put("null", "");
      }
      columns.add(col);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("columns", columns);
    m.put("tableSchema", schema);
    return Json.write(m);
  }

  private static List<Object> provenanceUsed(FigureSpec spec, Provenance provenance) {
    List<Object> used = new ArrayList<>();
    for (String e : spec.experiments()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("@type", "prov:Plan");
      x.put("rdfs:label", "experiment " + e);
      x.put("schema:url", "content/experiments/" + e + ".json");
      used.add(x);
    }
    for (String key : provenance.runKeys()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("@type", "prov:Entity");
      x.put("rdfs:label", "training run " + key + " (run cache .cache/runs/" + key + ".json)");
      x.put("schema:identifier", key);
      if (provenance.trainerVersion() != null) {
        x.put("schema:version", provenance.trainerVersion());
      }
      used.add(x);
    }
    provenance.dataChecksums().forEach((file, sha) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("@type", "prov:Entity");
      x.put("rdfs:label", "MNIST file " + file);
      x.put("schema:name", file);
      x.put("schema:sha256", sha);
      used.add(x);
    });
    return used;
  }
}
