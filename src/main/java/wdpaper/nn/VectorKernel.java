package wdpaper.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link Kernel} written with the Vector API (JDK incubator module {@code jdk.incubator.vector}), four doubles
 * per vector. Rows are cut into blocks of up to four vectors (16 lanes; larger blocks defeat the JIT's inlining on JDK 17, and then every vector is boxed) whose sums stay in registers while the
 * loop runs over the inputs, so each weight is loaded once per use and each sum stored once. It uses separate
 * multiply and add (never a fused multiply-add), so every lane is rounded exactly as in {@link ScalarKernel}.
 */
final class VectorKernel extends Kernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  VectorKernel() {
    if (S.length() != LANES) {
      throw new IllegalStateException("expected " + LANES + " lanes, got " + S.length());
    }
  }

  @Override
  String name() {
    // Without 256-bit vector hardware the API still works, only slowly: then prefer the scalar loops.
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256 ? "vector" : null;
  }

  @Override
  void affine(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to, int len) {
    int k = 0;
    for (; k + 16 <= len; k += 16) {
      affine4(z, b, w, idx, val, from, to, k);
    }
    for (; k < len; k += 4) {
      affine1(z, b, w, idx, val, from, to, k);
    }
  }

  private static void affine4(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to,
      int k) {
    DoubleVector a0 = DoubleVector.fromArray(S, b, k);
    DoubleVector a1 = DoubleVector.fromArray(S, b, k + 4);
    DoubleVector a2 = DoubleVector.fromArray(S, b, k + 8);
    DoubleVector a3 = DoubleVector.fromArray(S, b, k + 12);
    for (int q = from; q < to; q++) {
      double[] row = w[idx[q]];
      DoubleVector c = DoubleVector.broadcast(S, val[q]);
      a0 = a0.add(c.mul(DoubleVector.fromArray(S, row, k)));
      a1 = a1.add(c.mul(DoubleVector.fromArray(S, row, k + 4)));
      a2 = a2.add(c.mul(DoubleVector.fromArray(S, row, k + 8)));
      a3 = a3.add(c.mul(DoubleVector.fromArray(S, row, k + 12)));
    }
    a0.intoArray(z, k);
    a1.intoArray(z, k + 4);
    a2.intoArray(z, k + 8);
    a3.intoArray(z, k + 12);
  }

  private static void affine1(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to,
      int k) {
    DoubleVector a0 = DoubleVector.fromArray(S, b, k);
    for (int q = from; q < to; q++) {
      a0 = a0.add(DoubleVector.broadcast(S, val[q]).mul(DoubleVector.fromArray(S, w[idx[q]], k)));
    }
    a0.intoArray(z, k);
  }

  @Override
  void decayAndSubtract(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from, int to,
      int len) {
    int k = 0;
    for (; k + 16 <= len; k += 16) {
      update4(row, decay, step, d, e, c, from, to, k);
    }
    for (; k < len; k += 4) {
      update1(row, decay, step, d, e, c, from, to, k);
    }
  }

  private static void update4(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from,
      int to, int k) {
    DoubleVector g0 = DoubleVector.zero(S);
    DoubleVector g1 = g0;
    DoubleVector g2 = g0;
    DoubleVector g3 = g0;
    for (int i = from; i < to; i++) {
      double[] di = d[e[i]];
      DoubleVector ci = DoubleVector.broadcast(S, c[i]);
      g0 = g0.add(ci.mul(DoubleVector.fromArray(S, di, k)));
      g1 = g1.add(ci.mul(DoubleVector.fromArray(S, di, k + 4)));
      g2 = g2.add(ci.mul(DoubleVector.fromArray(S, di, k + 8)));
      g3 = g3.add(ci.mul(DoubleVector.fromArray(S, di, k + 12)));
    }
    store(row, decay, step, g0, k);
    store(row, decay, step, g1, k + 4);
    store(row, decay, step, g2, k + 8);
    store(row, decay, step, g3, k + 12);
  }

  private static void update1(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from,
      int to, int k) {
    DoubleVector g0 = DoubleVector.zero(S);
    for (int i = from; i < to; i++) {
      g0 = g0.add(DoubleVector.broadcast(S, c[i]).mul(DoubleVector.fromArray(S, d[e[i]], k)));
    }
    store(row, decay, step, g0, k);
  }

  /** row[k..k+4) = decay * row - step * g. */
  private static void store(double[] row, double decay, double step, DoubleVector g, int k) {
    DoubleVector.fromArray(S, row, k).mul(decay).sub(g.mul(step)).intoArray(row, k);
  }

  @Override
  void scale(double[] row, double decay, int len) {
    for (int k = 0; k < len; k += 4) {
      DoubleVector.fromArray(S, row, k).mul(decay).intoArray(row, k);
    }
  }
}
