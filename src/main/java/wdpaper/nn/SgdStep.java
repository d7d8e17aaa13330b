package wdpaper.nn;

import java.util.Arrays;

/**
 * One SGD step with L2 decay, {@code w = (1 - eta*lambda/n) w - (eta/m) sum_x delta_x a_x^T} and
 * {@code b = b - (eta/m) sum_x delta_x}, one row (input) at a time, the sum over x in example order as the
 * reference accumulates nablaW.
 *
 * <p>Lazy decay of the first layer: a row that no example of the mini-batch uses only decays, so it is left alone
 * and remembers the step it is current at ({@code lastDecayed}); when it is next used (or read) it is multiplied
 * once by a^k, k the steps it missed, from a table built by repeated multiplication (equal, up to rounding, to k
 * multiplications: the fast-vs-reference test holds it to 1e-12).
 */
final class SgdStep {
  final double decay;
  private final Layers net;
  private final double eta;
  private final boolean gradients;
  private final int[] lastDecayed;
  private final double[] decayPower;
  private final double[] column;
  private final double[] gradientRow;
  private final double[] nablaB;
  private final int[] identity;
  /** steps taken so far in this run */
  int stepCount;
  /** the decay/gradient split, fed by every update and catch-up; null when not instrumented */
  private SplitMeter meter;

  /** n is the training set size. */
  SgdStep(Layers net, RunSpec spec, int n) {
    this.net = net;
    this.eta = spec.eta();
    this.gradients = spec.gradients();
    this.decay = 1 - spec.eta() * spec.lambda() / n;
    int m = spec.miniBatchSize();
    lastDecayed = new int[net.sizes[0]];
    decayPower = new double[(n + m - 1) / m + 1];
    decayPower[0] = 1;
    for (int k = 1; k < decayPower.length; k++) {
      decayPower[k] = decayPower[k - 1] * decay;
    }
    column = new double[m];
    int widest = Arrays.stream(net.padded).max().orElseThrow();
    gradientRow = new double[widest];
    nablaB = new double[widest];
    identity = new int[Math.max(m, widest)];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
  }

  /** Feeds every update to {@code meter} from now on. */
  void measureWith(SplitMeter meter) {
    this.meter = meter;
  }

  /** Brings first-layer row j up to date with the decay of the steps it missed. */
  void catchUp(int j) {
    int lag = stepCount - lastDecayed[j];
    if (lag > 0) {
      Kernel.scale(net.wT[0][j], decayPower[lag], net.padded[1]);
      lastDecayed[j] = stepCount;
    }
  }

  /** Brings every first-layer row up to date (before the weights are read). */
  void catchUpAll() {
    for (int j = 0; j < net.sizes[0]; j++) {
      catchUp(j);
    }
  }

  /** Brings the rows the batch will read up to date (before its forward pass). */
  void catchUpUsed(Batch batch) {
    for (int j = 0; j < net.sizes[0]; j++) {
      if (batch.uses(j)) {
        catchUp(j);
      }
    }
  }

  /**
   * Applies the step of the propagated batch (or pure decay if gradients are off). Returns false if the weights
   * stopped being finite (only checked when measured).
   */
  boolean apply(Batch batch, Backprop bp) {
    double step = eta / batch.count;
    boolean finite = true;
    for (int l = 0; l < net.layers; l++) {
      double[][] w = net.wT[l];
      int len = net.padded[l + 1];
      if (meter != null) {
        meter.beginLayer();
      }
      if (!gradients) {
        // w = (1 - eta*lambda/n) w (the first layer lazily, see catchUp)
        if (l > 0) {
          for (double[] row : w) {
            Kernel.scale(row, decay, len);
          }
        }
        finite &= meter == null || meter.endLayer(l, null, batch.count, step);
        continue;
      }
      if (l == 0) {
        // rows no example uses are only decayed, and that waits until they are next used (catchUp)
        for (int j = 0; j < w.length; j++) {
          if (batch.uses(j)) {
            update(w[j], step, bp.delta[0], batch.example, batch.value, batch.start[j], batch.start[j + 1], len,
                l, j);
            lastDecayed[j] = stepCount + 1;
          }
        }
      } else {
        for (int j = 0; j < w.length; j++) {
          for (int e = 0; e < batch.count; e++) {
            column[e] = bp.a[l][e][j];
          }
          update(w[j], step, bp.delta[l], identity, column, 0, batch.count, len, l, j);
        }
      }
      finite &= meter == null || meter.endLayer(l, bp, batch.count, step);
      // b = b - (eta/m) sum_x delta_x
      int nOut = net.sizes[l + 1];
      Arrays.fill(nablaB, 0);
      for (int e = 0; e < batch.count; e++) {
        double[] d = bp.delta[l][e];
        for (int k = 0; k < nOut; k++) {
          nablaB[k] += d[k];
        }
      }
      double[] bl = net.b[l];
      for (int k = 0; k < nOut; k++) {
        bl[k] = bl[k] - step * nablaB[k];
      }
    }
    stepCount++;
    return finite;
  }

  /** row j of layer l: w = (1 - eta*lambda/n) w - step sum_i c_i delta_{e_i}, measured if instrumented. */
  private void update(double[] row, double step, double[][] delta, int[] e, double[] c, int from, int to, int len,
      int l, int j) {
    if (meter != null) {
      Kernel.decayAndSubtractMeasured(row, decay, step, delta, e, c, from, to, len, gradientRow, meter.sumG[l][j],
          meter.gg);
    } else {
      Kernel.decayAndSubtract(row, decay, step, delta, e, c, from, to, len, gradientRow);
    }
  }
}
