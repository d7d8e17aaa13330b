package wdpaper.nn;

/**
 * The inner loops of {@link Trainer}. Every row they touch is padded to a multiple of {@link #LANES} doubles (the
 * padding stays exactly zero), and every operation is element-wise: each lane k sees the same multiplications and
 * additions in the same order whichever implementation runs, so {@link ScalarKernel} and {@link VectorKernel} give
 * bit-identical results (a test checks it) and the choice changes only the speed.
 */
abstract class Kernel {
  /** Row lengths are padded to a multiple of this. */
  static final int LANES = 4;

  private static final String INCUBATOR = "jdk.incubator.vector";

  /** Returns n rounded up to a multiple of {@link #LANES}. */
  static int padded(int n) {
    return (n + LANES - 1) / LANES * LANES;
  }

  /**
   * A new instance (kernels hold scratch space, so each trainer gets its own) of the kernel this JVM runs fastest:
   * the Vector API one when the JVM was started with {@code --add-modules jdk.incubator.vector}, else the scalar one.
   * The system property {@code wdpaper.kernel} (auto, scalar, vector) overrides the choice.
   */
  static Kernel best() {
    return choose(System.getProperty("wdpaper.kernel", "auto"));
  }

  static Kernel choose(String which) {
    boolean vectorAvailable = ModuleLayer.boot().findModule(INCUBATOR).isPresent();
    switch (which) {
      case "scalar":
        return new ScalarKernel();
      case "vector":
        if (!vectorAvailable) {
          throw new IllegalStateException("-Dwdpaper.kernel=vector needs the JVM option --add-modules " + INCUBATOR);
        }
        return VectorKernelLoader.load();
      case "auto":
        if (vectorAvailable) {
          Kernel k = VectorKernelLoader.load();
          if (k != null) {
            return k;
          }
        }
        return new ScalarKernel();
      default:
        throw new IllegalStateException("-Dwdpaper.kernel must be auto, scalar or vector, was '" + which + "'");
    }
  }

  /** A short name for benchmarks and logs. */
  abstract String name();

  /**
   * z = b + sum over q in [from, to) of val[q] * w[idx[q]], added in that order; lanes [0, len) of z are written.
   * Dense layers pass idx = 0, 1, 2, ... and val = the activations.
   */
  abstract void affine(double[] z, double[] b, double[][] w, int[] idx, double[] val, int from, int to, int len);

  /**
   * row = decay * row - step * g where g = sum over i in [from, to) of c[i] * d[e[i]] (added in that order):
   * one row of the SGD update {@code w -> (1 - eta*lambda/n) w - (eta/m) nablaW}, lanes [0, len).
   */
  abstract void decayAndSubtract(double[] row, double decay, double step, double[][] d, int[] e, double[] c, int from,
      int to, int len);

  /** row = decay * row over lanes [0, len). */
  abstract void scale(double[] row, double decay, int len);

  /** Loads {@link VectorKernel} by name so that its class is never linked when the incubator module is absent. */
  private static final class VectorKernelLoader {
    static Kernel load() {
      try {
        Kernel k = (Kernel) Class.forName("wdpaper.nn.VectorKernel").getDeclaredConstructor().newInstance();
        return k.name() == null ? null : k;
      } catch (ReflectiveOperationException | LinkageError e) {
        return null;
      }
    }
  }
}
