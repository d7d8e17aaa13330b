package wdpaper.nn;

import wdpaper.data.Dataset;

/**
 * A plain, readable port of Nielsen's {@code network2.py} (cross-entropy cost, L2 regularization): backprop one
 * example at a time, mini-batch gradients summed, then
 * {@code w -> (1 - eta*lambda/n) w - (eta/m) sum_x nablaW_x} and {@code b -> b - (eta/m) sum_x nablaB_x}.
 * Slow on purpose; it is the oracle the fast {@link Trainer} is tested against. No instrumentation.
 */
public final class ReferenceTrainer {
  private ReferenceTrainer() {}

  /** Trains a freshly initialized network as {@code config} says and returns it. */
  public static Network train(TrainingConfig config, Dataset training) {
    Network net = Network.initialize(config.sizes(), config.init(), config.seed());
    int n = training.size();
    int m = config.miniBatchSize();
    int[] order = Shuffle.identity(n);
    java.util.Random rng = Shuffle.rng(config.seed());
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      Shuffle.shuffle(order, rng);
      for (int k = 0; k < n; k += m) {
        int[] batch = java.util.Arrays.copyOfRange(order, k, Math.min(k + m, n));
        updateMiniBatch(net, training, batch, config.eta(), config.lambda(), n, config.gradients());
      }
    }
    return net;
  }

  /** One SGD step on the examples {@code batch}; n is the size of the whole training set. */
  static void updateMiniBatch(Network net, Dataset data, int[] batch, double eta, double lambda, int n,
      boolean gradients) {
    int layers = net.layers();
    double[][] nablaB = new double[layers][];
    double[][] nablaW = new double[layers][];
    for (int l = 0; l < layers; l++) {
      nablaB[l] = new double[net.b[l].length];
      nablaW[l] = new double[net.w[l].length];
    }
    if (gradients) {
      for (int x : batch) {
        double[][][] delta = backprop(net, data.dense(x), data.label(x));
        for (int l = 0; l < layers; l++) {
          add(nablaB[l], delta[0][l]);
          add(nablaW[l], delta[1][l]);
        }
      }
    }
    double decay = 1 - eta * lambda / n;
    double step = eta / batch.length;
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < net.w[l].length; i++) {
        net.w[l][i] = decay * net.w[l][i] - step * nablaW[l][i];
      }
      for (int i = 0; i < net.b[l].length; i++) {
        net.b[l][i] = net.b[l][i] - step * nablaB[l][i];
      }
    }
  }

  /**
   * Returns {nablaB, nablaW}, the gradient of the cross-entropy cost C_x of one example (without the L2 term):
   * nablaB[l] has one entry per neuron of layer l, nablaW[l] is row-major like the weights.
   */
  public static double[][][] backprop(Network net, double[] x, int label) {
    int layers = net.layers();
    double[][] activations = new double[layers + 1][];
    activations[0] = x;
    for (int l = 0; l < layers; l++) {
      activations[l + 1] = sigmoidLayer(net, l, activations[l]);
    }
    double[][] nablaB = new double[layers][];
    double[][] nablaW = new double[layers][];
    // Output error for the cross-entropy cost: delta = a - y (no sigma' factor).
    double[] delta = activations[layers].clone();
    delta[label] -= 1.0;
    for (int l = layers - 1; l >= 0; l--) {
      nablaB[l] = delta;
      nablaW[l] = outer(delta, activations[l]);
      if (l > 0) {
        // delta^{l-1} = (W^l)^T delta^l * sigma'(z^{l-1}), with sigma'(z) = a (1 - a)
        int nIn = net.sizes[l];
        double[] previous = new double[nIn];
        for (int j = 0; j < nIn; j++) {
          double s = 0;
          for (int k = 0; k < delta.length; k++) {
            s += net.w[l][k * nIn + j] * delta[k];
          }
          double a = activations[l][j];
          previous[j] = s * a * (1 - a);
        }
        delta = previous;
      }
    }
    return new double[][][] {nablaB, nablaW};
  }

  /** Returns the cross-entropy cost C_x of one example (no L2 term). */
  public static double cost(Network net, double[] x, int label) {
    double[] a = x;
    for (int l = 0; l < net.layers() - 1; l++) {
      a = sigmoidLayer(net, l, a);
    }
    double[] z = weightedInput(net, net.layers() - 1, a);
    double c = 0;
    for (int k = 0; k < z.length; k++) {
      c += Sigmoid.crossEntropy(z[k], k == label ? 1.0 : 0.0);
    }
    return c;
  }

  static double[] sigmoidLayer(Network net, int l, double[] input) {
    double[] z = weightedInput(net, l, input);
    for (int k = 0; k < z.length; k++) {
      z[k] = Sigmoid.of(z[k]);
    }
    return z;
  }

  /** z = W a + b for layer l. */
  static double[] weightedInput(Network net, int l, double[] a) {
    int nIn = net.sizes[l];
    int nOut = net.sizes[l + 1];
    double[] z = new double[nOut];
    for (int k = 0; k < nOut; k++) {
      double s = net.b[l][k];
      for (int j = 0; j < nIn; j++) {
        s += net.w[l][k * nIn + j] * a[j];
      }
      z[k] = s;
    }
    return z;
  }

  private static double[] outer(double[] delta, double[] a) {
    double[] r = new double[delta.length * a.length];
    for (int k = 0; k < delta.length; k++) {
      for (int j = 0; j < a.length; j++) {
        r[k * a.length + j] = delta[k] * a[j];
      }
    }
    return r;
  }

  private static void add(double[] target, double[] v) {
    for (int i = 0; i < v.length; i++) {
      target[i] += v[i];
    }
  }
}
