package wdpaper.nn;

import java.util.List;

/**
 * What a training run returns: per-epoch metrics (index 0 = initialization), optional intra-epoch snapshots
 * of the weight RMS, histograms and singular values, the final test accuracy, and why the run ended.
 *
 * @param status why the run ended: {@value #OK} (ran every epoch of the spec), {@value #SETTLED} (stopped early by
 *     the spec's settle rule, so {@code epochs} is shorter than the cap) or {@value #DIVERGED}
 * @param divergedAtEpoch the epoch in which a NaN or blow-up was detected, or 0
 * @param epochs metrics per epoch, including epoch 0
 * @param snapshots weight RMS within epochs (empty unless asked for)
 * @param histograms histograms of log10|w| at the asked epochs
 * @param testAccuracy accuracy on the test set after the last epoch (NaN if diverged)
 * @param spectra singular values of each layer's weight matrix at the histogram epochs
 * @param settledAtEpoch with a settle rule, the epoch at which it was met (the last epoch run); 0 otherwise
 * @param censored true if the spec has a settle rule and it was not met within the cap (the plateau, if any, is
 *     not established)
 */
public record TrainingResult(String status, int divergedAtEpoch, List<EpochMetrics> epochs,
    List<Snapshot> snapshots, List<Histogram> histograms, double testAccuracy, List<Spectrum> spectra,
    int settledAtEpoch, boolean censored) {

  public static final String OK = "ok";
  public static final String SETTLED = "settled";
  public static final String DIVERGED = "diverged";

  /** The older form: no spectra, no settle rule. */
  public TrainingResult(String status, int divergedAtEpoch, List<EpochMetrics> epochs, List<Snapshot> snapshots,
      List<Histogram> histograms, double testAccuracy) {
    this(status, divergedAtEpoch, epochs, snapshots, histograms, testAccuracy, List.of(), 0, false);
  }

  public boolean diverged() {
    return DIVERGED.equals(status);
  }

  /** Weight RMS per layer at fractional epoch {@code epoch} (e.g. 0.1 = a tenth into the first epoch). */
  public record Snapshot(double epoch, double[] rms) {}

  /**
   * Counts of log10|w| in {@code bins} equal bins from {@code low} to {@code high} (values outside go to the end
   * bins) for layer {@code layer} at the end of epoch {@code epoch}.
   */
  public record Histogram(int epoch, int layer, double low, double high, long[] counts) {}

  /**
   * The singular values of layer {@code layer}'s weight matrix (sizes[l+1] x sizes[l]) at the end of epoch
   * {@code epoch}, largest first; their squares sum to ||W||^2.
   */
  public record Spectrum(int epoch, int layer, double[] singularValues) {}
}
