package wdpaper.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every experiment with the cached record of each of its runs: what figures and verdicts read. */
public record Results(List<ExperimentSpec> experiments, Map<String, List<Entry>> byExperiment,
    Map<String, String> dataChecksums) {

  /** One run of an experiment with its record. */
  public record Entry(ExperimentSpec.Run run, RunRecord record) {}

  public Results {
    experiments = List.copyOf(experiments);
    Map<String, List<Entry>> copy = new LinkedHashMap<>();
    byExperiment.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byExperiment = copy;
  }

  /** The entries of experiment {@code id}; throws if there is no such experiment. */
  public List<Entry> of(String id) {
    List<Entry> e = byExperiment.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no experiment '" + id + "' (known: " + String.join(", ",
          byExperiment.keySet()) + ")");
    }
    return e;
  }

  public boolean has(String id) {
    return byExperiment.containsKey(id);
  }

  public ExperimentSpec spec(String id) {
    return experiments.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no experiment '" + id + "'"));
  }

  /** The entries of experiment {@code id} grouped by their sweep values (all seeds of a group together). */
  public Map<String, List<Entry>> groups(String id) {
    Map<String, List<Entry>> g = new LinkedHashMap<>();
    for (Entry e : of(id)) {
      g.computeIfAbsent(e.run().group(), k -> new ArrayList<>()).add(e);
    }
    return g;
  }
}
