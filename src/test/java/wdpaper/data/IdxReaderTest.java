package wdpaper.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wdpaper.project.UserError;

class IdxReaderTest {
  @TempDir Path dir;

  static byte[] images(int magic, int count, int rows, int cols, int pixelBytes) {
    ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
    b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < pixelBytes; i++) {
      b.put((byte) (i * 37));
    }
    return b.array();
  }

  static byte[] labels(int magic, int count, int bytes, int value) {
    ByteBuffer b = ByteBuffer.allocate(8 + bytes);
    b.putInt(magic).putInt(count);
    for (int i = 0; i < bytes; i++) {
      b.put((byte) value);
    }
    return b.array();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void readsRawAndGzippedImages() throws IOException {
    byte[] raw = images(2051, 3, 2, 2, 12);
    Files.write(dir.resolve("a"), raw);
    Files.write(dir.resolve("a.gz"), gzip(raw));
    IdxReader.Images plain = IdxReader.readImages(dir.resolve("a"));
    IdxReader.Images gz = IdxReader.readImages(dir.resolve("a.gz"));
    assertThat(plain.count()).isEqualTo(3);
    assertThat(plain.rows()).isEqualTo(2);
    assertThat(plain.pixels()).containsExactly(gz.pixels());
    assertThat(plain.pixels()[1]).isEqualTo((byte) 37);
    // the raw file is mapped (its pixels stay outside the heap), the gzipped one inflated into an array
    assertThat(plain.data().isDirect()).isTrue();
    assertThat(gz.data().isDirect()).isFalse();
  }

  @Test
  void rejectsWrongMagic() {
    assertThatThrownBy(() -> IdxReader.parseImages(images(2049, 3, 2, 2, 12), "x.idx"))
        .isInstanceOf(UserError.class)
        .hasMessage("x.idx: magic number 2049, expected 2051 (an idx3 image file)");
  }

  @Test
  void rejectsTruncatedAndOversizedFiles() {
    assertThatThrownBy(() -> IdxReader.parseImages(images(2051, 3, 2, 2, 11), "t"))
        .hasMessage("t: 27 bytes, expected 28 for 3 images of 2x2 (truncated file)");
    assertThatThrownBy(() -> IdxReader.parseImages(images(2051, 3, 2, 2, 13), "t"))
        .hasMessage("t: 29 bytes, expected 28 for 3 images of 2x2 (trailing bytes)");
    assertThatThrownBy(() -> IdxReader.parseLabels(new byte[5], "l"))
        .hasMessage("l: truncated header (5 bytes), expected an idx1 label file");
  }

  @Test
  void rejectsBadDimensionsAndLabels() {
    assertThatThrownBy(() -> IdxReader.parseImages(images(2051, 0, 2, 2, 0), "d"))
        .hasMessage("d: image count is 0, expected a positive number");
    assertThatThrownBy(() -> IdxReader.parseLabels(labels(2049, 2, 2, 12), "l"))
        .hasMessage("l: label 0 is 12, expected a digit 0..9");
    assertThat(IdxReader.parseLabels(labels(2049, 2, 2, 7), "l")).containsExactly(7, 7);
  }

  @Test
  void rejectsCorruptGzip() throws IOException {
    byte[] gz = gzip(images(2051, 3, 2, 2, 12));
    byte[] broken = java.util.Arrays.copyOf(gz, gz.length / 2);
    Files.write(dir.resolve("b.gz"), broken);
    assertThatThrownBy(() -> IdxReader.readImages(dir.resolve("b.gz")))
        .isInstanceOf(UserError.class).hasMessageContaining("b.gz: corrupt gzip data");
  }

  @Test
  void datasetScalesPixelsAndSkipsZeros() {
    byte[] px = {0, (byte) 255, 0, 51, 0, 0, 0, 0};
    Dataset d = Dataset.fromBytes(px, 0, 2, 4, new int[] {3, 4}, 0);
    assertThat(d.dense(0)).containsExactly(0, 1.0, 0, 0.2);
    assertThat(d.dense(1)).containsExactly(0, 0, 0, 0);
    assertThat(d.nonZeroEnd(0) - d.nonZeroStart(0)).isEqualTo(2);
    assertThat(d.label(1)).isEqualTo(4);
    assertThat(d.head(1).size()).isEqualTo(1);
  }
}
