package wdpaper.figures;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a label, laid out: pieces of text with their font and offset from the start of the line and its
 * baseline (scripts smaller, raised or lowered), and the line's width, ascent and descent. Drawn either as real
 * text (PDF: the font is embedded and the text stays searchable) or as glyph outlines (PNG, SVG, EPS: no font
 * needed to view them); both use the same unhinted advances, so every output has the same layout.
 */
final class TextBlock {
  /** A piece of text drawn {@code dx} after the start of the line, {@code dy} below its baseline. */
  record Piece(String text, Font font, double dx, double dy) {}

  final String label;
  final float size;
  final List<Piece> pieces;
  final double width;
  final double ascent;
  final double descent;

  private static final double SUPER_RAISE = 0.36;
  private static final double SUB_DROP = 0.2;

  private TextBlock(String label, float size, List<Piece> pieces, double width, double ascent, double descent) {
    this.label = label;
    this.size = size;
    this.pieces = List.copyOf(pieces);
    this.width = width;
    this.ascent = ascent;
    this.descent = descent;
  }

  /** A label in the figure markup ({@link RichText}) at {@code size}. */
  static TextBlock of(String label, float size) {
    return layout(label, RichText.parse(label), size);
  }

  /**
   * A tick label: its superscript characters (the exponent of 10⁻⁴) drawn as a raised script at the house script
   * size, which reads better than the fonts' own tiny superscript glyphs.
   */
  static TextBlock tick(String label, float size) {
    List<RichText.Run> runs = new ArrayList<>();
    StringBuilder base = new StringBuilder();
    StringBuilder sup = new StringBuilder();
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      int digit = "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
      if (digit >= 0 || c == '⁻') {
        if (base.length() > 0) {
          runs.add(new RichText.Run(base.toString(), RichText.Shift.NONE));
          base.setLength(0);
        }
        sup.append(digit >= 0 ? (char) ('0' + digit) : '−');
      } else {
        if (sup.length() > 0) {
          runs.add(new RichText.Run(sup.toString(), RichText.Shift.SUPER));
          sup.setLength(0);
        }
        base.append(c);
      }
    }
    if (base.length() > 0) {
      runs.add(new RichText.Run(base.toString(), RichText.Shift.NONE));
    }
    if (sup.length() > 0) {
      runs.add(new RichText.Run(sup.toString(), RichText.Shift.SUPER));
    }
    return layout(label, runs, size);
  }

  private static TextBlock layout(String label, List<RichText.Run> runs, float size) {
    Font base = HouseTheme.font(size);
    Font script = HouseTheme.font(size * HouseTheme.SCRIPT_SCALE);
    double x = 0;
    double ascent = ascent(base);
    double descent = descent(base);
    List<Piece> pieces = new ArrayList<>();
    for (RichText.Run r : runs) {
      Font f = r.shift() == RichText.Shift.NONE ? base : script;
      double dy = switch (r.shift()) {
        case NONE -> 0;
        case SUPER -> -SUPER_RAISE * size;
        case SUB -> SUB_DROP * size;
      };
      pieces.add(new Piece(r.text(), f, x, dy));
      x += f.getStringBounds(r.text(), HouseTheme.FRC).getWidth();
      ascent = Math.max(ascent, ascent(f) - dy);
      descent = Math.max(descent, descent(f) + dy);
    }
    return new TextBlock(label, size, pieces, x, ascent, descent);
  }

  /** Visual ascent: the height of capitals and digits (DejaVu Sans: 0.73 em). */
  private static double ascent(Font f) {
    return 0.73 * f.getSize2D();
  }

  /** Visual descent of letters such as g and p (0.23 em). */
  private static double descent(Font f) {
    return 0.23 * f.getSize2D();
  }

  double height() {
    return ascent + descent;
  }

  /**
   * Splits a label at its spaces (never inside a braced script) into lines no wider than {@code maxWidth} where
   * possible (a single word wider than that stays whole).
   */
  static List<TextBlock> wrap(String label, float size, double maxWidth) {
    // a width computed as (sample + gap + text) - sample - gap may come out a rounding error below the text's own:
    // that text still fits (a legend entry "λ = 5" was broken after its "=" in its own column)
    maxWidth += 1e-9 * Math.max(1, Math.abs(maxWidth));
    TextBlock whole = of(label, size);
    if (whole.width <= maxWidth) {
      return List.of(whole);
    }
    List<String> words = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == ' ' && depth == 0) {
        words.add(label.substring(start, i));
        start = i + 1;
      }
    }
    words.add(label.substring(start));
    List<TextBlock> lines = new ArrayList<>();
    String line = null;
    for (String w : words) {
      String candidate = line == null ? w : line + " " + w;
      if (line != null && of(candidate, size).width > maxWidth) {
        lines.add(of(line, size));
        line = w;
      } else {
        line = candidate;
      }
    }
    lines.add(of(line, size));
    return lines;
  }

  /** Draws the line with its baseline starting at (x, baseline). */
  void draw(Graphics2D g, double x, double baseline, boolean realText) {
    g.setColor(HouseTheme.TEXT);
    for (Piece p : pieces) {
      if (realText) {
        g.setFont(p.font());
        g.drawString(p.text(), (float) (x + p.dx()), (float) (baseline + p.dy()));
      } else {
        GlyphVector gv = p.font().createGlyphVector(HouseTheme.FRC, p.text());
        g.fill(gv.getOutline((float) (x + p.dx()), (float) (baseline + p.dy())));
      }
    }
  }
}
