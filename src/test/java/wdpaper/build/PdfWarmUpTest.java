package wdpaper.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wdpaper.site.PdfRenderer;

/** The warm-up page renders with the project's stylesheets, without a warning: it exercises what it should. */
class PdfWarmUpTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();

  @Test
  void theWarmUpPageRendersCleanlyWithTheProjectsStylesheets() {
    List<String> warnings = new ArrayList<>();
    byte[] pdf = PdfRenderer.render(PdfWarmUp.HTML, ROOT.resolve("templates"), new PdfRenderer.Metadata("warm-up", "",
        List.of(), List.of(), "en", Instant.EPOCH), warnings::add);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(warnings).isEmpty();
    // and the warm-up itself never throws, whatever the folder
    PdfWarmUp.run(ROOT.resolve("no-such-folder"));
  }
}
