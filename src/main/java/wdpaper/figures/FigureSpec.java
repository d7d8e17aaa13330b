package wdpaper.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import wdpaper.claims.Series;

/**
 * A figure as data: id (kebab-case, shared with the prose and the files), title, caption, the experiments that
 * produced it, axes, and what to plot. Assembled by {@link FigureAssembler} from a claim's data and the words of
 * the page that places it; laid out by {@link ChartFactory}, written by {@link FigureWriter}.
 *
 * <h2>Labels</h2>
 * The title, the axis titles ({@code xLabel}, {@code yLabel}), every legend label ({@link Plot#label}) and
 * {@code censoredLabel} are plain strings in Unicode (λ, η, ‖w‖², √, −) with a light markup for scripts:
 *
 * <ul>
 *   <li>{@code _x} puts the one character x in subscript, {@code _{...}} the braced text: {@code n_w},
 *       {@code n_{in}}, {@code ‖w_e‖ / ‖w_{e−1}‖};</li>
 *   <li>{@code ^x} and {@code ^{...}} the same in superscript: {@code ‖w‖^2} (or {@code ‖w‖²}),
 *       {@code 10^{−4}};</li>
 *   <li>{@code \_}, {@code \^}, {@code \{}, {@code \}} and {@code \\} are the literal characters;</li>
 *   <li>a hyphen-minus directly before a digit, at the start or after a space, "(", "=", "/", "," or "×", and
 *       anywhere inside a script, is drawn as a minus sign (U+2212): a number formatted by Java or FreeMarker
 *       ("slope -0.36") reads "slope −0.36"; elsewhere write "−" yourself;</li>
 *   <li>scripts do not nest; a {@code _} or {@code ^} not followed by a character or a closed {@code {...}} is an
 *       error.</li>
 * </ul>
 *
 * Charts draw scripts as smaller raised or lowered text in PNG, SVG, PDF and EPS alike; the site shows the title
 * with {@code <sub>}/{@code <sup>} and alt texts and CSV metadata use a one-line form ({@link RichText#plain}). A
 * malformed label is rejected when the spec is built, with an {@link IllegalArgumentException} naming the figure,
 * the label and the column.
 *
 * <p>{@code caption} is shown under the figure as it is (HTML-escaped), with no markup.
 *
 * @param censoredLabel legend text for the open markers of censored points (points whose value is only a bound,
 *     e.g. runs that never tail off within the epochs); required when a plot marks censored points, else null
 */
public record FigureSpec(String id, String title, String caption, List<String> experiments, String xLabel,
    String yLabel, boolean xLog, boolean yLog, List<Plot> plots, String censoredLabel) {

  public FigureSpec {
    experiments = List.copyOf(experiments);
    plots = List.copyOf(plots);
    List<String> labels = new ArrayList<>(List.of(title, xLabel, yLabel));
    plots.forEach(p -> labels.add(p.label()));
    if (censoredLabel != null) {
      labels.add(censoredLabel);
    }
    for (String label : labels) {
      String error = RichText.check(label);
      if (error != null) {
        throw new IllegalArgumentException("figure '" + id + "': " + error);
      }
    }
    if (censoredLabel == null && plots.stream().anyMatch(Plot::hasCensored)) {
      throw new IllegalArgumentException("figure '" + id + "': a plot marks censored points, so censoredLabel (the"
          + " legend text of the open markers) is required");
    }
  }

  /** A figure without censored points. */
  public FigureSpec(String id, String title, String caption, List<String> experiments, String xLabel, String yLabel,
      boolean xLog, boolean yLog, List<Plot> plots) {
    this(id, title, caption, experiments, xLabel, yLabel, xLog, yLog, plots, null);
  }

  /** True if any plot marks a censored point (drawn as an open marker, with a legend entry of its own). */
  public boolean hasCensored() {
    return plots.stream().anyMatch(Plot::hasCensored);
  }

  /** How a series is drawn. */
  public enum Style {
    /** A measured mean: solid line, with the seed range as thin dotted lines. */
    MEASURED,
    /** A prediction from a formula: dashed line. */
    PREDICTED,
    /** A reference or threshold: thin grey dash-dot line. */
    REFERENCE,
    /** Measured points without a line (with the seed range as error bars); censored ones as open markers. */
    POINTS
  }

  /**
   * One plotted series with its legend label, style and colour index into the house palette.
   *
   * @param censored per point of the series, true if the point is censored (a bound, not a measurement): drawn as
   *     an open marker; null when no point is
   */
  public record Plot(String label, Series series, Style style, int color, boolean[] censored) {
    public Plot {
      if (censored != null) {
        if (censored.length != series.x().length) {
          throw new IllegalArgumentException("plot '" + label + "': " + censored.length + " censored flags for "
              + series.x().length + " points");
        }
        censored = censored.clone();
      }
    }

    public Plot(String label, Series series, Style style, int color) {
      this(label, series, style, color, null);
    }

    /** True if point {@code i} is censored. */
    public boolean censored(int i) {
      return censored != null && censored[i];
    }

    public boolean hasCensored() {
      if (censored == null) {
        return false;
      }
      for (boolean c : censored) {
        if (c) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean[] censored() {
      return censored == null ? null : censored.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Plot p && label.equals(p.label) && series.equals(p.series) && style == p.style
          && color == p.color && Arrays.equals(censored, p.censored);
    }

    @Override
    public int hashCode() {
      return label.hashCode() * 31 + Arrays.hashCode(censored);
    }
  }
}
