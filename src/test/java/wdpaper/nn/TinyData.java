package wdpaper.nn;

import java.util.Random;
import wdpaper.data.Dataset;

/** Small random datasets with some exact zeros (like MNIST pixels) for trainer tests. */
final class TinyData {
  private TinyData() {}

  /** A spec for the tiny networks of the tests: the given sizes and hyperparameters, instrumented. */
  static RunSpec spec(int[] sizes, Init init, double eta, double lambda, int m, int epochs, long seed) {
    return RunSpec.builder().sizes(sizes).init(init).eta(eta).lambda(lambda).miniBatchSize(m).epochs(epochs).seed(seed)
        .instrument(true).build();
  }

  static Dataset make(int count, int inputs, int classes, long seed) {
    return make(count, inputs, classes, seed, 0.4);
  }

  /**
   * As MNIST: a fraction {@code zeros} of the inputs are 0, and the first two inputs are always 0 (the border
   * pixels), so some first-layer rows sit unused for several mini-batches and are decayed lazily.
   */
  static Dataset make(int count, int inputs, int classes, long seed, double zeros) {
    Random r = new Random(seed);
    double[][] x = new double[count][inputs];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < inputs; j++) {
        x[i][j] = j < 2 || r.nextDouble() < zeros ? 0 : r.nextInt(256) / 255.0;
      }
      labels[i] = r.nextInt(classes);
    }
    return Dataset.fromDense(x, labels);
  }
}
