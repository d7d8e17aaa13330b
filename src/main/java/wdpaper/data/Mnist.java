package wdpaper.data;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import wdpaper.project.UserError;

/**
 * MNIST split as in the book: training = first 50,000 images of the official training file,
 * validation = its last 10,000, test = the official 10,000. Each split is decoded from the raw files (mapped, not
 * copied) when it is first asked for, and only as far as asked: {@code training(2_500)} decodes the first 2,500
 * training images, a later {@code training(50_000)} all of them (the quick preview reads a few thousand images
 * and decodes no more). Other input variants ({@link InputVariant}) are computed from it the same way, on first use,
 * and kept for the life of this object. Thread-safe.
 */
public final class Mnist {
  public static final int TRAINING = 50_000;
  public static final int VALIDATION = 10_000;
  public static final int TEST = 10_000;

  private final Split training;
  private final Split validation;
  private final Split test;
  private final Map<String, String> checksums;
  private final Map<InputVariant, Mnist> variants = new EnumMap<>(InputVariant.class);

  /** Splits already decoded (tests, small data). */
  public Mnist(Dataset training, Dataset validation, Dataset test, Map<String, String> checksums) {
    this(Split.of(training), Split.of(validation), Split.of(test), checksums);
  }

  private Mnist(Split training, Split validation, Split test, Map<String, String> checksums) {
    this.training = training;
    this.validation = validation;
    this.test = test;
    this.checksums = Map.copyOf(checksums);
  }

  /** All training images. */
  public Dataset training() {
    return training.all();
  }

  /** All validation images. */
  public Dataset validation() {
    return validation.all();
  }

  /** All test images. */
  public Dataset test() {
    return test.all();
  }

  /** The first {@code n} training images. */
  public Dataset training(int n) {
    return training.head(n);
  }

  /** The first {@code n} validation images. */
  public Dataset validation(int n) {
    return validation.head(n);
  }

  /** The first {@code n} test images. */
  public Dataset test(int n) {
    return test.head(n);
  }

  /** SHA-256 of the four raw files, by file name. */
  public Map<String, String> checksums() {
    return checksums;
  }

  /** Maps the four verified files and checks their counts and shapes; the images are decoded when asked for. */
  public static Mnist load(Map<MnistFile, Path> files) {
    IdxReader.Images trainImages = IdxReader.readImages(files.get(MnistFile.TRAIN_IMAGES));
    int[] trainLabels = IdxReader.readLabels(files.get(MnistFile.TRAIN_LABELS));
    IdxReader.Images testImages = IdxReader.readImages(files.get(MnistFile.TEST_IMAGES));
    int[] testLabels = IdxReader.readLabels(files.get(MnistFile.TEST_LABELS));
    check(trainImages, trainLabels, TRAINING + VALIDATION, "training");
    check(testImages, testLabels, TEST, "test");
    // a mapped file cut short while it is read (the JVM turns the fault into an InternalError)
    String changed = files.get(MnistFile.TRAIN_IMAGES).getParent() + ": an MNIST image file changed while it"
        + " was read; expected the files to stay as they are during a build";
    Map<String, String> sums = new java.util.TreeMap<>();
    for (MnistFile f : MnistFile.values()) {
      sums.put(f.fileName(), f.sha256());
    }
    return new Mnist(Split.decoding(trainImages, 0, TRAINING, trainLabels, changed),
        Split.decoding(trainImages, TRAINING, VALIDATION, trainLabels, changed),
        Split.decoding(testImages, 0, TEST, testLabels, changed), sums);
  }

  /** Provisions (see {@link MnistProvisioner}) and loads MNIST. */
  public static Mnist provisionAndLoad(java.nio.file.Path userDir, java.nio.file.Path cacheDir,
      java.util.function.Consumer<String> log) {
    return load(new MnistProvisioner(userDir, cacheDir, true, log).provision());
  }

  /**
   * The same split with the inputs of {@code variant} (training, validation and test alike), computed once per
   * load and shared, as far as asked for (the first n images of a variant are the variant of the first n
   * images); thread-safe. The data checksums stay those of the raw files: the variant is part of the spec.
   */
  public Mnist input(InputVariant variant) {
    if (variant == InputVariant.MNIST) {
      return this;
    }
    synchronized (variants) {
      return variants.computeIfAbsent(variant, v -> new Mnist(training.map(v::apply), validation.map(v::apply),
          test.map(v::apply), checksums));
    }
  }

  /**
   * One split, decoded on demand: the first n examples the first time n are asked for, all of them once all are
   * asked for; the longest prefix decoded so far is kept. Decoding image by image, the first n images decoded are
   * the first n of all decoded: a prefix gives the same examples, bit for bit, as the whole.
   */
  private static final class Split {
    private final int size;
    private final IntFunction<Dataset> firstN;
    /** the longest prefix decoded so far; guarded by this */
    private Dataset decoded;

    private Split(int size, IntFunction<Dataset> firstN) {
      this.size = size;
      this.firstN = firstN;
    }

    static Split of(Dataset all) {
      Split s = new Split(all.size(), all::head);
      s.decoded = all;
      return s;
    }

    static Split decoding(IdxReader.Images images, int offset, int count, int[] labels, String changed) {
      int px = images.rows() * images.cols();
      return new Split(count, n -> {
        try {
          return Dataset.fromPixels(images.data(), offset, n, px, labels, offset);
        } catch (InternalError e) {
          throw UserError.data(changed);
        }
      });
    }

    /** This split with {@code f} applied to each prefix (f must treat each example on its own). */
    Split map(UnaryOperator<Dataset> f) {
      return new Split(size, n -> f.apply(head(n)));
    }

    Dataset all() {
      return head(size);
    }

    synchronized Dataset head(int n) {
      if (n < 0 || n > size) {
        throw new IllegalArgumentException("the first " + n + " examples of a split of " + size);
      }
      if (decoded == null || decoded.size() < n) {
        decoded = firstN.apply(n);
      }
      return decoded.head(n);
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
