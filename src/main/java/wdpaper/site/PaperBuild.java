package wdpaper.site;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import wdpaper.analysis.Analysis;
import wdpaper.analysis.Findings;
import wdpaper.experiments.ExperimentSpec;
import wdpaper.experiments.Results;
import wdpaper.figures.FigureCatalog;
import wdpaper.figures.FigureSpec;
import wdpaper.figures.FigureWriter;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Hashing;
import wdpaper.project.Json;
import wdpaper.project.OutputFolder;
import wdpaper.project.ProjectPaths;
import wdpaper.project.UserError;

/**
 * From cached results to the finished {@code output/}: analysis, figures, site, PDF and a SHA-256 manifest, all
 * built in a staging folder beside {@code output/} that replaces it only when everything succeeded. An error or an
 * interruption leaves the previous output as it was.
 */
public final class PaperBuild {
  private PaperBuild() {}

  /** What a build wrote. */
  public record Report(Path output, int pages, int figures, List<String> files) {}

  public static Report build(ProjectPaths paths, Results results, String profile, Consumer<String> log) {
    Map<String, Object> book = readJson(paths, paths.content().resolve("book-reference.json"));
    Map<String, Object> site = readJson(paths, paths.content().resolve("site.json"));
    Findings findings = Analysis.analyse(results, book);
    List<FigureSpec> figures = FigureCatalog.all(findings);
    Map<String, Object> model = new LinkedHashMap<>(findings.model());
    model.put("site", site);
    model.put("build", Map.of("profile", profile, "quick", profile.equals("quick")));
    model.put("appendix", appendix(paths, results));
    SiteBuilder builder = new SiteBuilder(paths.root(), model, figures).render();
    OutputFolder output = OutputFolder.of(paths);
    Path staged = output.stage(log);
    try {
      List<String> files = new ArrayList<>();
      for (FigureSpec f : figures) {
        List<String> keys = new ArrayList<>();
        for (String exp : f.experiments()) {
          results.of(exp).forEach(e -> {
            if (!keys.contains(e.record().key())) {
              keys.add(e.record().key());
            }
          });
        }
        for (String name : FigureWriter.write(f, new FigureWriter.Provenance(keys, results.dataChecksums(),
            wdpaper.experiments.RunSpec.TRAINER_VERSION), staged.resolve("figures"))) {
          files.add("figures/" + name);
        }
      }
      files.addAll(builder.writeSite(staged));
      String paper = builder.paperHtml();
      AtomicFiles.write(staged.resolve("paper.html"), paper);
      files.add("paper.html");
      log.accept("rendering the PDF");
      AtomicFiles.write(staged.resolve("paper.pdf"), PdfRenderer.render(paper, staged, (String) site.get("title")));
      files.add("paper.pdf");
      files.add(OutputFolder.MARKER);
      writeManifest(staged, files);
      files.add("manifest.sha256");
      output.commit(staged);
      return new Report(paths.output(), builder.pages().size(), figures.size(), files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.discard(staged);
    }
  }

  /** {@code manifest.sha256}: "sha256  path" for every file of the output, sorted by path (sha256sum -c format). */
  static void writeManifest(Path dir, List<String> files) throws IOException {
    TreeMap<String, String> sums = new TreeMap<>();
    for (String f : files) {
      sums.put(f, Hashing.sha256(dir.resolve(f)));
    }
    StringBuilder sb = new StringBuilder();
    sums.forEach((f, h) -> sb.append(h).append("  ").append(f).append('\n'));
    AtomicFiles.write(dir.resolve("manifest.sha256"), sb.toString());
  }

  private static Map<String, Object> readJson(ProjectPaths paths, Path file) {
    try {
      return Json.MAPPER.readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw UserError.config(paths.display(file) + ": invalid JSON at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw UserError.config(paths.display(file) + ": cannot read (" + wdpaper.project.IoErrors.reason(e) + ")");
    }
  }

  /** The build's own record for the appendix: hyperparameters, seeds, checksums, environment, times, keys. */
  private static Map<String, Object> appendix(ProjectPaths paths, Results results) {
    Map<String, Object> a = new LinkedHashMap<>();
    List<Object> experiments = new ArrayList<>();
    double total = 0;
    for (ExperimentSpec e : results.experiments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Results.Entry> entries = results.of(e.id());
      var s = entries.get(0).run().spec();
      m.put("id", e.id());
      m.put("title", e.title());
      m.put("file", paths.display(e.file()));
      m.put("runs", entries.size());
      m.put("seeds", entries.stream().map(x -> x.run().spec().seed()).distinct().sorted().toList());
      m.put("sweep", entries.stream().map(x -> x.run().group()).distinct().filter(g -> !g.isEmpty()).toList());
      m.put("sizes", s.sizes().toString());
      m.put("eta", s.eta());
      m.put("m", s.miniBatchSize());
      m.put("epochs", s.epochs());
      m.put("n", s.trainingSetSize());
      m.put("validation", s.validationSetSize());
      m.put("gradients", s.gradients());
      double seconds = entries.stream().mapToDouble(x -> x.record().provenance().wallSeconds()).sum();
      total += seconds;
      m.put("seconds", seconds);
      m.put("keys", entries.stream().map(x -> x.record().key()).distinct().toList());
      experiments.add(m);
    }
    a.put("experiments", experiments);
    a.put("totalSeconds", total);
    var prov = results.byExperiment().values().iterator().next().get(0).record().provenance();
    a.put("java", prov.java());
    a.put("os", prov.os());
    a.put("cpu", prov.cpu());
    a.put("cores", prov.cores());
    a.put("checksums", new TreeMap<>(results.dataChecksums()));
    a.put("trainerVersion", wdpaper.experiments.RunSpec.TRAINER_VERSION);
    return a;
  }
}
