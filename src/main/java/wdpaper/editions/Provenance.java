package wdpaper.editions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import wdpaper.experiments.Results;
import wdpaper.figures.FigureSpec;
import wdpaper.project.Hashing;
import wdpaper.project.IoErrors;
import wdpaper.project.Json;

/**
 * Where each figure comes from, shown under it (templates/partials/provenance.ftlh) and recorded in model.json
 * ({@code provenance.<figure id>}): the experiment spec files and the code that computes the figure's data, each
 * linked at the build's commit in the repository; the run cache keys; the SHA-256 of the figure's CSV and of the
 * MNIST files it was trained on. {@link Diff} compares figures by the CSV hash.
 */
public final class Provenance {
  /** The code behind a figure placed with {@code experiment=}: it plots the runs of one experiment directly. */
  public static final String EXPERIMENT_FIGURE_CODE = "src/main/java/wdpaper/claims/ExperimentFigures.java";

  private Provenance() {}

  /** The source file of a class as it is laid out in this repository ({@code src/main/java/…/X.java}). */
  public static String sourceFile(Class<?> c) {
    Class<?> top = c;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return "src/main/java/" + top.getName().replace('.', '/') + ".java";
  }

  /**
   * The provenance of every figure, by id.
   *
   * @param code the source file of the claim that computes each claim figure (others: {@link #EXPERIMENT_FIGURE_CODE})
   * @param out the folder the figures' CSV files were written to ({@code figures/<id>.csv} under it)
   * @param runKeys the run cache keys behind a figure
   * @param specFile the spec file of an experiment, as the project names it ({@code content/experiments/x.json})
   */
  public static Map<String, Object> of(List<FigureSpec> figures, Map<String, String> code, Edition edition, Path out,
      Results results, Function<FigureSpec, List<String>> runKeys, Function<String, String> specFile) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (FigureSpec f : figures) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      List<Object> specs = new ArrayList<>();
      for (String e : f.experiments()) {
        String file = specFile.apply(e);
        specs.add(link(file, edition, e));
      }
      m.put("experiments", specs);
      String source = code.getOrDefault(f.id(), EXPERIMENT_FIGURE_CODE);
      m.put("code", link(source, edition, source.substring(source.lastIndexOf('/') + 1)));
      m.put("runKeys", runKeys.apply(f));
      String csv = "figures/" + f.id() + ".csv";
      try {
        m.put("csv", csv);
        m.put("csvSha256", Hashing.sha256(out.resolve(csv)));
      } catch (IOException e) {
        throw IoErrors.error("cannot read the figure data", out.resolve(csv), e);
      }
      m.put("dataChecksums", new java.util.TreeMap<>(results.dataChecksums()));
      m.put("trainerVersion", wdpaper.nn.RunSpec.TRAINER_VERSION);
      all.put(f.id(), m);
    }
    return all;
  }

  /** A spec file's content as parsed JSON (what {@link Diff} compares key by key). */
  public static Object spec(String name, String text) {
    try {
      return Json.MAPPER.readValue(text, LinkedHashMap.class);
    } catch (IOException e) {
      throw new IllegalStateException(name + ": was read as a spec but is no longer valid JSON", e);
    }
  }

  private static Map<String, Object> link(String path, Edition edition, String label) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("label", label);
    m.put("path", path);
    m.put("url", edition.blob(path));
    return m;
  }
}
