package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import wdpaper.data.Dataset;
import wdpaper.project.Json;

/**
 * The Vector API kernel and the scalar one compute the same numbers bit for bit, so the choice (which depends only on
 * a JVM option) never changes a result. The tests run with {@code --add-modules jdk.incubator.vector} (pom.xml).
 */
class KernelTest {
  private final Kernel scalar = Kernel.choose("scalar");
  private final Kernel vector = Kernel.choose("vector");

  @Test
  void theVectorKernelIsAvailableInTests() {
    assertThat(vector.name()).isEqualTo("vector");
    assertThat(Kernel.best().name()).isEqualTo("vector");
    assertThat(scalar.name()).isEqualTo("scalar");
    assertThatThrownBy(() -> Kernel.choose("simd")).hasMessageContaining("auto, scalar or vector")
        .hasMessageContaining("'simd'");
  }

  @Test
  void paddingRoundsUpToWholeVectors() {
    assertThat(Kernel.padded(1)).isEqualTo(4);
    assertThat(Kernel.padded(4)).isEqualTo(4);
    assertThat(Kernel.padded(30)).isEqualTo(32);
    assertThat(Kernel.padded(100)).isEqualTo(100);
  }

  /** Many lengths (every block size of the vector kernel) and enough repetitions for the JIT to compile both. */
  @Test
  void kernelsAgreeBitForBit() {
    Random r = new Random(7);
    int inputs = 40;
    for (int rep = 0; rep < 400; rep++) {
      int len = Kernel.padded(1 + r.nextInt(110));
      double[][] w = new double[inputs][len];
      for (double[] row : w) {
        for (int k = 0; k < len; k++) {
          row[k] = r.nextGaussian();
        }
      }
      double[] b = gaussian(r, len);
      int nnz = 1 + r.nextInt(inputs);
      int[] idx = new int[nnz];
      double[] val = new double[nnz];
      for (int q = 0; q < nnz; q++) {
        idx[q] = r.nextInt(inputs);
        val[q] = r.nextDouble();
      }
      double[] z1 = new double[len];
      double[] z2 = new double[len];
      scalar.affine(z1, b, w, idx, val, 0, nnz, len);
      vector.affine(z2, b, w, idx, val, 0, nnz, len);
      assertThat(z2).as("affine, len %d", len).isEqualTo(z1);

      double[][] d = new double[10][];
      for (int e = 0; e < d.length; e++) {
        d[e] = gaussian(r, len);
      }
      int[] ex = {0, 3, 4, 7, 9};
      double[] c = gaussian(r, ex.length);
      double[] row1 = gaussian(r, len);
      double[] row2 = row1.clone();
      scalar.decayAndSubtract(row1, 0.99999, 0.01, d, ex, c, 1, ex.length, len);
      vector.decayAndSubtract(row2, 0.99999, 0.01, d, ex, c, 1, ex.length, len);
      assertThat(row2).as("decayAndSubtract, len %d", len).isEqualTo(row1);
      scalar.scale(row1, 0.999, len);
      vector.scale(row2, 0.999, len);
      assertThat(row2).as("scale, len %d", len).isEqualTo(row1);
    }
  }

  /** Whole runs, instrumented, with both kernels: identical metrics, histograms and final accuracy. */
  @Test
  void trainingIsTheSameWithEitherKernel() {
    Dataset train = TinyData.make(203, 37, 10, 1);
    Dataset valid = TinyData.make(50, 37, 10, 2);
    for (int[] sizes : new int[][] {{37, 30, 10}, {37, 9, 5, 10}}) {
      TrainingConfig cfg = new TrainingConfig(sizes, Init.OLD, 0.5, 5.0, 10, 3, 9, true, true, 2, new int[] {0, 3},
          50, 100);
      String a = Json.write(Trainer.train(cfg, train, valid, valid, null, scalar));
      String b = Json.write(Trainer.train(cfg, train, valid, valid, null, vector));
      assertThat(b).isEqualTo(a);
    }
  }

  private static double[] gaussian(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }
}
