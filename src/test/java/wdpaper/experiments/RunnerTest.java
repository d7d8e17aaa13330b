package wdpaper.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.data.Mnist;
import wdpaper.data.MnistProvisioner;
import wdpaper.nn.EpochMetrics;
import wdpaper.nn.TrainingResult;
import wdpaper.project.ProjectPaths;

/** The runner on real MNIST: the 14x14 input and the settle rule end to end, through the cache and back. */
class RunnerTest {
  @TempDir Path dir;

  @Test
  void trainsOnPooledInputsSettlesAndCachesTheResult() throws Exception {
    Path root = Path.of(System.getProperty("project.root", "."));
    Mnist mnist = Mnist.load(new MnistProvisioner(null, ProjectPaths.of(root, null, null).mnistCache(), true,
        s -> {}).provision());
    Path spec = Files.writeString(dir.resolve("small.json"), "{\"id\": \"small\", \"title\": \"T\", \"sizes\": [196, 10,"
        + " 10], \"init\": \"old\", \"eta\": 0.1, \"lambda\": 5, \"epochs\": 8, \"seeds\": 1, \"trainingSetSize\": 2000,"
        + " \"validationSetSize\": 500, \"testSetSize\": 300, \"input\": \"mnist-14x14\", \"instrument\": true, \"histogramEpochs\": [0],"
        + " \"saturationThresholds\": [3, 4], \"settle\": {\"fraction\": 1, \"epochs\": 1}}");
    List<ExperimentSpec> specs = List.of(ExperimentLoader.load(spec, Profile.FULL, "small.json"));
    ResultCache cache = new ResultCache(dir.resolve("runs"), mnist.checksums(), s -> {});
    Results r = new Runner(cache, mnist, 1, false, Progress.silent()).run(specs);
    TrainingResult t = r.of("small").get(0).record().result();
    assertThat(t.status()).isEqualTo(TrainingResult.SETTLED);
    assertThat(t.settledAtEpoch()).isEqualTo(t.epochs().size() - 1).isLessThan(8);
    assertThat(t.epochs().get(1).validationAccuracy()).as("better than chance").isGreaterThan(0.15);
    assertThat(r.of("small").get(0).run().spec().testSetSize()).isEqualTo(300);
    assertThat(t.testAccuracy() * 300).as("a share of the first 300 test images")
        .isCloseTo(Math.rint(t.testAccuracy() * 300), org.assertj.core.data.Offset.offset(1e-9));
    EpochMetrics.Saturation s = t.epochs().get(1).saturation().get(0);
    assertThat(s.thresholds()).containsExactly(3.0, 4.0);
    assertThat(s.neuronFraction()[0]).hasSize(10);
    assertThat(t.spectra()).hasSize(2);
    assertThat(t.spectra().get(0).singularValues()).hasSize(10);
    // read back from the cache, checked for shape, not retrained
    Results again = new Runner(cache, mnist, 1, false, Progress.silent()).run(specs);
    assertThat(again.of("small").get(0).record().resultSha256()).isEqualTo(r.of("small").get(0).record()
        .resultSha256());
    assertThat(cache.get(r.of("small").get(0).run().spec())).isPresent();
  }

  /** The command line refuses --jobs 0 with exit 2 (HostileInputTest); a caller of the runner gets its contract. */
  @Test
  void refusesFewerThanOneJobAsAProgrammingError() {
    ResultCache cache = new ResultCache(dir.resolve("runs"), Experiments.pinnedChecksums(), s -> {}, true);
    for (int jobs : new int[] {0, -1}) {
      assertThatThrownBy(() -> new Runner(cache, null, jobs, false, Progress.silent()))
          .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("jobs must be at least 1, was " + jobs);
    }
  }
}
