package wdpaper.figures;

import java.util.List;
import wdpaper.claims.Series;

/**
 * A figure as data: id (kebab-case, shared with the prose and the files), title, caption, the experiments that
 * produced it, axes, and what to plot. Assembled by {@link FigureAssembler} from a claim's data and the words of
 * the page that places it; drawn by {@link ChartFactory}.
 */
public record FigureSpec(String id, String title, String caption, List<String> experiments, String xLabel,
    String yLabel, boolean xLog, boolean yLog, List<Plot> plots) {

  public FigureSpec {
    experiments = List.copyOf(experiments);
    plots = List.copyOf(plots);
  }

  /** How a series is drawn. */
  public enum Style {
    /** A measured mean: solid line, with the seed range as thin dotted lines. */
    MEASURED,
    /** A prediction from a formula: dashed line. */
    PREDICTED,
    /** A reference or threshold: thin grey dash-dot line. */
    REFERENCE,
    /** Measured points without a line (with the seed range as error bars). */
    POINTS
  }

  /** One plotted series with its legend label, style and colour index into the house palette. */
  public record Plot(String label, Series series, Style style, int color) {}
}
