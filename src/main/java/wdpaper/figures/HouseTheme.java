package wdpaper.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The one style of every figure: the Okabe-Ito colour-blind-safe palette, DejaVu Sans loaded from the classpath
 * (so text renders the same on every machine), legend below the plot so it never covers data.
 */
public final class HouseTheme {
  /** Okabe & Ito (2008): distinguishable with the common forms of colour blindness. */
  public static final Color[] PALETTE = {
      new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
      new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
  public static final Color REFERENCE = new Color(0x777777);
  public static final int WIDTH = 720;
  public static final int HEIGHT = 450;

  private static final Font BASE = load("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf");

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

  public static Font font(float size) {
    return BASE.deriveFont(size);
  }

  public static Color color(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** Applies the house style to a chart. */
  static void apply(XYChart chart) {
    var s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(new Color(0x999999));
    s.setPlotGridLinesColor(new Color(0xE3E3E3));
    s.setPlotGridLinesStroke(new BasicStroke(0.8f));
    s.setChartTitleVisible(false);
    s.setChartTitleFont(font(15f));
    s.setLegendFont(font(11.5f));
    s.setAxisTitleFont(font(13f));
    s.setAxisTickLabelsFont(font(11.5f));
    s.setAnnotationTextFont(font(11f));
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPadding(4);
    s.setChartPadding(10);
    s.setAntiAlias(true);
    s.setLocale(java.util.Locale.ROOT);
    s.setToolTipsEnabled(false);
    s.setMarkerSize(7);
  }
}
