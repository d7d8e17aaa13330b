package wdpaper.site;

import java.awt.Color;
import java.awt.Insets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX to inline SVG at build time with JLaTeXMath (glyphs drawn as paths, so no math font is needed anywhere).
 * The same SVG goes into the HTML and the PDF. Its accessible name and title are a readable text equivalent
 * ({@link TexText}: "ηλ ≪ n"), which the PDF also writes as invisible text over the drawing, so formulas survive
 * screen readers, copying and text extraction.
 */
public final class MathRenderer {
  /** The rendering size in px: one em of the formula is this many px of its SVG. */
  private static final int SIZE = 17;
  /**
   * JLaTeXMath 1.0.7 is not thread-safe: it keeps mutable static state (predefined formulas cached into a HashMap by
   * {@code TeXFormula.get}, fonts and alphabets loaded lazily, {@code TeXParser.isLoading}). Parsing, layout and
   * drawing therefore hold this lock, whichever MathRenderer calls them; the rest (the SVG text, its text
   * equivalent) runs on the caller's thread.
   */
  private static final Object JLATEXMATH = new Object();

  private final Map<String, String> memo = new ConcurrentHashMap<>();

  /** How many formulas are drawn and kept (tests). */
  int drawn() {
    return memo.size();
  }

  /** A formula as a page asks for it: its TeX, and whether it is displayed (on lines of its own) or inline. */
  public record Formula(String tex, boolean display) {}

  /**
   * Draws, ahead of the pages, the formulas their Markdown holds as written (a formula with a template's
   * {@code ${...}} or a directive in it is left to the page, which sees its value), so that rendering the pages
   * after the training finds them drawn: the build calls this on a thread of its own while MNIST loads and the
   * networks train. A formula that does not draw is left too (the page reports it); nothing here can fail a build.
   */
  public void drawAhead(List<Page> pages) {
    MarkdownRenderer markdown = new MarkdownRenderer(this);
    for (Page p : pages) {
      String body = TEMPLATE_PARTS.matcher(Page.body(p.source())).replaceAll(TEMPLATE_MARK);
      for (Formula f : markdown.formulas(body)) {
        if (f.tex().contains(TEMPLATE_MARK)) {
          continue;
        }
        try {
          svg(f.tex(), f.display());
        } catch (IllegalArgumentException e) {
          // an invalid formula: the page's render reports it where it is
        }
      }
    }
  }

  /** A template's value ({@code ${...}}) or directive ({@code <#...>}, {@code </#...>}, {@code <@...>}). */
  private static final java.util.regex.Pattern TEMPLATE_PARTS = java.util.regex.Pattern.compile(
      "\\$\\{[^}]*}|</?[#@][^>]*>");
  /** What stands for one in the Markdown drawn ahead (a private-use character: no page writes it). */
  private static final String TEMPLATE_MARK = "\uE000";

  /**
   * Returns the {@code <svg>} of {@code tex}; throws {@link IllegalArgumentException} naming the TeX if invalid.
   * Safe to call from several threads (pages are rendered concurrently): a formula two threads meet at once may be
   * drawn twice, to the same SVG.
   */
  public String svg(String tex, boolean display) {
    String key = (display ? "D:" : "I:") + tex;
    String svg = memo.get(key);
    if (svg == null) {
      svg = render(tex, display);
      String first = memo.putIfAbsent(key, svg);
      svg = first != null ? first : svg;
    }
    return svg;
  }

  private static String render(String tex, boolean display) {
    TeXIcon icon;
    SVGGraphics2D g;
    int w;
    int h;
    int depth;
    synchronized (JLATEXMATH) {
      try {
        icon = new TeXFormula(tex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT,
            SIZE);
      } catch (ParseException e) {
        throw new IllegalArgumentException("invalid TeX '" + tex + "': " + e.getMessage());
      }
      icon.setInsets(new Insets(1, 1, 1, 1));
      icon.setForeground(Color.BLACK);
      w = icon.getIconWidth();
      h = icon.getIconHeight();
      depth = icon.getIconDepth();
      g = new SVGGraphics2D(w, h);
      g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
      icon.paintIcon(null, g, 0, 0);
    }
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
    String text = escape(TexText.of(tex));
    // integer pixel attributes (openhtmltopdf needs integers), CSS size in em so that a formula takes the size of
    // the text around it (a table's smaller type, the PDF's 10.5 pt), in the browser and in the PDF alike
    String style = "width:" + em(w) + ";height:" + em(h) + (display ? "" : ";vertical-align:-" + em(depth));
    svg = svg.replaceAll(" xmlns:jfreesvg=(['\"])[^'\"]*\\1", "").replaceFirst("width='[0-9.]+'", "width='" + w + "'")
        .replaceFirst("height='[0-9.]+'", "height='" + h + "'")
        .replaceFirst("<svg ", Matcher.quoteReplacement("<svg role='img' aria-label='" + text + "' class='tex' style='"
            + style + "' "))
        .replaceFirst("(<svg [^>]*>)", "$1" + Matcher.quoteReplacement("<title>" + text + "</title>"));
    return svg;
  }

  /** Pixels at the rendering size as em, three decimals, no trailing zeros ("1.5em", "0.059em"). */
  static String em(int px) {
    return java.math.BigDecimal.valueOf(px).divide(java.math.BigDecimal.valueOf(SIZE), 3,
        java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "em";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
