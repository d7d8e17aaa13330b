package wdpaper.site;

import java.awt.Color;
import java.awt.Insets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX to inline SVG at build time with JLaTeXMath (glyphs drawn as paths, so no math font is needed anywhere).
 * The same SVG goes into the HTML and the PDF; the TeX source is kept as the accessible name and title.
 */
public final class MathRenderer {
  private static final float SIZE = 17f;
  private final Map<String, String> memo = new ConcurrentHashMap<>();

  /** Returns the {@code <svg>} of {@code tex}; throws {@link IllegalArgumentException} naming the TeX if invalid. */
  public String svg(String tex, boolean display) {
    return memo.computeIfAbsent((display ? "D:" : "I:") + tex, k -> render(tex, display));
  }

  private static String render(String tex, boolean display) {
    TeXIcon icon;
    try {
      icon = new TeXFormula(tex).createTeXIcon(display ? TeXConstants.STYLE_DISPLAY : TeXConstants.STYLE_TEXT, SIZE);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid TeX '" + tex + "': " + e.getMessage());
    }
    icon.setInsets(new Insets(1, 1, 1, 1));
    icon.setForeground(Color.BLACK);
    int w = icon.getIconWidth();
    int h = icon.getIconHeight();
    SVGGraphics2D g = new SVGGraphics2D(w, h);
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    icon.paintIcon(null, g, 0, 0);
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null);
    String escaped = escape(tex);
    int depth = icon.getIconDepth();
    svg = svg.replaceAll(" xmlns:jfreesvg=(['\"])[^'\"]*\\1", "").replaceFirst("width='[0-9.]+'", "width='" + w + "'")
        .replaceFirst("height='[0-9.]+'", "height='" + h + "'")
        .replaceFirst("<svg ", "<svg role='img' aria-label='" + escaped + "' class='tex'"
            + (display ? "" : " style='vertical-align:-" + depth + "px'") + " ")
        .replaceFirst("(<svg [^>]*>)", "$1<title>" + escaped + "</title>");
    return svg;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
