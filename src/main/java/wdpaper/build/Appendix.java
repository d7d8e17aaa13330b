package wdpaper.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wdpaper.claims.ExperimentFigures;
import wdpaper.experiments.ExperimentSpec;
import wdpaper.experiments.Results;
import wdpaper.nn.RunSpec;
import wdpaper.project.ProjectPaths;

/**
 * The build's own record for the appendix: hyperparameters, seeds, checksums, environment, the epochs trained, cache
 * keys. Training times are left out on purpose: they change with the machine's load, and the same runs must give
 * byte-identical pages (the README's Speed section reports measured times).
 */
final class Appendix {
  private Appendix() {}

  static Map<String, Object> of(ProjectPaths paths, Results results) {
    Map<String, Object> a = new LinkedHashMap<>();
    List<Object> experiments = new ArrayList<>();
    long total = 0;
    for (ExperimentSpec e : results.experiments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Results.Entry> entries = results.of(e.id());
      RunSpec s = entries.get(0).run().spec();
      m.put("id", e.id());
      m.put("title", e.title());
      m.put("file", paths.display(e.file()));
      m.put("runs", entries.size());
      m.put("seeds", entries.stream().map(x -> x.run().spec().seed()).distinct().sorted().toList());
      List<Object> sweep = new ArrayList<>();
      for (List<Results.Entry> group : results.groups(e.id()).values()) {
        Map<String, Object> values = ExperimentFigures.sweep(group.get(0).run());
        values.remove("hidden");
        if (!values.isEmpty()) {
          sweep.add(values);
        }
      }
      m.put("sweep", sweep);
      m.put("sizes", s.sizes());
      m.put("eta", s.eta());
      m.put("m", s.miniBatchSize());
      m.put("epochs", s.epochs());
      m.put("n", s.trainingSetSize());
      m.put("validation", s.validationSetSize());
      m.put("gradients", s.gradients());
      // the epochs actually run: a settled run stops before its cap
      long epochs = entries.stream().mapToLong(x -> lastEpoch(x)).sum();
      total += epochs;
      m.put("epochsTrained", epochs);
      m.put("keys", entries.stream().map(x -> x.record().key()).distinct().toList());
      experiments.add(m);
    }
    a.put("experiments", experiments);
    a.put("totalEpochs", total);
    var prov = results.byExperiment().values().iterator().next().get(0).record().provenance();
    a.put("java", prov.java());
    a.put("os", prov.os());
    a.put("cpu", prov.cpu());
    a.put("cores", prov.cores());
    a.put("checksums", new TreeMap<>(results.dataChecksums()));
    a.put("trainerVersion", RunSpec.TRAINER_VERSION);
    return a;
  }

  private static int lastEpoch(Results.Entry e) {
    var epochs = e.record().result().epochs();
    return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
  }
}
