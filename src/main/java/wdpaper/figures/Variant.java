package wdpaper.figures;

import java.util.List;
import java.util.Locale;

/**
 * The three sizes every figure is drawn at, each designed for the width it is read at, so that no text in it is
 * smaller than 80 % of the body text around it ({@link #MIN_TEXT_RATIO}):
 *
 * <ul>
 *   <li>{@link #WIDE}: the site on a desktop, 816 px = the text column (48rem at 17 px);</li>
 *   <li>{@link #NARROW}: the site on a phone, 360 px wide, taller, legend below in one or two columns and the
 *       y-axis title above the plot;</li>
 *   <li>{@link #PRINT}: the paper's PDF and the downloads for LaTeX (vector PDF, EPS, SVG, 300 dpi PNG), the
 *       A4 text width of 174 mm, sizes in points (body text 10.5 pt).</li>
 * </ul>
 *
 * Units are CSS px for the web variants and pt for print. The site serves WIDE where the column is wide enough for
 * its text ({@link #wideMedia()}) and NARROW elsewhere.
 */
public enum Variant {
  WIDE("wide", 816, 330, 15f, 16f, 15f, 1f, false, 3),
  NARROW("narrow", 360, 270, 14f, 14.5f, 14f, 1f, true, 2),
  PRINT("print", 174 / 25.4 * 72, 200, 9f, 9.5f, 9f, 0.6f, false, 3);

  /** No figure text may be smaller than this fraction of the body text, at the width the figure is read at. */
  public static final double MIN_TEXT_RATIO = 0.8;

  /** The site's layout (templates/assets/style.css), used to decide where the wide figure is legible. */
  static final double DESKTOP_BODY_PX = 17;
  static final double PHONE_BODY_PX = 16;
  /** The layout switches to one column below 50rem (media queries count rem as 16 px). */
  static final double ONE_COLUMN_BELOW_PX = 800;
  /** Desktop: .layout padding 1.2rem each side, contents 15rem, gap 2rem; main at most 48rem. */
  static final double DESKTOP_CHROME_PX = (2 * 1.2 + 15 + 2) * DESKTOP_BODY_PX;
  static final double DESKTOP_COLUMN_PX = 48 * DESKTOP_BODY_PX;
  /** One column: padding 1.2rem each side. */
  static final double PHONE_CHROME_PX = 2 * 1.2 * PHONE_BODY_PX;
  /** A classic scrollbar takes up to this much of the viewport on desktop browsers. */
  static final double SCROLLBAR_PX = 17;

  public final String suffix;
  /** Width of the drawing, px (web) or pt (print). */
  public final double width;
  /** Height of the plot area (the legend and axes come on top). */
  public final double plotHeight;
  public final float tickSize;
  public final float axisTitleSize;
  public final float legendSize;
  /** Line widths and marker sizes relative to the web's. */
  public final float lineScale;
  /** The y-axis title horizontal above the plot (phone) rather than turned along the axis. */
  public final boolean yTitleOnTop;
  public final int maxLegendColumns;

  Variant(String suffix, double width, double plotHeight, float tickSize, float axisTitleSize, float legendSize,
      float lineScale, boolean yTitleOnTop, int maxLegendColumns) {
    this.suffix = suffix;
    this.width = width;
    this.plotHeight = plotHeight;
    this.tickSize = tickSize;
    this.axisTitleSize = axisTitleSize;
    this.legendSize = legendSize;
    this.lineScale = lineScale;
    this.yTitleOnTop = yTitleOnTop;
    this.maxLegendColumns = maxLegendColumns;
  }

  /** The smallest base text size of the variant (scripts are drawn at a fixed fraction of their label's size). */
  public float minTextSize() {
    return Math.min(tickSize, Math.min(axisTitleSize, legendSize));
  }

  /** A width the variant is read at, with the body text size there (same units as {@link #width}). */
  public record Reading(String where, double displayWidth, double bodySize) {
    /** The smallest text of a figure drawn at {@code designWidth} with {@code minText}, as shown here. */
    public double shownSize(double minText, double designWidth) {
      return minText * displayWidth / designWidth;
    }
  }

  /** Where the variant is read: the narrowest places it is served to, with their body text. */
  public List<Reading> readings() {
    return switch (this) {
      case WIDE -> List.of(new Reading("desktop column (48rem at 17 px)", DESKTOP_COLUMN_PX, DESKTOP_BODY_PX),
          new Reading("narrowest desktop column given the wide figure", wideMinColumn(DESKTOP_BODY_PX),
              DESKTOP_BODY_PX),
          new Reading("narrowest one-column page given the wide figure", wideMinColumn(PHONE_BODY_PX),
              PHONE_BODY_PX));
      case NARROW -> List.of(new Reading("390 px phone (16 px body)", 390 - PHONE_CHROME_PX, PHONE_BODY_PX),
          new Reading("narrowest desktop column (800 px window, 17 px body)",
              ONE_COLUMN_BELOW_PX - SCROLLBAR_PX - DESKTOP_CHROME_PX, DESKTOP_BODY_PX));
      case PRINT -> List.of(new Reading("A4 PDF, 174 mm text width (10.5 pt body)", width, 10.5));
    };
  }

  /** The narrowest column at which the wide figure's smallest text is still 80 % of {@code body}. */
  static double wideMinColumn(double body) {
    return WIDE.width * MIN_TEXT_RATIO * body / WIDE.minTextSize();
  }

  /**
   * The media query that selects the wide figure: windows whose column is at least {@link #wideMinColumn} wide,
   * on the two-column desktop layout and on the one-column layout below 800 px. style.css repeats it (a test
   * checks) to let the narrow figure grow no wider than 30rem.
   */
  public static String wideMedia() {
    long desktop = (long) Math.ceil(wideMinColumn(DESKTOP_BODY_PX) + DESKTOP_CHROME_PX + SCROLLBAR_PX);
    long oneColumn = (long) Math.ceil(wideMinColumn(PHONE_BODY_PX) + PHONE_CHROME_PX + SCROLLBAR_PX);
    return String.format(Locale.ROOT, "(min-width: %dpx), (min-width: %dpx) and (max-width: %.2fpx)", desktop,
        oneColumn, ONE_COLUMN_BELOW_PX - 0.02);
  }
}
