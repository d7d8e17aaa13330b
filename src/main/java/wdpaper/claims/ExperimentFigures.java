package wdpaper.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import wdpaper.experiments.ExperimentSpec;
import wdpaper.experiments.Results;
import wdpaper.experiments.RunSpec;
import wdpaper.nn.EpochMetrics;

/**
 * Figures a page can place without any Java: one per-epoch metric of one experiment's runs, a line per sweep group
 * (mean over seeds, with the seed range). The page names the experiment and the metric in
 * {@code <@p.figure id="…" experiment="…" metric="…">} and labels the lines from their sweep values.
 */
public final class ExperimentFigures {
  private ExperimentFigures() {}

  /** What can be plotted per epoch, by the name a page uses. */
  public enum Metric {
    VALIDATION_ACCURACY("validationAccuracy", 1, (m, l) -> 100 * m.validationAccuracy()),
    VALIDATION_COST("validationCost", 1, (m, l) -> m.validationCost()),
    TRAINING_COST("trainingCost", 1, (m, l) -> m.trainingCost()),
    SATURATED_PERCENT("saturatedPercent", 0, (m, l) -> 100 * m.saturatedFraction()),
    MEAN_SIGMA_PRIME("meanSigmaPrime", 0, (m, l) -> m.meanSigmaPrime()),
    WEIGHT_STD("weightStd", 0, (m, l) -> m.layers().get(l).std()),
    WEIGHT_RMS("weightRms", 0, (m, l) -> m.layers().get(l).rms()),
    WEIGHT_NORM("weightNorm", 0, (m, l) -> m.layers().get(l).norm());

    private final String key;
    private final int firstEpoch;
    private final ToDoubleBiFunction<EpochMetrics, Integer> value;

    Metric(String key, int firstEpoch, ToDoubleBiFunction<EpochMetrics, Integer> value) {
      this.key = key;
      this.firstEpoch = firstEpoch;
      this.value = value;
    }

    /** The name a page writes: validationAccuracy, weightStd, ... */
    public String key() {
      return key;
    }

    /** The metric called {@code key}; throws naming the known ones. */
    public static Metric of(String key) {
      List<String> known = new ArrayList<>();
      for (Metric m : values()) {
        if (m.key.equals(key)) {
          return m;
        }
        known.add(m.key);
      }
      throw new IllegalArgumentException("unknown metric '" + key + "', expected one of " + String.join(", ",
          known));
    }
  }

  /**
   * The sweep groups of an experiment as a page's legend sees them: {@code kind} ("run"), {@code index}, the swept
   * values ({@code init}, {@code lambda}, {@code sizes} and, for three layers, {@code hidden}, ...) and
   * {@code seeds}.
   */
  public static List<Map<String, Object>> groups(Results results, String experiment) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (List<Results.Entry> runs : results.groups(experiment).values()) {
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("kind", "run");
      g.put("index", out.size());
      g.putAll(sweep(runs.get(0).run()));
      g.put("seeds", Runs.seeds(runs));
      out.add(g);
    }
    return out;
  }

  /** The swept values of a run with their types: numbers as numbers, sizes as a list. */
  public static Map<String, Object> sweep(ExperimentSpec.Run run) {
    RunSpec s = run.spec();
    Map<String, Object> m = new LinkedHashMap<>();
    for (String key : run.sweep().keySet()) {
      switch (key) {
        case "sizes" -> {
          m.put("sizes", s.sizes());
          if (s.sizes().size() == 3) {
            m.put("hidden", s.sizes().get(1));
          }
        }
        case "init" -> m.put("init", s.init());
        case "eta" -> m.put("eta", s.eta());
        case "lambda" -> m.put("lambda", s.lambda());
        case "miniBatchSize" -> m.put("miniBatchSize", s.miniBatchSize());
        case "epochs" -> m.put("epochs", s.epochs());
        case "trainingSetSize" -> m.put("trainingSetSize", s.trainingSetSize());
        default -> m.put(key, run.sweep().get(key));
      }
    }
    return m;
  }

  /**
   * The figure {@code id}: {@code metric} of every group of {@code experiment} over the epochs; {@code layer} (1 =
   * first weight layer) for the per-layer metrics; {@code log} "", "x", "y" or "xy".
   */
  public static Figure figure(Results results, String id, String experiment, String metric, int layer,
      String log) {
    if (!results.has(experiment)) {
      throw new IllegalArgumentException("experiment '" + experiment + "' does not exist (known: " + String.join(
          ", ", results.byExperiment().keySet()) + ")");
    }
    Metric m = Metric.of(metric);
    if (!log.matches("x?y?")) {
      throw new IllegalArgumentException("log must be \"\", \"x\", \"y\" or \"xy\", was \"" + log + "\"");
    }
    List<Figure.Line> lines = new ArrayList<>();
    for (List<Results.Entry> runs : results.groups(experiment).values()) {
      int layers = runs.get(0).run().spec().sizes().size() - 1;
      if (layer < 1 || layer > layers) {
        throw new IllegalArgumentException("layer must be 1.." + layers + " for experiment '" + experiment
            + "', was " + layer);
      }
      Map<String, Object> params = sweep(runs.get(0).run());
      params.put("seeds", Runs.seeds(runs));
      lines.add(new Figure.Line("run", params, Runs.series(m.key().toLowerCase(Locale.ROOT), runs, m.firstEpoch,
          e -> m.value.applyAsDouble(e, layer - 1)), Figure.Look.MEASURED, lines.size()));
    }
    return new Figure(id, List.of(experiment), log.contains("x"), log.contains("y"), lines);
  }
}
