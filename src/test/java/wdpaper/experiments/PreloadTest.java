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
import wdpaper.data.Mnist;
import wdpaper.data.MnistFile;
import wdpaper.data.MnistProvisioner;
import wdpaper.project.ProjectPaths;

/** MNIST loaded in the background while the build checks its content: decoded while it is being verified. */
class PreloadTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @Test
  void filesThatFailTheirChecksumAreNotUsedEvenThoughTheyWereDecoded() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("mnist"));
    for (MnistFile f : MnistFile.values()) {
      // a well-formed IDX header over too few images: decodes or not, it must never be used
      Files.write(folder.resolve(f.fileName()), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28});
    }
    List<String> log = new ArrayList<>();
    assertThat(Experiments.preload(ProjectPaths.of(dir, null, dir.resolve("cache")), folder).take(log::add))
        .isEmpty();
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
