package wdpaper.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import wdpaper.project.UserError;

/**
 * Reads the IDX format of the MNIST files: a 4-byte magic number (2051 for images, 2049 for labels),
 * big-endian dimensions, then unsigned bytes. Files may be raw or gzip-compressed.
 */
public final class IdxReader {
  public static final int IMAGES_MAGIC = 2051;
  public static final int LABELS_MAGIC = 2049;

  private IdxReader() {}

  /**
   * Images: {@code count * rows * cols} pixels, row-major per image, in {@code bytes} from {@code offset} on (the
   * file's bytes after its header: not copied).
   */
  public record Images(int count, int rows, int cols, byte[] bytes, int offset) {
    /** The pixels alone, as a new array. */
    public byte[] pixels() {
      return java.util.Arrays.copyOfRange(bytes, offset, offset + count * rows * cols);
    }
  }

  /** Whether the file starts with gzip's magic bytes (as {@link #readBytes} tells); false if it cannot be read. */
  public static boolean gzipped(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return gzipMagic(in.readNBytes(2));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean gzipMagic(byte[] head) {
    return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /** Returns the uncompressed bytes of an IDX file, gunzipping it if it starts with the gzip magic. */
  public static byte[] readBytes(Path file) {
    try {
      byte[] raw = Files.readAllBytes(file);
      if (gzipMagic(raw)) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw UserError.data(file + ": corrupt gzip data (" + e.getMessage() + ")");
        }
      }
      return raw;
    } catch (IOException e) {
      throw UserError.data("cannot read " + file + ": " + wdpaper.project.IoErrors.reason(e));
    }
  }

  public static Images readImages(Path file) {
    return parseImages(readBytes(file), file.toString());
  }

  public static int[] readLabels(Path file) {
    return parseLabels(readBytes(file), file.toString());
  }

  /** Parses an idx3 image file; {@code name} is used in error messages. */
  public static Images parseImages(byte[] bytes, String name) {
    ByteBuffer b = header(bytes, name, IMAGES_MAGIC, 16, "an idx3 image file");
    int count = dimension(b, name, "image count");
    int rows = dimension(b, name, "row count");
    int cols = dimension(b, name, "column count");
    long expected = 16L + (long) count * rows * cols;
    checkLength(bytes, name, expected, count + " images of " + rows + "x" + cols);
    return new Images(count, rows, cols, bytes, 16);
  }

  /** Parses an idx1 label file; every label must be a digit 0..9. */
  public static int[] parseLabels(byte[] bytes, String name) {
    ByteBuffer b = header(bytes, name, LABELS_MAGIC, 8, "an idx1 label file");
    int count = dimension(b, name, "label count");
    checkLength(bytes, name, 8L + count, count + " labels");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = bytes[8 + i] & 0xff;
      if (labels[i] > 9) {
        throw UserError.data(name + ": label " + i + " is " + labels[i] + ", expected a digit 0..9");
      }
    }
    return labels;
  }

  private static ByteBuffer header(byte[] bytes, String name, int magic, int headerSize, String what) {
    if (bytes.length < headerSize) {
      throw UserError.data(name + ": truncated header (" + bytes.length + " bytes), expected " + what);
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    int found = b.getInt();
    if (found != magic) {
      throw UserError.data(name + ": magic number " + found + ", expected " + magic + " (" + what + ")");
    }
    return b;
  }

  private static int dimension(ByteBuffer b, String name, String what) {
    int v = b.getInt();
    if (v <= 0) {
      throw UserError.data(name + ": " + what + " is " + v + ", expected a positive number");
    }
    return v;
  }

  private static void checkLength(byte[] bytes, String name, long expected, String what) {
    if (bytes.length != expected) {
      throw UserError.data(name + ": " + bytes.length + " bytes, expected " + expected + " for " + what
          + (bytes.length < expected ? " (truncated file)" : " (trailing bytes)"));
    }
  }
}
