package wdpaper.nn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import wdpaper.data.InputVariant;
import wdpaper.data.Mnist;
import wdpaper.project.Hashing;
import wdpaper.project.Json;

/**
 * One training run, fully specified: the one record of every hyperparameter and measurement setting (the experiment
 * loader builds it from JSON, the trainers read it, the run cache keys on it). Its canonical JSON, with the data
 * checksums and {@link #TRAINER_VERSION}, is the cache key. Defaults live in one place, {@link #DEFAULTS}.
 *
 * @param sizes layer sizes, e.g. [784, 30, 10]; sizes[0] is the number of inputs of {@code input}
 * @param init "old" (weights N(0,1)) or "new" (weights N(0, 1/n_in)); biases N(0,1) in both
 * @param eta learning rate
 * @param lambda L2 regularization parameter; the decay factor per step is a = 1 - eta*lambda/n
 * @param miniBatchSize m
 * @param epochs number of passes over the training data; with {@code settle}, the cap
 * @param trainingSetSize n, the first n training images
 * @param validationSetSize the first images of the validation set that are measured after each epoch
 * @param testSetSize the first images of the test set that are measured after the last epoch; left out of the
 *     canonical JSON (the cache key) when it is all of them, {@link Mnist#TEST}, so the keys of runs cached before
 *     it existed still hold, and a record without it reads back as {@link Mnist#TEST}
 * @param seed seeds both the initialization and the per-epoch shuffling
 * @param gradients false switches the gradient term off (pure weight decay)
 * @param instrument measure the decay/gradient split, the ||w||^2 split and per-step norms
 * @param snapshotsPerEpoch weight-RMS snapshots within each epoch (0 = only at epoch ends)
 * @param histogramEpochs epochs at which a histogram of log10|w| and the singular values are recorded per layer
 * @param saturationSample number of validation images over which hidden-neuron saturation is measured
 * @param monitorSample number of training images over which the training cost is measured
 * @param input which inputs: "mnist" (28x28 = 784 pixels) or "mnist-14x14" (2x2 mean pooled, 196 inputs)
 * @param saturationThresholds the thresholds T of |z| &gt; T at which saturation is counted, increasing
 * @param settle the early-stopping rule, or null to run all {@code epochs}
 */
public record RunSpec(List<Integer> sizes, String init, double eta, double lambda, int miniBatchSize, int epochs,
    int trainingSetSize, int validationSetSize,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = AllTestImages.class)
    @JsonDeserialize(using = TestSetSizeReader.class) int testSetSize, long seed, boolean gradients,
    boolean instrument, int snapshotsPerEpoch, List<Integer> histogramEpochs, int saturationSample, int monitorSample,
    String input, List<Double> saturationThresholds, Settle settle) {

  /**
   * Bump when a change to the trainer changes results: every cached run is then recomputed. trainer-5 (same
   * algorithm, the numbers move in the last bits): sigma(z) takes e^-z from a table-driven exp (FastExp, within 2 ulp
   * of fdlibm's, still the same bits on every JVM and CPU) instead of fdlibm's; z = W a + b adds the bias after the
   * sum, as the EJML reference does, instead of before; the split's ||w_t||^2 comes from the exact recursion
   * ||w_{t+1}||^2 = a^2||w_t||^2 - 2a w_t.g_t + ||g_t||^2 with w_t.g_t from the forward pass's W a, and D, G from
   * sum_t g_t; histogram bins use StrictMath.log10; and results carry new fields (drift, diffusion, cosine to the
   * initial weights, relative step, saturation per threshold and neuron, singular values, the settle rule).
   */
  public static final String TRAINER_VERSION = "trainer-5";

  /** The headline saturation threshold: a hidden neuron with |z| &gt; 4 has sigma'(z) &lt; 0.018. */
  public static final double SATURATION_Z = 4.0;

  /**
   * The defaults table, the only one: the book's setting (chapter 3: [784, 30, 10], new init, eta = 0.1,
   * lambda = 5, m = 10, 30 epochs, all 50,000 training, 10,000 validation and 10,000 test images) and the
   * measurement settings.
   */
  public static final RunSpec DEFAULTS = new RunSpec(List.of(784, 30, 10), "new", 0.1, 5.0, 10, 30, Mnist.TRAINING,
      Mnist.VALIDATION, Mnist.TEST, 1, true, false, 0, List.of(), 1000, 5000, InputVariant.MNIST.id(),
      List.of(2.0, 3.0, 4.0, 5.0, 6.0), null);

  /**
   * Stop after the first epoch e at which, for {@code epochs} consecutive epochs, the per-epoch rate of change of
   * the total weight norm |ln(||w_{e-1}|| / ||w_e||)| stayed below {@code fraction} x eta*lambda/m (the rate pure
   * decay would give). The run's {@code epochs} is then the cap.
   */
  public record Settle(double fraction, int epochs) {
    public Settle {
      if (!(fraction > 0 && fraction <= 1) || epochs < 1) {
        throw new IllegalArgumentException("settle needs 0 < fraction <= 1 and epochs >= 1, was " + fraction + ", "
            + epochs);
      }
    }
  }

  public RunSpec {
    sizes = List.copyOf(sizes);
    histogramEpochs = List.copyOf(histogramEpochs);
    saturationThresholds = List.copyOf(saturationThresholds);
    if (sizes.size() < 2) {
      throw new IllegalArgumentException("a network needs at least 2 layer sizes, was " + sizes);
    }
    if (!init.equals("old") && !init.equals("new")) {
      throw new IllegalArgumentException("init must be \"old\" or \"new\", was " + init);
    }
  }

  /**
   * A spec with the defaults of the later settings (testSetSize, input, saturationThresholds, settle): the older
   * form.
   */
  public RunSpec(List<Integer> sizes, String init, double eta, double lambda, int miniBatchSize, int epochs,
      int trainingSetSize, int validationSetSize, long seed, boolean gradients, boolean instrument,
      int snapshotsPerEpoch, List<Integer> histogramEpochs, int saturationSample, int monitorSample) {
    this(sizes, init, eta, lambda, miniBatchSize, epochs, trainingSetSize, validationSetSize, Mnist.TEST, seed,
        gradients, instrument, snapshotsPerEpoch, histogramEpochs, saturationSample, monitorSample, DEFAULTS.input,
        DEFAULTS.saturationThresholds, DEFAULTS.settle);
  }

  /** Leaves {@code testSetSize} out of the JSON when it is {@link Mnist#TEST} (Jackson's filter: equal = left out). */
  static final class AllTestImages {
    @Override
    public boolean equals(Object value) {
      return value instanceof Integer n && n == Mnist.TEST;
    }

    @Override
    public int hashCode() {
      return Mnist.TEST;
    }
  }

  /** Reads {@code testSetSize} as an int; absent (a record written before it existed), it is {@link Mnist#TEST}. */
  static final class TestSetSizeReader extends StdDeserializer<Integer> {
    TestSetSizeReader() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return _parseIntPrimitive(p, ctxt);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Mnist.TEST;
    }

    /** An explicit null is refused as for every other int (FAIL_ON_NULL_FOR_PRIMITIVES). */
    @Override
    public Integer getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      _verifyNullForPrimitive(ctxt);
      return 0;
    }
  }

  /** A builder that starts from {@link #DEFAULTS}. */
  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  /** A builder that starts from this spec. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The layer sizes as an array. */
  public int[] layerSizes() {
    return sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The initialization as the enum. */
  public Init initKind() {
    return Init.valueOf(init.toUpperCase(Locale.ROOT));
  }

  /** The histogram epochs as an array. */
  public int[] histogramEpochArray() {
    return histogramEpochs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The cache key: 16 hex digits of SHA-256 over the canonical spec, data checksums and trainer version. */
  public String key(java.util.Map<String, String> dataChecksums) {
    return Hashing.sha256(Json.compact(this) + "|" + Json.compact(new java.util.TreeMap<>(dataChecksums)) + "|"
        + TRAINER_VERSION).substring(0, 16);
  }

  /** Total number of weights n_w. */
  public long weightCount() {
    long n = 0;
    for (int l = 0; l + 1 < sizes.size(); l++) {
      n += (long) sizes.get(l) * sizes.get(l + 1);
    }
    return n;
  }

  /** A short human label such as {@code [784,30,10] old eta=0.1 lambda=5 m=10 n=50000 seed=1}. */
  public String label() {
    return sizes.toString().replace(" ", "") + " " + init + " eta=" + plain(eta) + " lambda=" + plain(lambda)
        + " m=" + miniBatchSize + " n=" + trainingSetSize + " seed=" + seed + (gradients ? "" : " decay-only")
        + (input.equals(DEFAULTS.input) ? "" : " " + input) + (settle == null ? "" : " settle");
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return "RunSpec " + label();
  }

  /** Builds a {@link RunSpec} field by field. */
  public static final class Builder {
    private List<Integer> sizes;
    private String init;
    private double eta;
    private double lambda;
    private int miniBatchSize;
    private int epochs;
    private int trainingSetSize;
    private int validationSetSize;
    private int testSetSize;
    private long seed;
    private boolean gradients;
    private boolean instrument;
    private int snapshotsPerEpoch;
    private List<Integer> histogramEpochs;
    private int saturationSample;
    private int monitorSample;
    private String input;
    private List<Double> saturationThresholds;
    private Settle settle;

    private Builder(RunSpec s) {
      sizes = s.sizes;
      init = s.init;
      eta = s.eta;
      lambda = s.lambda;
      miniBatchSize = s.miniBatchSize;
      epochs = s.epochs;
      trainingSetSize = s.trainingSetSize;
      validationSetSize = s.validationSetSize;
      testSetSize = s.testSetSize;
      seed = s.seed;
      gradients = s.gradients;
      instrument = s.instrument;
      snapshotsPerEpoch = s.snapshotsPerEpoch;
      histogramEpochs = s.histogramEpochs;
      saturationSample = s.saturationSample;
      monitorSample = s.monitorSample;
      input = s.input;
      saturationThresholds = s.saturationThresholds;
      settle = s.settle;
    }

    public Builder sizes(int... v) {
      List<Integer> l = new ArrayList<>();
      for (int x : v) {
        l.add(x);
      }
      sizes = l;
      return this;
    }

    public Builder sizes(List<Integer> v) {
      sizes = v;
      return this;
    }

    public Builder init(String v) {
      init = v;
      return this;
    }

    public Builder init(Init v) {
      init = v.name().toLowerCase(Locale.ROOT);
      return this;
    }

    public Builder eta(double v) {
      eta = v;
      return this;
    }

    public Builder lambda(double v) {
      lambda = v;
      return this;
    }

    public Builder miniBatchSize(int v) {
      miniBatchSize = v;
      return this;
    }

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder trainingSetSize(int v) {
      trainingSetSize = v;
      return this;
    }

    public Builder validationSetSize(int v) {
      validationSetSize = v;
      return this;
    }

    public Builder testSetSize(int v) {
      testSetSize = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder gradients(boolean v) {
      gradients = v;
      return this;
    }

    public Builder instrument(boolean v) {
      instrument = v;
      return this;
    }

    public Builder snapshotsPerEpoch(int v) {
      snapshotsPerEpoch = v;
      return this;
    }

    public Builder histogramEpochs(Integer... v) {
      histogramEpochs = List.of(v);
      return this;
    }

    public Builder histogramEpochs(List<Integer> v) {
      histogramEpochs = v;
      return this;
    }

    public Builder saturationSample(int v) {
      saturationSample = v;
      return this;
    }

    public Builder monitorSample(int v) {
      monitorSample = v;
      return this;
    }

    public Builder input(String v) {
      input = v;
      return this;
    }

    public Builder saturationThresholds(List<Double> v) {
      saturationThresholds = v;
      return this;
    }

    public Builder settle(Settle v) {
      settle = v;
      return this;
    }

    public RunSpec build() {
      return new RunSpec(sizes, init, eta, lambda, miniBatchSize, epochs, trainingSetSize, validationSetSize,
          testSetSize, seed, gradients, instrument, snapshotsPerEpoch, histogramEpochs, saturationSample, monitorSample,
          input, saturationThresholds, settle);
    }
  }
}
