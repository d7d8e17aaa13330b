package wdpaper.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * MNIST split as in the book: training = first 50,000 images of the official training file,
 * validation = its last 10,000, test = the official 10,000. Other input variants ({@link InputVariant}) are
 * computed from it on first use and kept for the life of this object (one load, one pooling).
 */
public final class Mnist {
  public static final int TRAINING = 50_000;
  public static final int VALIDATION = 10_000;
  public static final int TEST = 10_000;

  private final Dataset training;
  private final Dataset validation;
  private final Dataset test;
  private final Map<String, String> checksums;
  private final Map<InputVariant, Mnist> variants = new EnumMap<>(InputVariant.class);

  public Mnist(Dataset training, Dataset validation, Dataset test, Map<String, String> checksums) {
    this.training = training;
    this.validation = validation;
    this.test = test;
    this.checksums = Map.copyOf(checksums);
  }

  public Dataset training() {
    return training;
  }

  public Dataset validation() {
    return validation;
  }

  public Dataset test() {
    return test;
  }

  /** SHA-256 of the four raw files, by file name. */
  public Map<String, String> checksums() {
    return checksums;
  }

  /** Reads and splits the four verified files. */
  public static Mnist load(Map<MnistFile, Path> files) {
    IdxReader.Images trainImages = IdxReader.readImages(files.get(MnistFile.TRAIN_IMAGES));
    int[] trainLabels = IdxReader.readLabels(files.get(MnistFile.TRAIN_LABELS));
    IdxReader.Images testImages = IdxReader.readImages(files.get(MnistFile.TEST_IMAGES));
    int[] testLabels = IdxReader.readLabels(files.get(MnistFile.TEST_LABELS));
    check(trainImages, trainLabels, TRAINING + VALIDATION, "training");
    check(testImages, testLabels, 10_000, "test");
    int px = trainImages.rows() * trainImages.cols();
    // straight from the files (mapped): no copy of the pixels
    Dataset training;
    Dataset validation;
    Dataset test;
    try {
      training = Dataset.fromPixels(trainImages.data(), 0, TRAINING, px, trainLabels, 0);
      validation = Dataset.fromPixels(trainImages.data(), TRAINING, VALIDATION, px, trainLabels, TRAINING);
      test = Dataset.fromPixels(testImages.data(), 0, testImages.count(), px, testLabels, 0);
    } catch (InternalError e) {
      // a mapped file cut short while it was read (the JVM turns the fault into this error)
      throw UserError.data(files.get(MnistFile.TRAIN_IMAGES).getParent() + ": an MNIST image file changed while it"
          + " was read; expected the files to stay as they are during a build");
    }
    Map<String, String> sums = new java.util.TreeMap<>();
    for (MnistFile f : MnistFile.values()) {
      sums.put(f.fileName(), f.sha256());
    }
    return new Mnist(training, validation, test, sums);
  }

  /** Provisions (see {@link MnistProvisioner}) and loads MNIST. */
  public static Mnist provisionAndLoad(java.nio.file.Path userDir, java.nio.file.Path cacheDir,
      java.util.function.Consumer<String> log) {
    return load(new MnistProvisioner(userDir, cacheDir, true, log).provision());
  }

  /** The quick-preview subset: the first {@code training} training and {@code validation} validation images. */
  public Mnist subset(int training, int validation) {
    return new Mnist(this.training.head(Math.min(training, this.training.size())),
        this.validation.head(Math.min(validation, this.validation.size())), test, checksums);
  }

  /**
   * The same split with the inputs of {@code variant} (training, validation and test alike), computed once per
   * load and shared; thread-safe. The data checksums stay those of the raw files: the variant is part of the spec.
   */
  public Mnist input(InputVariant variant) {
    if (variant == InputVariant.MNIST) {
      return this;
    }
    synchronized (variants) {
      return variants.computeIfAbsent(variant, v -> new Mnist(v.apply(training), v.apply(validation), v.apply(test),
          checksums));
    }
  }

  private static void check(IdxReader.Images images, int[] labels, int expected, String what) {
    if (images.count() != expected || labels.length != expected || images.rows() != 28 || images.cols() != 28) {
      throw wdpaper.project.UserError.data("MNIST " + what + " files hold " + images.count() + " images of "
          + images.rows() + "x" + images.cols() + " and " + labels.length + " labels, expected " + expected
          + " 28x28 images and labels");
    }
  }
}
