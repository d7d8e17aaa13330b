package wdpaper.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.LayerMetrics;
import wdpaper.nn.RunSpec;
import wdpaper.nn.TrainingResult;
import wdpaper.data.Mnist;
import wdpaper.project.ExitCodes;
import wdpaper.project.Json;
import wdpaper.project.UserError;

class ResultCacheTest {
  @TempDir Path dir;

  private static RunSpec spec(double eta) {
    return RunSpec.builder().sizes(784, 30, 10).init("old").eta(eta).lambda(5).epochs(2).trainingSetSize(100)
        .validationSetSize(50).histogramEpochs(2).saturationSample(10).monitorSample(10).build();
  }

  private static EpochMetrics epoch(int e) {
    LayerMetrics l = new LayerMetrics(0.1, 0, 0.1, 1, 0, 0, 0, 0, 0, 0, 0);
    return new EpochMetrics(e, 0.1 + e / 10.0, 2.3, 2.3, 2.4, 0.5, 0.1, List.of(l, l));
  }

  private static TrainingResult result(String status, int divergedAt, int epochs) {
    List<EpochMetrics> list = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      list.add(epoch(e));
    }
    List<TrainingResult.Histogram> h = epochs > 2 ? List.of(new TrainingResult.Histogram(2, 0, -6, 1, new long[3]),
        new TrainingResult.Histogram(2, 1, -6, 1, new long[3])) : List.of();
    return new TrainingResult(status, divergedAt, list, List.of(), h, status.equals("ok") ? 0.3 : Double.NaN);
  }

  private static RunRecord record(ResultCache cache, RunSpec spec, TrainingResult r) {
    return RunRecord.of(cache.key(spec), spec, cache.dataChecksums(), new RunRecord.Provenance("java", "os", "cpu", 2,
        1.5), r);
  }

  @Test
  void storesAndReadsBackAndKeysDependOnEverySpecField() {
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), s -> {});
    RunRecord r = record(cache, spec(0.1), result("ok", 0, 3));
    cache.put(r);
    RunRecord back = cache.get(spec(0.1)).orElseThrow();
    assertThat(back.resultSha256()).isEqualTo(r.resultSha256()).isEqualTo(RunRecord.payloadSha256(back.result()));
    assertThat(back.spec()).isEqualTo(r.spec());
    assertThat(cache.get(spec(0.2))).isEmpty();
    assertThat(cache.key(spec(0.1))).isNotEqualTo(cache.key(spec(0.2)));
    assertThat(new ResultCache(dir, Map.of("f", "abd"), s -> {}).key(spec(0.1))).isNotEqualTo(cache.key(spec(0.1)));
  }

  @Test
  void corruptOrMismatchedFilesAreReportedAndNotTrusted() throws IOException {
    List<String> log = new ArrayList<>();
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), log::add);
    cache.put(record(cache, spec(0.1), result("ok", 0, 3)));
    Path f = cache.file(spec(0.1));
    String good = Files.readString(f);
    Files.writeString(f, good.substring(0, good.length() / 2));
    assertThat(cache.get(spec(0.1))).isEmpty();
    assertThat(log.get(0)).startsWith("cache: " + f + " is corrupt (").endsWith("; retraining it");
    Files.writeString(f, good.replace("\"eta\" : 0.1", "\"eta\" : 0.3"));
    assertThat(cache.get(spec(0.1))).isEmpty();
    assertThat(log.get(1)).isEqualTo("cache: " + f + " does not match its run (key or spec differ); retraining it");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
    }
  }

  @Test
  void aNumberEditedByHandIsNoticed() throws IOException {
    List<String> log = new ArrayList<>();
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), log::add);
    cache.put(record(cache, spec(0.1), result("ok", 0, 3)));
    Path f = cache.file(spec(0.1));
    String good = Files.readString(f);
    assertThat(good).contains("\"testAccuracy\" : 0.3");
    Files.writeString(f, good.replace("\"testAccuracy\" : 0.3", "\"testAccuracy\" : 0.99"));
    assertThat(cache.get(spec(0.1))).isEmpty();
    assertThat(log).containsExactly("cache: " + f + " has been changed since it was written (the SHA-256 of its"
        + " result does not match); retraining it");
    ResultCache strict = new ResultCache(dir, Map.of("f", "abc"), log::add, true);
    assertThatThrownBy(() -> strict.get(spec(0.1))).isInstanceOfSatisfying(UserError.class,
        e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG)).hasMessage("cache file " + f + " has been changed"
        + " since it was written (the SHA-256 of its result does not match); run 'build' to retrain it");
    Files.writeString(f, good.replaceFirst("\"resultSha256\" : \"[0-9a-f]+\",\n", ""));
    assertThatThrownBy(() -> strict.get(spec(0.1))).hasMessageContaining("carries no SHA-256 of its result");
  }

  /** A record whose checksum was recomputed after the edit is still checked against its spec's shape. */
  @Test
  void recordsMustHaveTheShapeTheirSpecImplies() {
    ResultCache cache = new ResultCache(dir, Map.of("f", "abc"), s -> {});
    RunSpec s = spec(0.1);
    assertThat(ResultCache.shape(s, result("ok", 0, 3))).isNull();
    assertThat(ResultCache.shape(s, result("ok", 0, 2))).isEqualTo("holds 1 epochs after initialization, its spec"
        + " asks for 2 (status ok: a shorter run must record why it ended)");
    assertThat(ResultCache.shape(s, result("diverged", 2, 2))).isNull();
    TrainingResult early = result("settled", 0, 2);
    TrainingResult settled = new TrainingResult(early.status(), 0, early.epochs(), early.snapshots(),
        early.histograms(), 0.3, List.of(), 1, false);
    RunSpec settling = s.toBuilder().settle(new RunSpec.Settle(0.05, 1)).build();
    assertThat(ResultCache.shape(settling, settled)).as("ended early, saying why").isNull();
    assertThat(ResultCache.shape(s, settled)).isEqualTo("says it settled but its spec has no settle rule");
    assertThat(ResultCache.shape(settling, early)).isEqualTo("says it settled in epoch 0 but holds 1 epochs after"
        + " initialization");
    assertThat(ResultCache.shape(s, result("diverged", 1, 2))).isEqualTo("says it diverged in epoch 1 but holds 2"
        + " epochs");
    assertThat(ResultCache.shape(s, result("ok", 0, 4))).startsWith("holds 3 epochs after initialization");
    TrainingResult fewLayers = new TrainingResult("ok", 0, List.of(epoch(0), epoch(1),
        new EpochMetrics(2, 0.5, 2, 2, 2, 0, 0, List.of())), List.of(), result("ok", 0, 3).histograms(), 0.3);
    assertThat(ResultCache.shape(s, fewLayers)).isEqualTo("has 0 layer measurements in epoch 2, its sizes [784, 30,"
        + " 10] have 2 layers");
    TrainingResult noHistograms = new TrainingResult("ok", 0, result("ok", 0, 3).epochs(), List.of(), List.of(), 0.3);
    assertThat(ResultCache.shape(s, noHistograms)).isEqualTo("holds 0 histograms, its spec asks for 2 (epochs [2] x 2"
        + " layers)");
    RunSpec wider = new RunSpec(List.of(784, 30, 30, 10), "old", 0.1, 5, 10, 2, 100, 50, 1, true, false, 0,
        List.of(2), 10, 10);
    assertThat(ResultCache.shape(wider, result("ok", 0, 3))).startsWith("has 2 layer measurements in epoch 0");
    assertThat(cache.get(s)).isEmpty();
  }

  /**
   * A record of main's full build (trainer-5, {@code /work/cache-trainer5/runs}), written before the spec had a
   * {@code testSetSize}: its spec reads back as all test images, its key (the file name) is still the key of that
   * run, and the cache uses it; measuring fewer test images is another run.
   */
  @Test
  void aRecordWrittenBeforeTestSetSizeExistedKeepsItsKeyAndIsUsed() throws IOException {
    String json;
    try (var in = ResultCacheTest.class.getResourceAsStream("trainer-5-record-before-testSetSize.json")) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(json).doesNotContain("testSetSize");
    RunRecord old = Json.MAPPER.readValue(json, RunRecord.class);
    RunSpec spec = RunSpec.builder().init("old").lambda(25_000).epochs(2).seed(3).gradients(false).build();
    assertThat(old.spec()).isEqualTo(spec);
    assertThat(old.spec().testSetSize()).isEqualTo(Mnist.TEST);
    ResultCache cache = new ResultCache(dir, old.dataChecksums(), s -> {}, true);
    assertThat(cache.key(spec)).isEqualTo(old.key()).isEqualTo("7684863e378eac74");
    Files.writeString(dir.resolve("7684863e378eac74.json"), json);
    assertThat(cache.get(spec).orElseThrow().resultSha256()).isEqualTo(old.resultSha256());
    assertThat(Json.write(cache.get(spec).orElseThrow())).isEqualTo(json);
    RunSpec fewer = spec.toBuilder().testSetSize(1_000).build();
    assertThat(cache.key(fewer)).isNotEqualTo(old.key());
    assertThat(cache.get(fewer)).isEmpty();
  }
}
