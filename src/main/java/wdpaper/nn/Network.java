package wdpaper.nn;

import java.util.Arrays;
import java.util.Random;

/**
 * The parameters of a sigmoid feedforward network with layer sizes {@code sizes}, e.g. [784, 30, 10].
 * Layer {@code l} (0-based, l = 0 is the first hidden layer) has weights {@code w[l]}, an
 * {@code sizes[l+1] x sizes[l]} matrix stored row-major (w[l][k*nIn + j] joins input j to neuron k),
 * and biases {@code b[l]} of length {@code sizes[l+1]}. Mutable: trainers update it in place.
 */
public final class Network {
  final int[] sizes;
  final double[][] w;
  final double[][] b;

  Network(int[] sizes, double[][] w, double[][] b) {
    this.sizes = sizes.clone();
    this.w = w;
    this.b = b;
  }

  /**
   * Returns a network initialized as the book does: with one {@code new Random(seed)}, all biases first
   * (N(0,1), layer by layer), then all weights (N(0,1) for OLD, N(0,1/n_in) for NEW), row by row.
   */
  public static Network initialize(int[] sizes, Init init, long seed) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("a network needs at least 2 layer sizes, was " + Arrays.toString(sizes));
    }
    Random rng = new Random(seed);
    int layers = sizes.length - 1;
    double[][] b = new double[layers][];
    double[][] w = new double[layers][];
    for (int l = 0; l < layers; l++) {
      b[l] = new double[sizes[l + 1]];
      for (int k = 0; k < b[l].length; k++) {
        b[l][k] = rng.nextGaussian();
      }
    }
    for (int l = 0; l < layers; l++) {
      double std = init.weightStd(sizes[l]);
      w[l] = new double[sizes[l + 1] * sizes[l]];
      for (int i = 0; i < w[l].length; i++) {
        w[l][i] = rng.nextGaussian() * std;
      }
    }
    return new Network(sizes, w, b);
  }

  public int[] sizes() {
    return sizes.clone();
  }

  public int layers() {
    return w.length;
  }

  /** Copy of the weights of layer {@code l}, row-major {@code sizes[l+1] x sizes[l]}. */
  public double[] weights(int l) {
    return w[l].clone();
  }

  public double[] biases(int l) {
    return b[l].clone();
  }

  public Network copy() {
    double[][] w2 = new double[w.length][];
    double[][] b2 = new double[b.length][];
    for (int l = 0; l < w.length; l++) {
      w2[l] = w[l].clone();
      b2[l] = b[l].clone();
    }
    return new Network(sizes, w2, b2);
  }

  /** Total number of weights n_w (biases excluded). */
  public long weightCount() {
    long n = 0;
    for (double[] wl : w) {
      n += wl.length;
    }
    return n;
  }

  /** Largest absolute difference between any weight or bias of the two networks. */
  public double maxAbsDifference(Network other) {
    double d = 0;
    for (int l = 0; l < w.length; l++) {
      for (int i = 0; i < w[l].length; i++) {
        d = Math.max(d, Math.abs(w[l][i] - other.w[l][i]));
      }
      for (int i = 0; i < b[l].length; i++) {
        d = Math.max(d, Math.abs(b[l][i] - other.b[l][i]));
      }
    }
    return d;
  }

  @Override
  public String toString() {
    return "Network" + Arrays.toString(sizes) + " (" + weightCount() + " weights)";
  }
}
