package wdpaper.nn;

/** Weight initialization. Biases are N(0,1) in both cases, as in the book. */
public enum Init {
  /** The "old" initialization of chapter 1: weights N(0,1). */
  OLD,
  /** The "new" (default) initialization of chapter 3: weights N(0, 1/n_in). */
  NEW;

  /** Standard deviation of a weight feeding a neuron with {@code nIn} inputs. */
  public double weightStd(int nIn) {
    return this == OLD ? 1.0 : 1.0 / Math.sqrt(nIn);
  }
}
