package wdpaper.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The inputs a run can train on: MNIST as it is, or downsampled (a second way to vary n_in). */
public enum InputVariant {
  /** The 28x28 = 784 pixels. */
  MNIST("mnist", 784),
  /** 2x2 mean pooling to 14x14 = 196 inputs, each the mean of four pixels (still in [0,1]). */
  MNIST_14X14("mnist-14x14", 196);

  private final String id;
  private final int inputs;

  InputVariant(String id, int inputs) {
    this.id = id;
    this.inputs = inputs;
  }

  /** The name used in experiment files, e.g. "mnist-14x14". */
  public String id() {
    return id;
  }

  /** The number of inputs n_in. */
  public int inputs() {
    return inputs;
  }

  /** The variant named {@code id}, if there is one. */
  public static Optional<InputVariant> of(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }

  /** The names of all variants, for error messages. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(InputVariant::id).toList();
  }

  /** This variant of a 28x28 MNIST dataset. */
  Dataset apply(Dataset mnist) {
    return this == MNIST ? mnist : mnist.meanPool2x2(28);
  }
}
