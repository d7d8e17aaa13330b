package wdpaper.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import wdpaper.nn.RunSpec;

/**
 * An experiment declared in {@code content/experiments/<id>.json}, expanded for one {@link Profile} into its runs.
 *
 * @param id kebab-case id, equal to the file name without {@code .json}
 * @param title one line for captions and the appendix
 * @param description what the experiment is for
 * @param file where it was declared
 * @param allowDivergence true if a diverging run is an expected outcome, not a build failure
 * @param runs the runs of the sweep, seeds innermost
 */
public record ExperimentSpec(String id, String title, String description, Path file, boolean allowDivergence,
    List<Run> runs) {

  public ExperimentSpec {
    runs = List.copyOf(runs);
  }

  /**
   * One run of the sweep: its spec and the swept values that distinguish it (e.g. {@code lambda -> "5"}), in
   * declaration order, without the seed.
   */
  public record Run(RunSpec spec, Map<String, String> sweep) {
    /** The sweep values as one label, e.g. "init=old, lambda=5"; empty when nothing is swept. */
    public String group() {
      StringBuilder sb = new StringBuilder();
      sweep.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
      return sb.toString();
    }
  }
}
