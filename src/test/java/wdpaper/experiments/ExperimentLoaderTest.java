package wdpaper.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/** The same bounds in every profile: each bad value is one line naming the file, the key and the value. */
class ExperimentLoaderTest {
  static final String BASE = "{\"id\": \"x\", \"title\": \"T\", \"sizes\": [784, 30, 10], \"init\": \"old\","
      + " \"eta\": 0.1, \"lambda\": 5, \"histogramEpochs\": [0, 2]%s}";

  @TempDir Path dir;

  private Path spec(String json) throws IOException {
    return Files.writeString(dir.resolve("x.json"), json);
  }

  /**
   * The message for a spec with {@code extra} added (epochs 2 and seeds 3 unless {@code extra} sets them), which
   * must be the same in the full and the quick profile.
   */
  private String error(String extra) throws IOException {
    String defaults = (extra.contains("\"epochs\"") ? "" : ", \"epochs\": 2") + (extra.contains("\"seeds\"") ? ""
        : ", \"seeds\": 3");
    Path f = spec(String.format(BASE, defaults + extra));
    String full = message(f, Profile.FULL);
    assertThat(message(f, Profile.QUICK)).as("quick profile").isEqualTo(full);
    return full;
  }

  private static String message(Path f, Profile p) {
    try {
      ExperimentLoader.load(f, p, "x.json");
    } catch (UserError e) {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG);
      return e.getMessage();
    }
    throw new AssertionError("accepted in the " + p + " profile");
  }

  @Test
  void seedsArePositiveDistinctIntegersInEveryProfile() throws IOException {
    String count = "x.json: 'seeds' must be a count 1..1000 or a list of distinct positive integer seeds, was ";
    assertThat(error(", \"seeds\": 0")).isEqualTo(count + "0");
    assertThat(error(", \"seeds\": -3")).isEqualTo(count + "-3");
    assertThat(error(", \"seeds\": 1e9")).isEqualTo(count + "1.0E9");
    assertThat(error(", \"seeds\": 1000000000")).isEqualTo(count + "1000000000");
    assertThat(error(", \"seeds\": \"three\"")).isEqualTo(count + "\"three\"");
    assertThat(error(", \"seeds\": [1, 1]")).isEqualTo("x.json: 'seeds' lists 1 twice, expected distinct seeds");
    assertThat(error(", \"seeds\": [4, 0]")).isEqualTo("x.json: 'seeds' entries must be positive integers, was 0 in"
        + " [4,0]");
    assertThat(error(", \"seeds\": [2.5]")).isEqualTo("x.json: 'seeds' entries must be positive integers, was 2.5 in"
        + " [2.5]");
  }

  @Test
  void countsAreWholeNumbersWithinTheDataInEveryProfile() throws IOException {
    assertThat(error(", \"epochs\": 1e9")).isEqualTo("x.json: 'epochs' must be a whole number 1..10000, was 1.0E9");
    assertThat(error(", \"epochs\": 2.5")).isEqualTo("x.json: 'epochs' must be a whole number 1..10000, was 2.5");
    assertThat(error(", \"epochs\": 20000")).isEqualTo("x.json: 'epochs' must be in 1..10000, was 20000");
    assertThat(error(", \"trainingSetSize\": 4000.7"))
        .isEqualTo("x.json: 'trainingSetSize' must be a whole number 1..50000, was 4000.7");
    assertThat(error(", \"trainingSetSize\": 60000"))
        .isEqualTo("x.json: 'trainingSetSize' must be in 1..50000, was 60000");
    assertThat(error(", \"validationSetSize\": 0")).isEqualTo("x.json: 'validationSetSize' must be in 1..10000,"
        + " was 0");
    assertThat(error(", \"validationSetSize\": 10.5")).isEqualTo("x.json: 'validationSetSize' must be a whole number"
        + " 1..10000, was 10.5");
    assertThat(error(", \"miniBatchSize\": 0")).isEqualTo("x.json: 'miniBatchSize' must be in 1..50000, was 0");
    assertThat(error(", \"testSetSize\": 0")).isEqualTo("x.json: 'testSetSize' must be in 1..10000, was 0");
    assertThat(error(", \"testSetSize\": 10001")).isEqualTo("x.json: 'testSetSize' must be in 1..10000, was 10001");
    assertThat(error(", \"testSetSize\": 500.5")).isEqualTo("x.json: 'testSetSize' must be a whole number 1..10000,"
        + " was 500.5");
    assertThat(error(", \"testSetSize\": \"all\"")).isEqualTo("x.json: 'testSetSize' must be a whole number"
        + " 1..10000, was \"all\"");
  }

  @Test
  void histogramEpochsAreDistinctEpochsOfTheRun() throws IOException {
    String bad = String.format(BASE, ", \"epochs\": 2").replace("[0, 2]", "%s");
    for (String[] c : new String[][] {
        {"[0, 99]", "x.json: 'histogramEpochs' entries must be whole epochs 0..2, was 99"},
        {"[1.5]", "x.json: 'histogramEpochs' entries must be whole epochs 0..2, was 1.5"},
        {"[-1]", "x.json: 'histogramEpochs' entries must be whole epochs 0..2, was -1"},
        {"[1, 1]", "x.json: 'histogramEpochs' lists epoch 1 twice"},
        {"3", "x.json: 'histogramEpochs' must be a list of epochs, was 3"}}) {
      Path f = spec(String.format(bad, c[0]));
      assertThat(message(f, Profile.FULL)).isEqualTo(c[1]);
      assertThat(message(f, Profile.QUICK)).isEqualTo(c[1]);
    }
  }

  @Test
  void numbersMustBeFinite() throws IOException {
    Path f = spec(String.format(BASE, ", \"epochs\": 2").replace("0.1", "1e400"));
    assertThat(message(f, Profile.FULL)).isEqualTo("x.json: 'eta' must be a finite number, was Infinity (too large"
        + " for a double)");
    assertThat(message(f, Profile.QUICK)).isEqualTo(message(f, Profile.FULL));
    f = spec(String.format(BASE, ", \"epochs\": 2").replace("\"lambda\": 5", "\"lambda\": -1e400"));
    assertThat(message(f, Profile.FULL)).isEqualTo("x.json: 'lambda' must be a finite number, was -Infinity (too"
        + " large for a double)");
  }

  @Test
  void sizesThatCannotFitTheHeapNameTheMemoryTheyNeed() throws IOException {
    Path f = spec(String.format(BASE, ", \"epochs\": 2").replace("[784, 30, 10]", "[784, 3000000, 10]"));
    for (Profile p : Profile.values()) {
      assertThat(message(f, p)).matches("x.json: 'sizes' \\[784,3000000,10\\] with m = 10 needs about \\d+ GB for"
          + " the weights and work arrays; this JVM has [0-9.]+ [GM]B \\(-Xmx\\)");
    }
    f = spec(String.format(BASE, ", \"epochs\": 3").replace("[784, 30, 10]", "[784, 2000000000, 10]"));
    assertThat(message(f, Profile.QUICK)).matches("x.json: 'sizes' \\[784,2000000000,10\\] with m = 10 needs about"
        + " \\d+ GB .*");
  }

  @Test
  void strictJsonDuplicateKeysAndTrailingText() throws IOException {
    Path f = spec(String.format(BASE, ", \"eta\": 0.2"));
    assertThat(message(f, Profile.QUICK)).startsWith("x.json: invalid JSON at line 1, column ")
        .contains("Duplicate field 'eta'");
    f = spec(String.format(BASE, ", \"epochs\": 2") + "\n{\"id\": \"y\"}\n");
    assertThat(message(f, Profile.FULL)).startsWith("x.json: invalid JSON at line 2, column ")
        .contains("Trailing token");
    f = spec(String.format(BASE, ", \"epochs\": 2") + " garbage");
    assertThat(message(f, Profile.FULL)).startsWith("x.json: invalid JSON at line 1, column ")
        .contains("garbage");
  }

  @Test
  void quickOverridesAreValidatedAndNamedAsWritten() throws IOException {
    Path f = spec(String.format(BASE, ", \"quick\": {\"epochs\": 2.5}"));
    assertThat(ExperimentLoader.load(f, Profile.FULL, "x.json").runs()).hasSize(3);
    assertThat(message(f, Profile.QUICK)).isEqualTo("x.json: 'quick.epochs' must be a whole number 1..10000, was 2.5");
    f = spec(String.format(BASE, ", \"quick\": {\"seeds\": [1, 1]}"));
    assertThat(message(f, Profile.QUICK)).isEqualTo("x.json: 'quick.seeds' lists 1 twice, expected distinct seeds");
    f = spec(String.format(BASE, ", \"quick\": {\"trainingSetSize\": 60000}"));
    assertThat(message(f, Profile.QUICK)).isEqualTo("x.json: 'quick.trainingSetSize' must be in 1..50000, was 60000");
  }

  @Test
  void windowsLineEndsAreAccepted() throws IOException {
    Path f = spec(String.format(BASE, ", \"epochs\": 2").replace(", ", ",\r\n  "));
    ExperimentSpec s = ExperimentLoader.load(f, Profile.QUICK, "x.json");
    assertThat(s.runs()).hasSize(1);
    assertThat(s.runs().get(0).spec().histogramEpochs()).isEqualTo(List.of(0, 2));
  }

  @Test
  void everyProjectSpecLoadsInBothProfiles() throws IOException {
    Path experiments = Path.of(System.getProperty("project.root", ".")).resolve("content/experiments");
    for (Profile p : Profile.values()) {
      assertThat(ExperimentLoader.loadAll(experiments, p, Path::toString)).isNotEmpty();
    }
    assertThatThrownBy(() -> ExperimentLoader.load(spec(String.format(BASE, ", \"init\": \"newest\"")
        .replace("\"init\": \"old\",", "")), Profile.QUICK, "x.json"))
        .hasMessage("x.json: 'init' must be \"old\" or \"new\", was \"newest\"");
  }

  @Test
  void inputSaturationThresholdsAndSettleAreValidatedInEveryProfile() throws IOException {
    assertThat(error(", \"input\": \"mnist-7x7\"")).isEqualTo("x.json: 'input' must be one of \"mnist\","
        + " \"mnist-14x14\", was \"mnist-7x7\"");
    assertThat(error(", \"input\": 14")).isEqualTo("x.json: 'input' must be one of \"mnist\", \"mnist-14x14\","
        + " was 14");
    assertThat(error(", \"input\": \"mnist-14x14\"")).isEqualTo("x.json: 'sizes' must start with 196 inputs and end"
        + " with 10 outputs for 'input' \"mnist-14x14\", was [784,30,10]");
    String thresholds = "x.json: 'saturationThresholds' must be a list of 1..20 increasing numbers > 0 (thresholds on"
        + " |z|), was ";
    assertThat(error(", \"saturationThresholds\": []")).isEqualTo(thresholds + "[]");
    assertThat(error(", \"saturationThresholds\": [3, 2]")).isEqualTo(thresholds + "[3,2]");
    assertThat(error(", \"saturationThresholds\": [0, 2]")).isEqualTo(thresholds + "[0,2]");
    assertThat(error(", \"saturationThresholds\": 4")).isEqualTo(thresholds + "4");
    assertThat(error(", \"saturationThresholds\": [\"4\"]")).isEqualTo(thresholds + "[\"4\"]");
    String settle = "x.json: 'settle' must be {\"fraction\": f, \"epochs\": k} (stop once the weight norm changed by"
        + " less than f x eta*lambda/m per epoch for k epochs in a row), was ";
    assertThat(error(", \"settle\": 3")).isEqualTo(settle + "3");
    assertThat(error(", \"settle\": {\"fraction\": 0.05}")).isEqualTo(settle + "{\"fraction\":0.05}");
    assertThat(error(", \"settle\": {\"fraction\": 0.05, \"epochs\": 3, \"x\": 1}"))
        .isEqualTo(settle + "{\"fraction\":0.05,\"epochs\":3,\"x\":1}");
    assertThat(error(", \"settle\": {\"fraction\": 0, \"epochs\": 3}"))
        .isEqualTo("x.json: 'settle.fraction' must be a number in (0, 1], was 0");
    assertThat(error(", \"settle\": {\"fraction\": 0.05, \"epochs\": 0.5}"))
        .isEqualTo("x.json: 'settle.epochs' must be a whole number 1..1000, was 0.5");
    Path f = spec(String.format(BASE, ", \"epochs\": 2, \"settle\": {\"fraction\": 0.05, \"epochs\": 3}"));
    assertThat(message(f, Profile.FULL)).isEqualTo("x.json: 'settle' asks for 3 settled epochs, more than the 2"
        + " epochs of the run (its cap)");
    f = spec(String.format(BASE, ", \"epochs\": 2, \"quick\": {\"settle\": {\"fraction\": 2, \"epochs\": 1}}"));
    assertThat(message(f, Profile.QUICK)).isEqualTo("x.json: 'quick.settle.fraction' must be a number in (0, 1], was 2");
  }

  @Test
  void newKeysReachTheRunSpec() throws IOException {
    Path f = spec(String.format(BASE, ", \"epochs\": 20").replace("[784, 30, 10]", "[196, 30, 10]")
        .replace("}", ", \"input\": \"mnist-14x14\", \"saturationThresholds\": [3, 4.5],"
            + " \"settle\": {\"fraction\": 0.05, \"epochs\": 3}}"));
    for (Profile p : Profile.values()) {
      wdpaper.nn.RunSpec s = ExperimentLoader.load(f, p, "x.json").runs().get(0).spec();
      assertThat(s.input()).isEqualTo("mnist-14x14");
      assertThat(s.saturationThresholds()).containsExactly(3.0, 4.5);
      assertThat(s.settle()).isEqualTo(new wdpaper.nn.RunSpec.Settle(0.05, 3));
      assertThat(s.epochs()).isEqualTo(p == Profile.FULL ? 20 : Profile.QUICK_EPOCHS);
    }
    wdpaper.nn.RunSpec plain = ExperimentLoader.load(spec(String.format(BASE, "")), Profile.FULL, "x.json").runs()
        .get(0).spec();
    assertThat(plain.input()).isEqualTo(wdpaper.nn.RunSpec.DEFAULTS.input());
    assertThat(plain.saturationThresholds()).isEqualTo(wdpaper.nn.RunSpec.DEFAULTS.saturationThresholds());
    assertThat(plain.settle()).isNull();
    assertThat(plain.epochs()).isEqualTo(wdpaper.nn.RunSpec.DEFAULTS.epochs());
  }

  @Test
  void quickProfileShrinksTheRuns() {
    Path book = Path.of(System.getProperty("project.root", ".")).resolve("content/experiments/book-weight-init.json");
    ExperimentSpec full = ExperimentLoader.load(book, Profile.FULL, "book");
    ExperimentSpec quick = ExperimentLoader.load(book, Profile.QUICK, "book");
    assertThat(full.runs()).hasSize(12);
    assertThat(quick.runs()).hasSize(4);
    assertThat(quick.runs().get(0).spec().trainingSetSize()).isEqualTo(Profile.QUICK_TRAINING);
    assertThat(quick.runs().get(0).spec().epochs()).isEqualTo(Profile.QUICK_EPOCHS);
    assertThat(quick.runs().get(0).spec().testSetSize()).isEqualTo(Profile.QUICK_TEST);
    assertThat(full.runs().get(0).spec().testSetSize()).isEqualTo(wdpaper.data.Mnist.TEST);
    assertThat(full.runs().get(0).sweep()).containsKeys("sizes", "init");
  }

  @Test
  void testSetSizeIsReadCappedByTheQuickProfileAndOverriddenByItsBlock() throws IOException {
    Path f = spec(String.format(BASE, ", \"testSetSize\": 4000"));
    assertThat(ExperimentLoader.load(f, Profile.FULL, "x.json").runs().get(0).spec().testSetSize()).isEqualTo(4000);
    assertThat(ExperimentLoader.load(f, Profile.QUICK, "x.json").runs().get(0).spec().testSetSize())
        .isEqualTo(Profile.QUICK_TEST);
    f = spec(String.format(BASE, ", \"testSetSize\": 300"));
    assertThat(ExperimentLoader.load(f, Profile.QUICK, "x.json").runs().get(0).spec().testSetSize()).isEqualTo(300);
    f = spec(String.format(BASE, ", \"quick\": {\"testSetSize\": 10000}"));
    assertThat(ExperimentLoader.load(f, Profile.QUICK, "x.json").runs().get(0).spec().testSetSize())
        .isEqualTo(10_000);
    f = spec(String.format(BASE, ", \"quick\": {\"testSetSize\": 0}"));
    assertThat(message(f, Profile.QUICK)).isEqualTo("x.json: 'quick.testSetSize' must be in 1..10000, was 0");
  }
}
