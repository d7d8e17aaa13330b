package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one style of every figure: the Okabe-Ito colour-blind-safe palette, line styles that differ without colour
 * (solid measured, dashed predicted, dash-dot reference, dotted seed range), and DejaVu Sans loaded from the
 * classpath, so text renders the same on every machine and the PDF can embed it.
 */
public final class HouseTheme {
  /** Okabe & Ito (2008): distinguishable with the common forms of colour blindness. */
  public static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
  public static final Color REFERENCE = new Color(0x6E6E6E);
  public static final Color TEXT = new Color(0x1D1D1F);
  public static final Color FRAME = new Color(0x8C8C8C);
  public static final Color GRID = new Color(0xE4E4E4);
  /** The open markers of censored points in the legend. */
  public static final Color CENSORED = new Color(0x333333);

  /** The font's file, embedded in PDF figures. */
  static final String FONT_RESOURCE = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
  private static final Font BASE = load(FONT_RESOURCE);
  /** Unhinted, antialiased metrics: the same advances in PNG, SVG, EPS and PDF. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  /** Scripts (sub- and superscripts) are drawn at this fraction of their label's size. */
  static final float SCRIPT_SCALE = 0.72f;

  private HouseTheme() {}

  private static Font load(String resource) {
    try (InputStream in = HouseTheme.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " missing from the classpath (jasperreports-fonts)");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("cannot load font " + resource, e);
    }
  }

  /** DejaVu Sans at {@code size} (px or pt, the drawing's unit). */
  public static Font font(float size) {
    return BASE.deriveFont(size);
  }

  static InputStream fontFile() {
    return HouseTheme.class.getResourceAsStream(FONT_RESOURCE);
  }

  public static Color color(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** The stroke of a style at a variant's line scale. */
  static BasicStroke stroke(FigureSpec.Style style, float scale) {
    return switch (style) {
      case MEASURED -> new BasicStroke(2.4f * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      case PREDICTED -> dashed(2.0f * scale, new float[] {7f * scale, 4.5f * scale});
      case REFERENCE -> dashed(1.5f * scale, new float[] {9f * scale, 3.5f * scale, 2f * scale, 3.5f * scale});
      case POINTS -> new BasicStroke(1.4f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    };
  }

  /** The thin dotted lines of a measured series' seed range. */
  static BasicStroke spread(float scale) {
    return dashed(1.0f * scale, new float[] {1.6f * scale, 2.4f * scale});
  }

  private static BasicStroke dashed(float width, float[] dash) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }
}
