package wdpaper.figures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of a figure, as the page that places it writes them
 * ({@code <@p.figure id="…" title="…" x="…" y="…">} with {@code <@p.legend>} labels and a caption): what a reader
 * reads on and under the chart. The data come from a claim (or, for a figure of one experiment's runs, from
 * {@code experiment} and {@code metric}).
 *
 * @param where the page and line that place it, for error messages: {@code content/03-claim-1.md:24}
 * @param title the chart's title (light markup: {@code n_w}, {@code ‖w‖^2})
 * @param legends the legend label of each line, by the line's index
 * @param captionHtml the caption as HTML (Markdown and math rendered)
 * @param experiment for a figure of one experiment: its id, else null
 * @param metric for such a figure: what is plotted per epoch, else null
 * @param layer for a per-layer metric: the weight layer, 1 = first
 * @param log for such a figure: which axes are logarithmic, "", "x", "y" or "xy"
 * @param censoredLabel the legend entry of the open markers ({@code <@p.censored>}), or null
 */
public record FigureText(String id, String where, String title, String xLabel, String yLabel,
    Map<Integer, String> legends, String captionHtml, String experiment, String metric, int layer, String log,
    String censoredLabel) {

  public FigureText {
    legends = Collections.unmodifiableMap(new LinkedHashMap<>(legends));
  }

  /** Words without a legend entry for censored points. */
  public FigureText(String id, String where, String title, String xLabel, String yLabel, Map<Integer, String> legends,
      String captionHtml, String experiment, String metric, int layer, String log) {
    this(id, where, title, xLabel, yLabel, legends, captionHtml, experiment, metric, layer, log, null);
  }
}
