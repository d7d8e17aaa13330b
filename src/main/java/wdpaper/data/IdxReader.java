package wdpaper.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
   * Images: {@code count * rows * cols} pixels, row-major per image, in {@code data} from index 0 on (the file's
   * bytes after its header, not copied: a raw file is mapped into memory, a gzipped one inflated into an array).
   */
  public record Images(int count, int rows, int cols, ByteBuffer data) {
    /** The pixels alone, as a new array. */
    public byte[] pixels() {
      byte[] px = new byte[count * rows * cols];
      data.get(0, px);
      return px;
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

  /**
   * Reads an idx3 image file. A raw file is mapped, not read into the heap: its pixels (47 MB for MNIST's training
   * file) are read where the operating system keeps the file, so no 47 MB array is made, filled and collected (on
   * this machine, a virtual machine, each first touch of a fresh page of memory costs about 17 us).
   */
  public static Images readImages(Path file) {
    if (gzipped(file)) {
      return parseImages(readBytes(file), file.toString());
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw UserError.data(file + ": " + size + " bytes, expected an idx3 image file of less than 2 GB");
      }
      ByteBuffer mapped;
      try {
        mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      } catch (IOException | UnsupportedOperationException e) {
        // a file system that cannot map files: read it into the heap as before
        return parseImages(readBytes(file), file.toString());
      }
      return parseImages(mapped, file.toString());
    } catch (IOException e) {
      throw UserError.data("cannot read " + file + ": " + wdpaper.project.IoErrors.reason(e));
    }
  }

  public static int[] readLabels(Path file) {
    return parseLabels(readBytes(file), file.toString());
  }

  /** Parses an idx3 image file; {@code name} is used in error messages. */
  public static Images parseImages(byte[] bytes, String name) {
    return parseImages(ByteBuffer.wrap(bytes), name);
  }

  /** Parses an idx3 image file's bytes, {@code file}'s positions 0 to its limit; {@code name} for messages. */
  static Images parseImages(ByteBuffer file, String name) {
    ByteBuffer b = header(file, name, IMAGES_MAGIC, 16, "an idx3 image file");
    int count = dimension(b, name, "image count");
    int rows = dimension(b, name, "row count");
    int cols = dimension(b, name, "column count");
    long expected = 16L + (long) count * rows * cols;
    checkLength(file.limit(), name, expected, count + " images of " + rows + "x" + cols);
    return new Images(count, rows, cols, file.slice(16, file.limit() - 16));
  }

  /** Parses an idx1 label file; every label must be a digit 0..9. */
  public static int[] parseLabels(byte[] bytes, String name) {
    ByteBuffer b = header(ByteBuffer.wrap(bytes), name, LABELS_MAGIC, 8, "an idx1 label file");
    int count = dimension(b, name, "label count");
    checkLength(bytes.length, name, 8L + count, count + " labels");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = bytes[8 + i] & 0xff;
      if (labels[i] > 9) {
        throw UserError.data(name + ": label " + i + " is " + labels[i] + ", expected a digit 0..9");
      }
    }
    return labels;
  }

  private static ByteBuffer header(ByteBuffer file, String name, int magic, int headerSize, String what) {
    if (file.limit() < headerSize) {
      throw UserError.data(name + ": truncated header (" + file.limit() + " bytes), expected " + what);
    }
    ByteBuffer b = file.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
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

  private static void checkLength(long length, String name, long expected, String what) {
    if (length != expected) {
      throw UserError.data(name + ": " + length + " bytes, expected " + expected + " for " + what
          + (length < expected ? " (truncated file)" : " (trailing bytes)"));
    }
  }
}
