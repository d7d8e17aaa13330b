package wdpaper.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReferenceTrainerTest {

  /** Backprop against central finite differences of C_x on a 2-3-2 and a 4-5-3-3 network. */
  @Test
  void backpropMatchesFiniteDifferences() {
    for (int[] sizes : new int[][] {{2, 3, 2}, {4, 5, 3, 3}}) {
      Network net = Network.initialize(sizes, Init.OLD, 7);
      Random r = new Random(3);
      double[] x = new double[sizes[0]];
      for (int j = 0; j < x.length; j++) {
        x[j] = r.nextDouble();
      }
      int label = 1;
      double[][][] grad = ReferenceTrainer.backprop(net, x, label);
      double h = 1e-6;
      int checked = 0;
      for (int l = 0; l < net.layers(); l++) {
        for (int i = 0; i < net.w[l].length; i++) {
          double keep = net.w[l][i];
          net.w[l][i] = keep + h;
          double plus = ReferenceTrainer.cost(net, x, label);
          net.w[l][i] = keep - h;
          double minus = ReferenceTrainer.cost(net, x, label);
          net.w[l][i] = keep;
          assertThat(grad[1][l][i]).as("dC/dw layer %d index %d", l, i).isCloseTo((plus - minus) / (2 * h), within(1e-7));
          checked++;
        }
        for (int k = 0; k < net.b[l].length; k++) {
          double keep = net.b[l][k];
          net.b[l][k] = keep + h;
          double plus = ReferenceTrainer.cost(net, x, label);
          net.b[l][k] = keep - h;
          double minus = ReferenceTrainer.cost(net, x, label);
          net.b[l][k] = keep;
          assertThat(grad[0][l][k]).as("dC/db layer %d index %d", l, k).isCloseTo((plus - minus) / (2 * h), within(1e-7));
          checked++;
        }
      }
      assertThat(checked).isGreaterThan(10);
    }
  }

  @Test
  void pureDecayShrinksWeightsByTheExactFactorAndLeavesBiases() {
    var data = TinyData.make(40, 6, 3, 11);
    RunSpec cfg = TinyData.spec(new int[] {6, 4, 3}, Init.OLD, 0.5, 2.0, 10, 3, 5).toBuilder().gradients(false).build();
    Network start = Network.initialize(cfg.layerSizes(), cfg.initKind(), cfg.seed());
    Network end = ReferenceTrainer.train(cfg, data);
    double factor = Math.pow(1 - 0.5 * 2.0 / 40, 3 * 4);
    for (int l = 0; l < 2; l++) {
      for (int i = 0; i < start.w[l].length; i++) {
        assertThat(end.w[l][i]).isCloseTo(start.w[l][i] * factor, within(1e-14));
      }
      assertThat(end.b[l]).containsExactly(start.b[l], within(0.0));
    }
  }

  @Test
  void crossEntropyIsFiniteForSaturatedNeurons() {
    assertThat(Sigmoid.crossEntropy(800, 0)).isCloseTo(800, within(1e-9));
    assertThat(Sigmoid.crossEntropy(-800, 1)).isCloseTo(800, within(1e-9));
    assertThat(Sigmoid.crossEntropy(0, 1)).isCloseTo(Math.log(2), within(1e-15));
  }
}
