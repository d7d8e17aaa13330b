package wdpaper.data;

/**
 * Labelled images with pixels scaled to [0,1], stored sparsely (most MNIST pixels are 0): image {@code i}
 * has non-zero pixels {@code index[start[i]..start[i+1])} with values {@code value[...]}.
 * Immutable once built.
 */
public final class Dataset {
  public static final int PIXELS = 784;

  private final int size;
  private final int inputs;
  private final int[] start;
  private final int[] index;
  private final double[] value;
  private final int[] labels;

  private Dataset(int size, int inputs, int[] start, int[] index, double[] value, int[] labels) {
    this.size = size;
    this.inputs = inputs;
    this.start = start;
    this.index = index;
    this.value = value;
    this.labels = labels;
  }

  /** Builds a dataset from raw bytes ({@code count * inputs}, 0..255) and labels. */
  public static Dataset fromBytes(byte[] pixels, int offset, int count, int inputs, int[] labels, int labelOffset) {
    int nnz = 0;
    for (int i = offset * inputs; i < (offset + count) * inputs; i++) {
      if (pixels[i] != 0) {
        nnz++;
      }
    }
    int[] start = new int[count + 1];
    int[] index = new int[nnz];
    double[] value = new double[nnz];
    int[] lab = new int[count];
    int k = 0;
    for (int i = 0; i < count; i++) {
      start[i] = k;
      int base = (offset + i) * inputs;
      for (int j = 0; j < inputs; j++) {
        int b = pixels[base + j] & 0xff;
        if (b != 0) {
          index[k] = j;
          value[k] = b / 255.0;
          k++;
        }
      }
      lab[i] = labels[labelOffset + i];
    }
    start[count] = k;
    return new Dataset(count, inputs, start, index, value, lab);
  }

  /** Builds a dataset from dense inputs (used by tests with tiny networks). */
  public static Dataset fromDense(double[][] x, int[] labels) {
    int inputs = x[0].length;
    int nnz = 0;
    for (double[] row : x) {
      for (double v : row) {
        if (v != 0) {
          nnz++;
        }
      }
    }
    int[] start = new int[x.length + 1];
    int[] index = new int[nnz];
    double[] value = new double[nnz];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      start[i] = k;
      for (int j = 0; j < inputs; j++) {
        if (x[i][j] != 0) {
          index[k] = j;
          value[k++] = x[i][j];
        }
      }
    }
    start[x.length] = k;
    return new Dataset(x.length, inputs, start, index, value, labels.clone());
  }

  /** The first {@code count} examples. */
  public Dataset head(int count) {
    if (count > size) {
      throw new IllegalArgumentException("head(" + count + ") of a dataset of " + size);
    }
    if (count == size) {
      return this;
    }
    int[] s = java.util.Arrays.copyOf(start, count + 1);
    return new Dataset(count, inputs, s, java.util.Arrays.copyOf(index, s[count]),
        java.util.Arrays.copyOf(value, s[count]), java.util.Arrays.copyOf(labels, count));
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

  /** Pixel indices of the non-zero entries; read-only by convention (shared, not copied). */
  public int[] indexArray() {
    return index;
  }

  /** Pixel values of the non-zero entries; read-only by convention. */
  public double[] valueArray() {
    return value;
  }

  /** Returns example {@code i} as a dense vector. */
  public double[] dense(int i) {
    double[] x = new double[inputs];
    for (int k = start[i]; k < start[i + 1]; k++) {
      x[index[k]] = value[k];
    }
    return x;
  }
}
