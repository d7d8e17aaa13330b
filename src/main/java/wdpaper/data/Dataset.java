package wdpaper.data;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Labelled images with pixels in [0,1], stored sparsely (most MNIST pixels are 0) and compactly: image {@code i}
 * has non-zero inputs {@code index[start[i]..start[i+1])}, each with a level {@code level[...]} whose value is
 * {@code levelValue[level]}. MNIST pixels are levels 0..255 with value level/255 (exactly what dividing the byte by
 * 255.0 gives), so an entry takes 4 bytes instead of 12: a shuffled epoch reads the examples in random order from a
 * third of the memory. Immutable once built.
 */
public final class Dataset {
  public static final int PIXELS = 784;

  private final int size;
  private final int inputs;
  private final int[] start;
  private final char[] index;
  private final char[] level;
  private final double[] levelValue;
  /** level q has value exactly q / levelScale (integer levels), or 0 if the levels are arbitrary values */
  private final int levelScale;
  private final int[] labels;

  private Dataset(int size, int inputs, int[] start, char[] index, char[] level, double[] levelValue, int levelScale,
      int[] labels) {
    if (inputs > Character.MAX_VALUE + 1) {
      throw new IllegalArgumentException("at most 65536 inputs, was " + inputs);
    }
    this.size = size;
    this.inputs = inputs;
    this.start = start;
    this.index = index;
    this.level = level;
    this.levelValue = levelValue;
    this.levelScale = levelScale;
    this.labels = labels;
  }

  /** The values q / scale of the integer levels 0..max. */
  private static double[] linearLevels(int max, int scale) {
    double[] v = new double[max + 1];
    for (int q = 0; q <= max; q++) {
      v[q] = q / (double) scale;
    }
    return v;
  }

  /** Builds a dataset from raw bytes ({@code count * inputs}, 0..255) and labels; pixel value = byte / 255. */
  public static Dataset fromBytes(byte[] pixels, int offset, int count, int inputs, int[] labels, int labelOffset) {
    return fromBytes(pixels, 0, offset, count, inputs, labels, labelOffset);
  }

  /**
   * As {@link #fromBytes(byte[], int, int, int, int[], int)}, the pixels starting at {@code byteOffset} in
   * {@code bytes} (a file's bytes after its header).
   */
  public static Dataset fromBytes(byte[] bytes, int byteOffset, int offset, int count, int inputs, int[] labels,
      int labelOffset) {
    return fromPixels(java.nio.ByteBuffer.wrap(bytes).slice(byteOffset, bytes.length - byteOffset), offset, count,
        inputs, labels, labelOffset);
  }

  /**
   * As {@link #fromBytes(byte[], int, int, int, int[], int)}, the pixels in {@code pixels} (from its index 0 on,
   * e.g. a mapped file): read a block of whole images at a time into one small array, twice (once to count the
   * non-zero pixels, once to store them), so no copy of all the pixels is made.
   */
  public static Dataset fromPixels(java.nio.ByteBuffer pixels, int offset, int count, int inputs, int[] labels,
      int labelOffset) {
    int perBlock = Math.max(1, Math.min(count, BLOCK_BYTES / inputs));
    byte[] block = new byte[perBlock * inputs];
    int nnz = 0;
    for (int i = 0; i < count; i += perBlock) {
      int len = Math.min(perBlock, count - i) * inputs;
      pixels.get((offset + i) * inputs, block, 0, len);
      for (int j = 0; j < len; j++) {
        if (block[j] != 0) {
          nnz++;
        }
      }
    }
    int[] start = new int[count + 1];
    char[] index = new char[nnz];
    char[] level = new char[nnz];
    int[] lab = new int[count];
    int k = 0;
    for (int i0 = 0; i0 < count; i0 += perBlock) {
      int images = Math.min(perBlock, count - i0);
      pixels.get((offset + i0) * inputs, block, 0, images * inputs);
      for (int i = 0; i < images; i++) {
        start[i0 + i] = k;
        int base = i * inputs;
        for (int j = 0; j < inputs; j++) {
          int b = block[base + j] & 0xff;
          if (b != 0) {
            index[k] = (char) j;
            level[k] = (char) b;
            k++;
          }
        }
        lab[i0 + i] = labels[labelOffset + i0 + i];
      }
    }
    start[count] = k;
    return new Dataset(count, inputs, start, index, level, linearLevels(255, 255), 255, lab);
  }

  /** How many bytes of pixels {@link #fromPixels} reads at a time (whole images). */
  private static final int BLOCK_BYTES = 1 << 16;

  /** Builds a dataset from dense inputs (used by tests with tiny networks); at most 65535 distinct values. */
  public static Dataset fromDense(double[][] x, int[] labels) {
    int inputs = x[0].length;
    TreeSet<Double> distinct = new TreeSet<>();
    int nnz = 0;
    for (double[] row : x) {
      for (double v : row) {
        if (v != 0) {
          nnz++;
          distinct.add(v);
        }
      }
    }
    if (distinct.size() >= Character.MAX_VALUE) {
      throw new IllegalArgumentException("at most 65534 distinct input values, was " + distinct.size());
    }
    double[] levelValue = new double[distinct.size() + 1];
    int q = 1;
    for (double v : distinct) {
      levelValue[q++] = v;
    }
    int[] start = new int[x.length + 1];
    char[] index = new char[nnz];
    char[] level = new char[nnz];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      start[i] = k;
      for (int j = 0; j < inputs; j++) {
        if (x[i][j] != 0) {
          index[k] = (char) j;
          level[k++] = (char) Arrays.binarySearch(levelValue, 1, levelValue.length, x[i][j]);
        }
      }
    }
    start[x.length] = k;
    return new Dataset(x.length, inputs, start, index, level, levelValue, 0, labels.clone());
  }

  /**
   * The {@code side x side} images mean-pooled over 2x2 blocks into {@code side/2 x side/2}: each new input is the
   * mean of four pixels, (q1 + q2 + q3 + q4) / (4 x scale) from the integer levels, one rounding (so still in
   * [0,1]). Needs integer levels (as MNIST's bytes) and an even side.
   */
  public Dataset meanPool2x2(int side) {
    if (side * side != inputs || side % 2 != 0) {
      throw new IllegalArgumentException("2x2 pooling needs square images with an even side, was " + inputs
          + " inputs for side " + side);
    }
    if (levelScale == 0) {
      throw new IllegalArgumentException("2x2 pooling needs integer levels (as MNIST bytes)");
    }
    int half = side / 2;
    int out = half * half;
    int maxLevel = 4 * (levelValue.length - 1);
    int[] sums = new int[out];
    int[] newStart = new int[size + 1];
    char[] newIndex = new char[Math.min(index.length, size * out)];
    char[] newLevel = new char[newIndex.length];
    int k = 0;
    for (int i = 0; i < size; i++) {
      newStart[i] = k;
      for (int p = start[i]; p < start[i + 1]; p++) {
        int r = index[p] / side;
        int c = index[p] % side;
        sums[(r / 2) * half + c / 2] += level[p];
      }
      for (int j = 0; j < out; j++) {
        if (sums[j] != 0) {
          newIndex[k] = (char) j;
          newLevel[k++] = (char) sums[j];
          sums[j] = 0;
        }
      }
    }
    newStart[size] = k;
    return new Dataset(size, out, newStart, Arrays.copyOf(newIndex, k), Arrays.copyOf(newLevel, k),
        linearLevels(maxLevel, 4 * levelScale), 4 * levelScale, labels);
  }

  /**
   * This dataset's examples in the order given: example i of the result is example {@code order[i]} of this one.
   * Trainers copy the shuffled training set into one contiguous block once per epoch, so that the mini-batches read
   * it front to back (a few milliseconds of copying against a cache miss per example later). If {@code reuse} is a
   * permutation of this dataset made by this method earlier, its arrays are overwritten and it is returned (the
   * caller must hold the only reference); otherwise new arrays are made.
   */
  public Dataset permute(int[] order, Dataset reuse) {
    if (order.length != size) {
      throw new IllegalArgumentException("an order of " + order.length + " examples for a dataset of " + size);
    }
    Dataset t = reuse != null && reuse.size == size && reuse.index.length == index.length && reuse.levelValue
        == levelValue ? reuse : new Dataset(size, inputs, new int[size + 1], new char[index.length],
        new char[index.length], levelValue, levelScale, new int[size]);
    int k = 0;
    for (int i = 0; i < size; i++) {
      int x = order[i];
      int from = start[x];
      int len = start[x + 1] - from;
      t.start[i] = k;
      System.arraycopy(index, from, t.index, k, len);
      System.arraycopy(level, from, t.level, k, len);
      t.labels[i] = labels[x];
      k += len;
    }
    t.start[size] = k;
    return t;
  }

  /** The first {@code count} examples. */
  public Dataset head(int count) {
    if (count > size) {
      throw new IllegalArgumentException("head(" + count + ") of a dataset of " + size);
    }
    if (count == size) {
      return this;
    }
    int[] s = Arrays.copyOf(start, count + 1);
    return new Dataset(count, inputs, s, Arrays.copyOf(index, s[count]), Arrays.copyOf(level, s[count]), levelValue,
        levelScale, Arrays.copyOf(labels, count));
  }

  public int size() {
    return size;
  }

  public int inputs() {
    return inputs;
  }

  public int label(int i) {
    return labels[i];
  }

  public int nonZeroStart(int i) {
    return start[i];
  }

  public int nonZeroEnd(int i) {
    return start[i + 1];
  }

  /** Input indices of the non-zero entries; read-only by convention (shared, not copied). */
  public char[] indexArray() {
    return index;
  }

  /** Levels of the non-zero entries (values through {@link #levelValues()}); read-only by convention. */
  public char[] levelArray() {
    return level;
  }

  /** The value of each level; read-only by convention. */
  public double[] levelValues() {
    return levelValue;
  }

  /** The value of non-zero entry p. */
  public double value(int p) {
    return levelValue[level[p]];
  }

  /** The largest input value. */
  public double maxValue() {
    double max = 0;
    for (char q : level) {
      max = Math.max(max, levelValue[q]);
    }
    return max;
  }

  /** Returns example {@code i} as a dense vector. */
  public double[] dense(int i) {
    double[] x = new double[inputs];
    for (int k = start[i]; k < start[i + 1]; k++) {
      x[index[k]] = levelValue[level[k]];
    }
    return x;
  }
}
