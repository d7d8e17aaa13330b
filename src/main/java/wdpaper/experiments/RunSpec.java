package wdpaper.experiments;

import java.util.List;
import wdpaper.nn.Init;
import wdpaper.nn.TrainingConfig;
import wdpaper.project.Hashing;
import wdpaper.project.Json;

/**
 * One training run, fully specified: everything that can change its result. Its canonical JSON, together
 * with the data checksums and {@link #TRAINER_VERSION}, is the cache key.
 */
public record RunSpec(List<Integer> sizes, String init, double eta, double lambda, int miniBatchSize, int epochs,
    int trainingSetSize, int validationSetSize, long seed, boolean gradients, boolean instrument,
    int snapshotsPerEpoch, List<Integer> histogramEpochs, int saturationSample, int monitorSample) {

  /** Bump when a change to the trainer changes results: every cached run is then recomputed. */
  public static final String TRAINER_VERSION = "trainer-4";

  public RunSpec {
    sizes = List.copyOf(sizes);
    histogramEpochs = List.copyOf(histogramEpochs);
  }

  public TrainingConfig toConfig() {
    int[] s = sizes.stream().mapToInt(Integer::intValue).toArray();
    int[] h = histogramEpochs.stream().mapToInt(Integer::intValue).toArray();
    return new TrainingConfig(s, Init.valueOf(init.toUpperCase(java.util.Locale.ROOT)), eta, lambda, miniBatchSize,
        epochs, seed, gradients, instrument, snapshotsPerEpoch, h, saturationSample, monitorSample);
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

  /** A rough cost estimate (weights x examples x epochs), used to start the longest runs first. */
  public double cost() {
    return (double) weightCount() * trainingSetSize * epochs * (instrument ? 1.5 : 1.0) * (gradients ? 1.0 : 0.2);
  }

  /** A short human label such as {@code [784,30,10] old eta=0.1 lambda=5 seed=1}. */
  public String label() {
    return sizes.toString().replace(" ", "") + " " + init + " eta=" + Numbers.format(eta) + " lambda="
        + Numbers.format(lambda) + " m=" + miniBatchSize + " n=" + trainingSetSize + " seed=" + seed
        + (gradients ? "" : " decay-only");
  }
}
