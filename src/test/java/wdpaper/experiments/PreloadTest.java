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
import wdpaper.data.Dataset;
import wdpaper.data.InputVariant;
import wdpaper.data.Mnist;
import wdpaper.data.MnistFile;
import wdpaper.data.MnistProvisioner;
import wdpaper.project.ProjectPaths;

/** MNIST loaded in the background while the build checks its content, and decoded as far as the runs read it. */
class PreloadTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void filesThatFailTheirChecksumAreNotUsed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mnist"));
    for (MnistFile f : MnistFile.values()) {
      // a well-formed IDX header over too few images: never used
      Files.write(folder.resolve(f.fileName()), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28});
    }
    List<String> log = new ArrayList<>();
    assertThat(Experiments.preload(ProjectPaths.of(dir, null, dir.resolve("cache")), folder).take(log::add))
        .isEmpty();
  }

  /**
   * Each split is decoded as far as asked: the first n images asked for first are, bit for bit, the first n of
   * the whole split decoded at once (and of its 14x14 variant), and asking for more later decodes the rest.
   */
  @Test
  void aSplitDecodedAsFarAsAskedGivesThePrefixOfTheWhole() {
    Path verified = ProjectPaths.of(ROOT, null, null).mnistCache();
    Map<MnistFile, Path> files = new MnistProvisioner(null, verified, true, System.err::println).provision();
    Mnist whole = Mnist.load(files);
    Mnist lazy = Mnist.load(files);
    Mnist small = lazy.input(InputVariant.MNIST_14X14);
    Dataset first = lazy.training(2_500);
    Dataset firstSmall = small.training(2_500);
    assertThat(first.size()).isEqualTo(2_500);
    assertThat(lazy.test(1_000).size()).isEqualTo(1_000);
    assertThat(lazy.validation(1_000).size()).isEqualTo(1_000);
    Dataset all = whole.training();
    Dataset allSmall = whole.input(InputVariant.MNIST_14X14).training();
    for (int i : new int[] {0, 1, 1_234, 2_499}) {
      assertThat(first.label(i)).isEqualTo(all.label(i));
      assertThat(first.dense(i)).containsExactly(all.dense(i));
      assertThat(firstSmall.dense(i)).containsExactly(allSmall.dense(i));
    }
    assertThat(lazy.training(50_000).dense(49_999)).containsExactly(all.dense(49_999));
    assertThat(lazy.validation().dense(9_999)).containsExactly(whole.validation().dense(9_999));
    assertThat(lazy.test().dense(9_999)).containsExactly(whole.test().dense(9_999));
    assertThatThrownBy(() -> lazy.training(50_001)).hasMessage("the first 50001 examples of a split of 50000");
  }

  @Test
  void verifiedFilesGiveTheDataALoadAfterTheVerificationGives() {
    Path verified = ProjectPaths.of(ROOT, null, null).mnistCache();
    Map<MnistFile, Path> files = new MnistProvisioner(null, verified, true, System.err::println).provision();
    Mnist expected = Mnist.load(files);
    Mnist preloaded = Experiments.preload(ProjectPaths.of(dir, null, dir.resolve("cache")), verified)
        .take(m -> { }).orElseThrow();
    assertThat(preloaded.checksums()).isEqualTo(expected.checksums());
    for (int i : new int[] {0, 1, 4_999, 49_999}) {
      assertThat(preloaded.training().label(i)).isEqualTo(expected.training().label(i));
      assertThat(preloaded.training().dense(i)).containsExactly(expected.training().dense(i));
    }
    assertThat(preloaded.validation().size()).isEqualTo(Mnist.VALIDATION);
    assertThat(preloaded.test().dense(9_999)).containsExactly(expected.test().dense(9_999));
  }
}
