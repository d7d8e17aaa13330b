package wdpaper.figures;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules every drawn figure keeps, checked on its layout: each axis has at least three labelled ticks; no tick
 * label is in "E" notation; the smallest text, scaled to each width the variant is read at, is at least 80 % of the
 * body text there; every text lies inside the drawing and no two texts overlap. {@link FigureWriter} refuses to write
 * a figure that breaks one, so no build publishes it.
 */
public final class FigureCheck {
  private static final Pattern E_NOTATION = Pattern.compile("\\d[eE][-+−]?\\d");

  private FigureCheck() {}

  /** What is wrong with the chart, one line each; empty if nothing. */
  public static List<String> problems(Chart chart) {
    List<String> out = new ArrayList<>();
    String where = "figure '" + chart.spec().id() + "' (" + chart.variant().suffix + ")";
    for (String axis : new String[] {"x", "y"}) {
      Ticks.Axis a = axis.equals("x") ? chart.xAxis() : chart.yAxis();
      List<Ticks.Tick> labelled = a.labelled();
      if (labelled.size() < 3) {
        out.add(where + ": the " + axis + " axis has " + labelled.size() + " labelled ticks "
            + labelled.stream().map(Ticks.Tick::label).toList() + ", expected at least 3");
      }
      for (Ticks.Tick t : labelled) {
        if (E_NOTATION.matcher(t.label()).find() || t.label().contains("E")) {
          out.add(where + ": " + axis + " tick label '" + t.label() + "' is in E notation");
        }
      }
    }
    double minText = chart.minTextSize();
    for (Variant.Reading r : chart.variant().readings()) {
      double shown = r.shownSize(minText, chart.width());
      double needed = Variant.MIN_TEXT_RATIO * r.bodySize();
      if (shown < needed - 1e-9) {
        out.add(String.format(Locale.ROOT, "%s: smallest text %.1f at %s, below %.0f %% of its %.1f body text"
            + " (%.1f)", where, shown, r.where(), 100 * Variant.MIN_TEXT_RATIO, r.bodySize(), needed));
      }
    }
    List<Chart.Text> texts = chart.texts();
    Rectangle2D drawing = new Rectangle2D.Double(-0.5, -0.5, chart.width() + 1, chart.height() + 1);
    for (int i = 0; i < texts.size(); i++) {
      Chart.Text t = texts.get(i);
      if (!drawing.contains(t.bounds())) {
        out.add(where + ": " + t.role() + " text '" + t.text() + "' reaches outside the drawing");
      }
      for (int j = i + 1; j < texts.size(); j++) {
        Chart.Text u = texts.get(j);
        Rectangle2D overlap = t.bounds().createIntersection(u.bounds());
        if (overlap.getWidth() > 0.5 && overlap.getHeight() > 0.5) {
          out.add(where + ": " + t.role() + " text '" + t.text() + "' overlaps " + u.role() + " text '" + u.text()
              + "'");
        }
      }
    }
    return out;
  }

  /** Throws {@link IllegalStateException} listing the problems, if any. */
  public static void require(Chart chart) {
    List<String> p = problems(chart);
    if (!p.isEmpty()) {
      throw new IllegalStateException(String.join("; ", p));
    }
  }
}
