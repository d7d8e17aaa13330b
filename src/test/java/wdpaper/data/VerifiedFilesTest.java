package wdpaper.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.UserError;

class VerifiedFilesTest {
  @TempDir Path dir;

  private static final String SHA = MnistFile.TEST_LABELS.sha256();

  /** Records {@code file} as verified with the pinned checksum of the test labels, as a check would. */
  /** A file "f" of one byte in a new folder "cache". */
  private Path oneByteFile() throws IOException {
    Path f = Files.createDirectories(dir.resolve("cache")).resolve("f");
    Files.write(f, new byte[] {1});
    return f;
  }

  private static void recordAsVerified(Path cache, Path file) {
    VerifiedFiles v = VerifiedFiles.in(cache);
    v.verified(file, SHA, VerifiedFiles.identity(file));
    v.save();
  }

  @Test
  void anUnchangedFileIsNotHashedAgain() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path labels = cache.resolve(MnistFile.TEST_LABELS.fileName());
    // not the real file: if the provisioner hashed it, it would delete it
    Files.write(labels, new byte[] {1, 2, 3});
    recordAsVerified(cache, labels);
    List<String> log = new ArrayList<>();
    MnistProvisioner p = new MnistProvisioner(null, cache, false, log::add);
    assertThatThrownBy(p::provision).isInstanceOf(UserError.class).hasMessageContaining("missing train-images");
    assertThat(labels).exists();
    assertThat(log).isEmpty();
  }

  @Test
  void aChangedFileIsVerifiedAgainEvenWithItsSizeAndModificationTimeRestored() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path labels = cache.resolve(MnistFile.TEST_LABELS.fileName());
    Files.write(labels, new byte[] {1, 2, 3});
    FileTime mtime = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(labels, mtime);
    recordAsVerified(cache, labels);
    assertThat(VerifiedFiles.in(cache).isVerified(labels, SHA)).isTrue();
    Files.write(labels, new byte[] {4, 5, 6});
    Files.setLastModifiedTime(labels, mtime);
    assertThat(VerifiedFiles.in(cache).isVerified(labels, SHA)).as("same size and mtime, new change time").isFalse();
    List<String> log = new ArrayList<>();
    assertThatThrownBy(new MnistProvisioner(null, cache, false, log::add)::provision)
        .isInstanceOf(UserError.class);
    assertThat(log).containsExactly("MNIST: cached " + labels + " fails its checksum; deleting it");
    assertThat(labels).doesNotExist();
    assertThat(Files.readString(cache.resolve(VerifiedFiles.FILE))).doesNotContain(labels.toString());
  }

  @Test
  void aTouchedReplacedOrOtherFileIsNotVerified() throws IOException {
    Path f = oneByteFile();
    Path cache = f.getParent();
    recordAsVerified(cache, f);
    assertThat(VerifiedFiles.in(cache).isVerified(f, SHA)).isTrue();
    assertThat(VerifiedFiles.in(cache).isVerified(f, MnistFile.TRAIN_LABELS.sha256())).as("other checksum").isFalse();
    assertThat(VerifiedFiles.in(cache).isVerified(cache.resolve("g"), SHA)).as("other file").isFalse();
    Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 1000));
    assertThat(VerifiedFiles.in(cache).isVerified(f, SHA)).as("touched").isFalse();
    recordAsVerified(cache, f);
    Path copy = cache.resolve("copy");
    Files.copy(f, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    Files.move(copy, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(VerifiedFiles.in(cache).isVerified(f, SHA)).as("replaced by a copy with the same times").isFalse();
  }

  @Test
  void aFileChangedWhileItWasReadIsNotRecorded() throws IOException {
    Path f = oneByteFile();
    Path cache = f.getParent();
    var before = VerifiedFiles.identity(f);
    Files.write(f, new byte[] {2});
    VerifiedFiles v = VerifiedFiles.in(cache);
    v.verified(f, SHA, before);
    assertThat(v.isVerified(f, SHA)).isFalse();
  }

  @Test
  void theRecordIsReplacedWholeByARenameAndACorruptOneIsIgnored() throws IOException {
    Path f = oneByteFile();
    Path cache = f.getParent();
    recordAsVerified(cache, f);
    Path record = cache.resolve(VerifiedFiles.FILE);
    Object inode = Files.getAttribute(record, "unix:ino");
    Path g = cache.resolve("g");
    Files.write(g, new byte[] {2});
    recordAsVerified(cache, g);
    // written to a temporary file and renamed over the old record: a reader sees the old or the new one, whole
    assertThat(Files.getAttribute(record, "unix:ino")).isNotEqualTo(inode);
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("f", "g", VerifiedFiles.FILE);
    }
    assertThat(VerifiedFiles.in(cache).isVerified(f, SHA)).isTrue();
    assertThat(VerifiedFiles.in(cache).isVerified(g, SHA)).isTrue();
    Files.writeString(record, "{\"" + f.toAbsolutePath() + "\": {\"identity\": ");
    assertThat(VerifiedFiles.in(cache).isVerified(f, SHA)).as("cut-off record").isFalse();
  }

  @Test
  void aFailedUserFolderCheckWritesNoRecord() throws IOException {
    Path user = Files.createDirectories(dir.resolve("mine"));
    for (MnistFile m : MnistFile.values()) {
      Files.write(user.resolve(m.fileName()), new byte[] {7});
    }
    assertThatThrownBy(new MnistProvisioner(user, dir.resolve("cache"), false, s -> {})::provision)
        .isInstanceOf(UserError.class);
    assertThat(dir.resolve("cache")).doesNotExist();
  }
}
