package wdpaper.nn;

import java.util.Arrays;
import wdpaper.data.Dataset;

/**
 * One mini-batch: examples {@code from..from+count-1} of the epoch's shuffled copy of the training set, and their
 * non-zero inputs grouped
 * by input (a counting sort that keeps example order): for input j, entries {@code [start[j], start[j+1])} of
 * {@code example} (which example of the batch, 0..count-1) and {@code value}. The first layer's update
 * {@code wT[j] -= (eta/m) sum_x x_j delta_x} then reads, per input j, exactly the examples that use it.
 */
final class Batch {
  final int[] start;
  final int[] example;
  final double[] value;
  /** the dataset index of each example of the batch */
  final int[] ids;
  int count;

  Batch(int inputs, int m) {
    start = new int[inputs + 2];
    example = new int[m * inputs];
    value = new double[m * inputs];
    ids = new int[m];
  }

  /** Input j is used by at least one example of the batch. */
  boolean uses(int j) {
    return start[j] < start[j + 1];
  }

  /** Takes examples from..from+count-1 and groups their non-zero inputs by input. */
  void fill(Dataset data, int from, int count) {
    this.count = count;
    for (int e = 0; e < count; e++) {
      ids[e] = from + e;
    }
    char[] idx = data.indexArray();
    char[] lev = data.levelArray();
    double[] levelValue = data.levelValues();
    Arrays.fill(start, 0);
    for (int e = 0; e < count; e++) {
      int x = ids[e];
      for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
        start[idx[p] + 2]++;
      }
    }
    for (int j = 2; j < start.length; j++) {
      start[j] += start[j - 1];
    }
    // start[j + 1] is now where input j's entries start; fill them, moving it to where they end
    for (int e = 0; e < count; e++) {
      int x = ids[e];
      for (int p = data.nonZeroStart(x); p < data.nonZeroEnd(x); p++) {
        int slot = start[idx[p] + 1]++;
        example[slot] = e;
        value[slot] = levelValue[lev[p]];
      }
    }
  }
}
