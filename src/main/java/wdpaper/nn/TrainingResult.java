package wdpaper.nn;

import java.util.List;

/**
 * What a training run returns: per-epoch metrics (index 0 = initialization), optional intra-epoch snapshots
 * of the weight RMS, histograms, and the final test accuracy.
 *
 * @param status "ok" or "diverged"
 * @param divergedAtEpoch the epoch in which a NaN or blow-up was detected, or 0
 * @param epochs metrics per epoch, including epoch 0
 * @param snapshots weight RMS within epochs (empty unless asked for)
 * @param histograms histograms of log10|w| at the asked epochs
 * @param testAccuracy accuracy on the test set after the last epoch (NaN if diverged)
 */
public record TrainingResult(String status, int divergedAtEpoch, List<EpochMetrics> epochs,
    List<Snapshot> snapshots, List<Histogram> histograms, double testAccuracy) {

  public static final String OK = "ok";
  public static final String DIVERGED = "diverged";

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
}
