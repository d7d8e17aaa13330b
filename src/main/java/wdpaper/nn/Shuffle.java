package wdpaper.nn;

import java.util.Random;

/** The per-epoch shuffling of the training set, shared by both trainers so they see the same mini-batches. */
final class Shuffle {
  private Shuffle() {}

  /** The shuffling RNG of a run: independent of the initialization stream, fixed by the seed. */
  static Random rng(long seed) {
    return new Random(seed ^ 0x5DEECE66DL * 31);
  }

  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Fisher-Yates shuffle in place, like Python's {@code random.shuffle(training_data)} each epoch. */
  static void shuffle(int[] order, Random rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
