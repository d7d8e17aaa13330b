package wdpaper.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;

class ResultCacheTest {
  @TempDir Path dir;

  private static RunSpec spec(double eta) {
    return RunSpec.builder().sizes(784, 30, 10).init("old").eta(eta).lambda(5).epochs(1).trainingSetSize(100)
        .validationSetSize(50).saturationSample(10).monitorSample(10).build();
  }

  private static RunRecord record(ResultCache cache, RunSpec spec) {
    TrainingResult r = new TrainingResult("ok", 0, List.of(new EpochMetrics(0, 0.1, 2.3, 2.3, 2.4, 0.5, 0.1,
        List.of())), List.of(), List.of(), 0.1);
    return new RunRecord(cache.key(spec), RunSpec.TRAINER_VERSION, spec, cache.dataChecksums(),
        new RunRecord.Provenance("java", "os", "cpu", 2, 1.5), r);
  }

  @Test
  void storesAndReadsBackAndKeysDependOnEverySpecField() {
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), s -> {});
    RunRecord r = record(cache, spec(0.1));
    cache.put(r);
    assertThat(cache.get(spec(0.1))).contains(r);
    assertThat(cache.get(spec(0.2))).isEmpty();
    assertThat(cache.key(spec(0.1))).isNotEqualTo(cache.key(spec(0.2)));
    assertThat(new ResultCache(dir, Map.of("f", "abd"), s -> {}).key(spec(0.1))).isNotEqualTo(cache.key(spec(0.1)));
  }

  @Test
  void corruptOrMismatchedFilesAreReportedAndNotTrusted() throws IOException {
    List<String> log = new ArrayList<>();
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), log::add);
    RunRecord r = record(cache, spec(0.1));
    cache.put(r);
    Path f = cache.file(spec(0.1));
    String good = Files.readString(f);
    Files.writeString(f, good.substring(0, good.length() / 2));
    assertThat(cache.get(spec(0.1))).isEmpty();
    assertThat(log.get(0)).contains("is corrupt").endsWith("recomputing");
    Files.writeString(f, good.replace("\"eta\" : 0.1", "\"eta\" : 0.3"));
    assertThat(cache.get(spec(0.1))).isEmpty();
    assertThat(log.get(1)).contains("does not match its run");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
    }
  }

  @Test
  void quickProfileShrinksTheRuns() {
    ExperimentSpec full = ExperimentLoader.load(Path.of(System.getProperty("project.root", "."))
        .resolve("content/experiments/book-weight-init.json"), Profile.FULL, "book");
    ExperimentSpec quick = ExperimentLoader.load(Path.of(System.getProperty("project.root", "."))
        .resolve("content/experiments/book-weight-init.json"), Profile.QUICK, "book");
    assertThat(full.runs()).hasSize(12);
    assertThat(quick.runs()).hasSize(4);
    assertThat(quick.runs().get(0).spec().trainingSetSize()).isEqualTo(Profile.QUICK_TRAINING);
    assertThat(quick.runs().get(0).spec().epochs()).isEqualTo(Profile.QUICK_EPOCHS);
    assertThat(full.runs().get(0).sweep()).containsKeys("sizes", "init");
  }
}
