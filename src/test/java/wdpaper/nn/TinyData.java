package wdpaper.nn;

import java.util.Random;
import wdpaper.data.Dataset;

/** Small random datasets with some exact zeros (like MNIST pixels) for trainer tests. */
final class TinyData {
  private TinyData() {}

  static Dataset make(int count, int inputs, int classes, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[count][inputs];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < inputs; j++) {
        x[i][j] = r.nextDouble() < 0.4 ? 0 : r.nextInt(256) / 255.0;
      }
      labels[i] = r.nextInt(classes);
    }
    return Dataset.fromDense(x, labels);
  }
}
