package wdpaper.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import wdpaper.data.Dataset;

/**
 * The book's algorithm written with matrices (EJML), as Nielsen's {@code network2.py} with the cross-entropy cost
 * and L2 regularization: backprop one example at a time, the mini-batch's gradients summed, then
 * {@code w = (1 - eta*lambda/n) w - (eta/m) sum_x nablaW_x} and {@code b = b - (eta/m) sum_x nablaB_x}.
 * Slow on purpose; it is the oracle the fast {@link Trainer} is tested against, including its measurements:
 * {@link #trainMeasured} computes the decay/gradient split of every epoch from its definitions, step by step.
 *
 * <p>Matrices: W^l is sizes[l+1] x sizes[l] (a view of {@link Network#w}), activations, biases and errors are
 * column vectors.
 */
public final class ReferenceTrainer {
  private ReferenceTrainer() {}

  /**
   * What the definitions give for one layer over one epoch, with a = 1 - eta*lambda/n, w_{t+1} = a w_t - g_t and
   * g_t = (eta/m) sum_x nablaW_x (t over the epoch's steps).
   *
   * @param decayPart D = sum_t (a - 1) w_t, row-major like the weights
   * @param gradientPart G = -sum_t g_t
   * @param change w_end - w_start (= D + G)
   * @param normSqDecay sum_t (a^2 - 1) ||w_t||^2
   * @param normSqDrift sum_t -2a w_t . g_t
   * @param normSqDiffusion sum_t ||g_t||^2
   * @param meanStepDecay mean_t ||(1 - a) w_t||
   * @param meanStepGradient mean_t ||g_t||
   * @param meanRelativeStep mean_t ||g_t|| / ||w_t||
   * @param cosInit cosine between w_end and the initial weights w_0 of the run
   */
  public record LayerSplit(double[] decayPart, double[] gradientPart, double[] change, double normSqDecay,
      double normSqDrift, double normSqDiffusion, double meanStepDecay, double meanStepGradient,
      double meanRelativeStep, double cosInit) {}

  /** Trains a freshly initialized network as {@code spec} says and returns it. */
  public static Network train(RunSpec spec, Dataset training) {
    Network net = Network.initialize(spec.layerSizes(), spec.initKind(), spec.seed());
    run(net, spec, training, null);
    return net;
  }

  /** Trains as {@link #train} and returns, per epoch (index 0 = epoch 1) and layer, the split from its definitions. */
  public static List<List<LayerSplit>> trainMeasured(RunSpec spec, Dataset training) {
    Network net = Network.initialize(spec.layerSizes(), spec.initKind(), spec.seed());
    List<List<LayerSplit>> out = new ArrayList<>();
    run(net, spec, training, out);
    return out;
  }

  private static void run(Network net, RunSpec spec, Dataset training, List<List<LayerSplit>> measured) {
    int n = training.size();
    int m = spec.miniBatchSize();
    int layers = net.layers();
    double a = 1 - spec.eta() * spec.lambda() / n;
    int[] order = Shuffle.identity(n);
    Random rng = Shuffle.rng(spec.seed());
    DMatrixRMaj[] w0 = new DMatrixRMaj[layers];
    for (int l = 0; l < layers; l++) {
      w0[l] = weights(net, l).copy();
    }
    for (int epoch = 0; epoch < spec.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      Meter meter = measured == null ? null : new Meter(net, a);
      for (int k = 0; k < n; k += m) {
        int[] batch = java.util.Arrays.copyOfRange(order, k, Math.min(k + m, n));
        updateMiniBatch(net, training, batch, spec.eta(), spec.lambda(), n, spec.gradients(), meter);
      }
      if (meter != null) {
        measured.add(meter.finish(net, w0));
      }
    }
  }

  /** Layer l's weights W^l as a matrix (a view: changing it changes the network). */
  static DMatrixRMaj weights(Network net, int l) {
    return DMatrixRMaj.wrap(net.sizes[l + 1], net.sizes[l], net.w[l]);
  }

  /** Layer l's biases b^l as a column vector (a view). */
  static DMatrixRMaj biases(Network net, int l) {
    return DMatrixRMaj.wrap(net.sizes[l + 1], 1, net.b[l]);
  }

  /**
   * One SGD step on the examples {@code batch}; n is the size of the whole training set. With a meter, the step is
   * also measured from its definitions before the weights change.
   */
  static void updateMiniBatch(Network net, Dataset data, int[] batch, double eta, double lambda, int n,
      boolean gradients, Meter meter) {
    int layers = net.layers();
    DMatrixRMaj[] nablaW = new DMatrixRMaj[layers];
    DMatrixRMaj[] nablaB = new DMatrixRMaj[layers];
    for (int l = 0; l < layers; l++) {
      nablaW[l] = new DMatrixRMaj(net.sizes[l + 1], net.sizes[l]);
      nablaB[l] = new DMatrixRMaj(net.sizes[l + 1], 1);
    }
    if (gradients) {
      for (int x : batch) {
        // nablaW = sum_x nablaW_x, nablaB = sum_x nablaB_x
        Gradient g = backpropagate(net, column(data.dense(x)), data.label(x));
        for (int l = 0; l < layers; l++) {
          CommonOps_DDRM.addEquals(nablaW[l], g.nablaW[l]);
          CommonOps_DDRM.addEquals(nablaB[l], g.nablaB[l]);
        }
      }
    }
    double decay = 1 - eta * lambda / n;
    double step = eta / batch.length;
    if (meter != null) {
      meter.step(net, nablaW, step);
    }
    for (int l = 0; l < layers; l++) {
      DMatrixRMaj w = weights(net, l);
      DMatrixRMaj b = biases(net, l);
      // w = (1 - eta*lambda/n) w - (eta/m) nablaW
      CommonOps_DDRM.add(decay, w, -step, nablaW[l], w);
      // b = b - (eta/m) nablaB
      CommonOps_DDRM.add(b, -step, nablaB[l], b);
    }
  }

  /** The gradient of the cost C_x of one example, per layer. */
  record Gradient(DMatrixRMaj[] nablaW, DMatrixRMaj[] nablaB) {}

  /**
   * Returns {nablaB, nablaW}, the gradient of the cross-entropy cost C_x of one example (without the L2 term):
   * nablaB[l] has one entry per neuron of layer l, nablaW[l] is row-major like the weights.
   */
  public static double[][][] backprop(Network net, double[] x, int label) {
    Gradient g = backpropagate(net, column(x), label);
    double[][][] r = new double[2][net.layers()][];
    for (int l = 0; l < net.layers(); l++) {
      r[0][l] = g.nablaB[l].data;
      r[1][l] = g.nablaW[l].data;
    }
    return r;
  }

  private static Gradient backpropagate(Network net, DMatrixRMaj x, int label) {
    int layers = net.layers();
    // forward: a^0 = x, a^{l+1} = sigma(W^l a^l + b^l)
    DMatrixRMaj[] a = new DMatrixRMaj[layers + 1];
    a[0] = x;
    for (int l = 0; l < layers; l++) {
      a[l + 1] = sigma(weightedInput(net, l, a[l]));
    }
    DMatrixRMaj[] nablaW = new DMatrixRMaj[layers];
    DMatrixRMaj[] nablaB = new DMatrixRMaj[layers];
    // output error for the cross-entropy cost: delta^L = a^L - y (no sigma' factor)
    DMatrixRMaj delta = a[layers].copy();
    delta.data[label] -= 1.0;
    for (int l = layers - 1; l >= 0; l--) {
      // nablaB^l = delta^l, nablaW^l = delta^l (a^l)^T
      nablaB[l] = delta;
      nablaW[l] = new DMatrixRMaj(net.sizes[l + 1], net.sizes[l]);
      CommonOps_DDRM.multTransB(delta, a[l], nablaW[l]);
      if (l > 0) {
        // delta^{l-1} = (W^l)^T delta^l * sigma'(z^{l-1}), with sigma'(z) = a (1 - a)
        DMatrixRMaj previous = new DMatrixRMaj(net.sizes[l], 1);
        CommonOps_DDRM.multTransA(weights(net, l), delta, previous);
        DMatrixRMaj sigmaPrime = new DMatrixRMaj(net.sizes[l], 1);
        CommonOps_DDRM.subtract(1.0, a[l], sigmaPrime);
        CommonOps_DDRM.elementMult(sigmaPrime, a[l]);
        CommonOps_DDRM.elementMult(previous, sigmaPrime);
        delta = previous;
      }
    }
    return new Gradient(nablaW, nablaB);
  }

  /** Returns the cross-entropy cost C_x of one example (no L2 term). */
  public static double cost(Network net, double[] x, int label) {
    DMatrixRMaj a = column(x);
    for (int l = 0; l < net.layers() - 1; l++) {
      a = sigma(weightedInput(net, l, a));
    }
    DMatrixRMaj z = weightedInput(net, net.layers() - 1, a);
    double c = 0;
    for (int k = 0; k < z.numRows; k++) {
      c += Sigmoid.crossEntropy(z.data[k], k == label ? 1.0 : 0.0);
    }
    return c;
  }

  /** z = W^l a + b^l. */
  static DMatrixRMaj weightedInput(Network net, int l, DMatrixRMaj a) {
    DMatrixRMaj z = new DMatrixRMaj(net.sizes[l + 1], 1);
    CommonOps_DDRM.mult(weights(net, l), a, z);
    CommonOps_DDRM.addEquals(z, biases(net, l));
    return z;
  }

  /** sigma(z), element-wise, in a new vector. */
  private static DMatrixRMaj sigma(DMatrixRMaj z) {
    DMatrixRMaj s = new DMatrixRMaj(z.numRows, 1);
    for (int k = 0; k < z.numRows; k++) {
      s.data[k] = Sigmoid.of(z.data[k]);
    }
    return s;
  }

  /** The Frobenius inner product A . B = vec(A) . vec(B). */
  static double inner(DMatrixRMaj a, DMatrixRMaj b) {
    return CommonOps_DDRM.dot(DMatrixRMaj.wrap(a.getNumElements(), 1, a.data),
        DMatrixRMaj.wrap(b.getNumElements(), 1, b.data));
  }

  private static DMatrixRMaj column(double[] x) {
    return DMatrixRMaj.wrap(x.length, 1, x.clone());
  }

  /** The split of one epoch, accumulated step by step from the definitions. */
  static final class Meter {
    private final double a;
    private final DMatrixRMaj[] start;
    private final DMatrixRMaj[] decayPart;
    private final DMatrixRMaj[] gradientPart;
    private final double[] normSqDecay;
    private final double[] drift;
    private final double[] diffusion;
    private final double[] stepDecay;
    private final double[] stepGradient;
    private final double[] relativeStep;
    private int steps;

    Meter(Network net, double a) {
      this.a = a;
      int layers = net.layers();
      start = new DMatrixRMaj[layers];
      decayPart = new DMatrixRMaj[layers];
      gradientPart = new DMatrixRMaj[layers];
      for (int l = 0; l < layers; l++) {
        start[l] = weights(net, l).copy();
        decayPart[l] = new DMatrixRMaj(net.sizes[l + 1], net.sizes[l]);
        gradientPart[l] = new DMatrixRMaj(net.sizes[l + 1], net.sizes[l]);
      }
      normSqDecay = new double[layers];
      drift = new double[layers];
      diffusion = new double[layers];
      stepDecay = new double[layers];
      stepGradient = new double[layers];
      relativeStep = new double[layers];
    }

    /** Step t, before the weights change: w_t is the network now, g_t = step * nablaW. */
    void step(Network net, DMatrixRMaj[] nablaW, double step) {
      for (int l = 0; l < net.layers(); l++) {
        DMatrixRMaj w = weights(net, l);
        DMatrixRMaj g = new DMatrixRMaj(nablaW[l]);
        CommonOps_DDRM.scale(step, g);
        // D = D + (a - 1) w_t ; G = G - g_t
        CommonOps_DDRM.addEquals(decayPart[l], a - 1, w);
        CommonOps_DDRM.addEquals(gradientPart[l], -1, g);
        double wSq = inner(w, w);
        double gSq = inner(g, g);
        // ||w_{t+1}||^2 - ||w_t||^2 = (a^2 - 1) ||w_t||^2 - 2a w_t . g_t + ||g_t||^2
        normSqDecay[l] += (a * a - 1) * wSq;
        drift[l] += -2 * a * inner(w, g);
        diffusion[l] += gSq;
        stepDecay[l] += (1 - a) * Math.sqrt(wSq);
        stepGradient[l] += Math.sqrt(gSq);
        relativeStep[l] += Math.sqrt(gSq) / Math.sqrt(wSq);
      }
      steps++;
    }

    List<LayerSplit> finish(Network net, DMatrixRMaj[] w0) {
      List<LayerSplit> r = new ArrayList<>();
      for (int l = 0; l < net.layers(); l++) {
        DMatrixRMaj w = weights(net, l);
        DMatrixRMaj change = new DMatrixRMaj(w.numRows, w.numCols);
        CommonOps_DDRM.subtract(w, start[l], change);
        double cos = inner(w, w0[l]) / (NormOps_DDRM.normF(w) * NormOps_DDRM.normF(w0[l]));
        r.add(new LayerSplit(decayPart[l].data.clone(), gradientPart[l].data.clone(), change.data, normSqDecay[l],
            drift[l], diffusion[l], stepDecay[l] / steps, stepGradient[l] / steps, relativeStep[l] / steps, cos));
      }
      return r;
    }
  }
}
