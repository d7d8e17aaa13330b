package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.Hashing;
import wdpaper.project.Json;

class FigureWriterTest {
  static final List<String> SUFFIXES = List.of("-wide.svg", "-narrow.svg", ".svg", ".pdf", ".eps", ".png", ".csv",
      ".csv-metadata.json");

  static FigureSpec scale() {
    return SampleFigures.all().stream().filter(f -> f.id().equals("scale")).findFirst().orElseThrow();
  }

  static FigureWriter.Provenance provenance() {
    return new FigureWriter.Provenance(List.of("1df274d2c833325d", "2a7f0c2e7e91b4aa"),
        Map.of("train-images-idx3-ubyte", "ba89", "t10k-labels-idx1-ubyte", "f7ae"), "trainer-4");
  }

  @Test
  void writesTheWebPrintAndDataFilesOfAFigure(@TempDir Path dir) {
    List<String> names = FigureWriter.write(scale(), provenance(), dir);
    assertThat(names).containsExactlyElementsOf(SUFFIXES.stream().map(s -> "scale" + s).toList());
    for (String n : names) {
      assertThat(dir.resolve(n)).isNotEmptyFile();
    }
  }

  @Test
  void csvIsPlainWithTheHeaderFirstAndCsvwMetadataBesideIt(@TempDir Path dir) throws IOException {
    FigureWriter.write(scale(), provenance(), dir);
    String csv = Files.readString(dir.resolve("scale.csv"));
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("series,style,x,y_mean,y_lo,y_hi,seeds,censored");
    assertThat(lines).noneMatch(l -> l.startsWith("#")).noneMatch(l -> l.matches(".*\\d[eE][-+]?\\d.*"));
    // the censored point: the widest network at λ = 10; quoted label (it has commas), plain numbers
    assertThat(lines.stream().filter(l -> l.endsWith(",true")).toList()).singleElement().asString()
        .startsWith("\"tail-off scale, λ = 10\",points,238200,0.0963").endsWith(",3,true");
    JsonNode meta = Json.MAPPER.readTree(dir.resolve("scale.csv-metadata.json").toFile());
    assertThat(meta.get("@context").get(0).asText()).isEqualTo("http://www.w3.org/ns/csvw");
    assertThat(meta.get("url").asText()).isEqualTo("scale.csv");
    assertThat(meta.get("dc:identifier").asText()).isEqualTo("scale");
    assertThat(meta.get("dc:title").asText()).isEqualTo("Where the decay tails off, against the number of weights n_w");
    assertThat(meta.get("schema:sha256").asText()).isEqualTo(Hashing.sha256(csv));
    List<String> columns = new ArrayList<>();
    meta.get("tableSchema").get("columns").forEach(c -> columns.add(c.get("name").asText()));
    assertThat(String.join(",", columns)).isEqualTo(lines.get(0));
    assertThat(meta.get("tableSchema").get("columns").get(2).get("dc:description").asText())
        .isEqualTo("x axis: number of weights n_w (drawn on a log scale)");
    String used = meta.get("prov:wasGeneratedBy").get("prov:used").toString();
    assertThat(used).contains("experiment width-sweep", "1df274d2c833325d", "2a7f0c2e7e91b4aa", "trainer-4",
        "train-images-idx3-ubyte", "ba89");
  }

  @Test
  void pdfIsVectorWithDejaVuEmbeddedAsRealText(@TempDir Path dir) throws IOException {
    FigureWriter.write(scale(), provenance(), dir);
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("scale.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(493.23f, org.assertj.core.data.Offset
          .offset(0.01f));
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("Where the decay tails off, against the number of weights n_w");
      List<String> fonts = new ArrayList<>();
      var resources = pdf.getPage(0).getResources();
      for (var name : resources.getXObjectNames()) {
        var form = (org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject) resources.getXObject(name);
        for (var f : form.getResources().getFontNames()) {
          PDFont font = form.getResources().getFont(f);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
          fonts.add(font.getName());
        }
      }
      assertThat(fonts).singleElement().asString().endsWith("+DejaVuSans");
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("tail-off scale, λ = 10", "slope −0.36", "2×10", "number of weights n")
          .doesNotContain("\ufb00").doesNotContain("\ufb01");
      // the y-axis title is turned along the axis: its letters come out one line each
      assertThat(text.replaceAll("\\s", "")).contains("weightRMSattail-off");
    }
  }

  @Test
  void pngIsThreeHundredDpiAtTheTextWidth(@TempDir Path dir) throws IOException {
    FigureWriter.write(scale(), provenance(), dir);
    try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("scale.png").toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertThat(reader.getWidth(0)).isEqualTo(2055); // 174 mm at 300 dpi
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
      assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
    }
  }

  @Test
  void svgAndEpsHaveTheDrawingsSizeAndTextAsOutlines(@TempDir Path dir) throws IOException {
    FigureWriter.Files files = FigureWriter.files(scale());
    FigureWriter.write(scale(), provenance(), dir);
    String wide = Files.readString(dir.resolve("scale-wide.svg"));
    assertThat(wide).contains("width='816px' height='" + files.wide().height() + "px'")
        .contains("<title>Where the decay tails off, against the number of weights n_w</title>")
        .doesNotContain("<text");
    assertThat(Files.readString(dir.resolve("scale-narrow.svg"))).contains("width='360px'");
    assertThat(Files.readString(dir.resolve("scale.svg"))).contains("width='493.23pt'");
    String eps = Files.readString(dir.resolve("scale.eps"), StandardCharsets.ISO_8859_1);
    assertThat(eps).startsWith("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 494 ").endsWith("%%EOF");
    assertThat(files.print().width()).isEqualTo(658); // 174 mm in CSS px
  }

  /** Same spec, same bytes: twice here and once in another JVM (whose hash seeds differ). */
  @Test
  void sameSpecGivesTheSameBytesInThisAndAnotherJvm(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    FigureWriter.write(scale(), provenance(), a);
    FigureWriter.write(scale(), provenance(), b);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        SampleFigureMain.class.getName(), c.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("jvm.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("jvm.log"))).isZero();
    for (String s : SUFFIXES) {
      byte[] first = Files.readAllBytes(a.resolve("scale" + s));
      assertThat(Files.readAllBytes(b.resolve("scale" + s))).as(s).isEqualTo(first);
      assertThat(Files.readAllBytes(c.resolve("scale" + s))).as(s + " in another JVM").isEqualTo(first);
    }
  }

  /** Run by {@link #sameSpecGivesTheSameBytesInThisAndAnotherJvm} in a JVM of its own. */
  static final class SampleFigureMain {
    private SampleFigureMain() {}

    public static void main(String[] args) {
      FigureWriter.write(scale(), provenance(), new File(args[0]).toPath());
    }
  }
}
