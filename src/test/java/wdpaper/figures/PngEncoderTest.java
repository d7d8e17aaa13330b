package wdpaper.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The PNG writer: every pixel as drawn (read back with ImageIO's reader), its resolution, the same bytes twice. */
class PngEncoderTest {
  /** Lines, text and noise. */
  private static BufferedImage drawing(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setStroke(new BasicStroke(2.5f));
    g.setColor(new Color(0x1f77b4));
    g.drawLine(3, h - 5, w - 7, 4);
    g.setColor(new Color(0xd62728));
    g.drawOval(w / 4, h / 4, w / 2, h / 3);
    g.setColor(Color.BLACK);
    g.drawString("λ = 5, n_w", 10, h / 2);
    g.dispose();
    Random r = new Random(7);
    for (int y = h - 6; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, r.nextInt(1 << 24));
      }
    }
    return img;
  }

  @Test
  void everyPixelReadsBackAsDrawnAndTheResolutionIsRecorded() throws IOException {
    BufferedImage img = drawing(301, 97);
    byte[] png = PngEncoder.encode(img, 300);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      BufferedImage back = reader.read(0);
      assertThat(back.getWidth()).isEqualTo(301);
      assertThat(back.getHeight()).isEqualTo(97);
      for (int y = 0; y < 97; y++) {
        for (int x = 0; x < 301; x++) {
          assertThat(back.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(img.getRGB(x, y) & 0xffffff);
        }
      }
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
      assertThat(phys.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
      assertThat(phys.getAttribute("pixelsPerUnitYAxis")).isEqualTo("11811");
      assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
    }
    assertThat(PngEncoder.encode(drawing(301, 97), 300)).isEqualTo(png);
  }

  @Test
  void withoutAResolutionThereIsNoPhysChunkAndASinglePixelWorks() throws IOException {
    BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    one.setRGB(0, 0, 0x123456);
    byte[] png = PngEncoder.encode(one, 0);
    assertThat(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("pHYs");
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0) & 0xffffff).isEqualTo(0x123456);
  }

  @Test
  void onlyRgbImages() {
    assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB), 300))
        .hasMessageContaining("TYPE_INT_RGB");
  }
}
