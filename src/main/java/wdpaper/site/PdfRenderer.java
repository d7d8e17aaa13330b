package wdpaper.site;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The paper's HTML to PDF with openhtmltopdf: DejaVu fonts embedded from the classpath (Greek and symbols such as
 * the much-less-than sign), SVG figures and math drawn as vectors, and a fixed creation date and document id so
 * that the bytes are the same on every build.
 */
public final class PdfRenderer {
  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
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

  private PdfRenderer() {}

  /** Renders {@code html}, whose relative links resolve against {@code baseDir}, to PDF bytes. */
  public static byte[] render(String html, Path baseDir, String title) {
    // openhtmltopdf logs every CSS rule it skips (e.g. the site's dark-mode @media); the PDF is checked by tests
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useSVGDrawer(new BatikSVGDrawer());
    font(b, "DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL);
    font(b, "DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL);
    font(b, "DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC);
    font(b, "DejaVuSerif-BoldItalic.ttf", "DejaVu Serif", 700, FontStyle.ITALIC);
    font(b, "DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL);
    font(b, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL);
    font(b, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL);
    org.w3c.dom.Document doc = new org.jsoup.helper.W3CDom().fromJsoup(org.jsoup.Jsoup.parse(html));
    b.withW3cDocument(doc, baseDir.toUri().toString());
    b.withProducer("weight-decay-paper");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    b.toStream(out);
    try (PdfBoxRenderer r = b.buildPdfRenderer()) {
      r.layout();
      PDDocument pdf = r.createPDFKeepOpen();
      Calendar epoch = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      epoch.setTimeInMillis(0);
      pdf.getDocumentInformation().setCreationDate(epoch);
      pdf.getDocumentInformation().setModificationDate(epoch);
      pdf.getDocumentInformation().setTitle(title);
      pdf.setDocumentId(42L);
      pdf.save(out);
      pdf.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder b, String file, String family, int weight, FontStyle style) {
    b.useFont(() -> PdfRenderer.class.getResourceAsStream(FONTS + file), family, weight, style, true);
  }
}
