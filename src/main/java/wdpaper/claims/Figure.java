package wdpaper.claims;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure as data, computed by a claim: which experiments it shows, its axes' scales, and its lines. Everything a
 * reader reads on it (title, axis titles, legend labels, caption) is written in the page that places it, with
 * {@code <@p.figure id="...">}; the page labels each line through its {@link Line#kind() kind} and
 * {@link Line#params() parameters}.
 *
 * @param id kebab-case, shared by the page, the permalink and the files figures/&lt;id&gt;.{png,svg,csv}
 * @param experiments the experiments whose runs the lines come from
 */
public record Figure(String id, List<String> experiments, boolean xLog, boolean yLog, List<Line> lines) {

  public Figure {
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("figure id must be kebab-case, was '" + id + "'");
    }
    experiments = List.copyOf(experiments);
    lines = List.copyOf(lines);
  }

  /** How a line is meant: the chart draws each kind in its own style. */
  public enum Look {
    /** A measured mean over seeds, with the seed range. */
    MEASURED,
    /** A prediction from a formula. */
    PREDICTED,
    /** A reference value or threshold. */
    REFERENCE,
    /** Measured points without a line, with the seed range as error bars. */
    POINTS
  }

  /**
   * One line of a figure.
   *
   * @param kind what the line is, e.g. "gradient" or "decay": the page gives one legend label per kind
   *     ({@code <@p.legend series="gradient"; s>gradient step, λ = ${s.lambda}</@p.legend>})
   * @param params the values a label may use, e.g. {@code lambda}, {@code init}, {@code hidden}
   * @param series the data
   * @param look how it is meant
   * @param color index into the house palette
   * @param censored per point, true if the point is only a bound (e.g. a run that never tails off); null if none
   */
  public record Line(String kind, Map<String, Object> params, Series series, Look look, int color,
      boolean[] censored) {
    public Line {
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
      if (censored != null) {
        if (censored.length != series.x().length) {
          throw new IllegalArgumentException("line '" + kind + "': " + censored.length + " censored flags for "
              + series.x().length + " points");
        }
        censored = censored.clone();
      }
    }

    public Line(String kind, Map<String, Object> params, Series series, Look look, int color) {
      this(kind, params, series, look, color, null);
    }

    @Override
    public boolean[] censored() {
      return censored == null ? null : censored.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Line l && kind.equals(l.kind) && params.equals(l.params) && series.equals(l.series)
          && look == l.look && color == l.color && Arrays.equals(censored, l.censored);
    }

    @Override
    public int hashCode() {
      return kind.hashCode() * 31 + params.hashCode();
    }
  }

  /** Label parameters in the order given: {@code params("init", "old", "lambda", 5.0)}. */
  public static Map<String, Object> params(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /** What a page's legend macros see of each line: {@code kind}, {@code index} and the parameters. */
  public List<Map<String, Object>> lineModel() {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", lines.get(i).kind());
      m.put("index", i);
      m.putAll(lines.get(i).params());
      out.add(m);
    }
    return out;
  }
}
