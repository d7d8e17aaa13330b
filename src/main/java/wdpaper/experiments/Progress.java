package wdpaper.experiments;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import wdpaper.nn.RunSpec;

/**
 * Reports training progress on stderr: a live bar with ETA on a terminal, plain periodic lines (one every
 * {@code interval}) in CI logs, and one line per finished run. Never part of any compared output.
 */
public class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean quiet;
  private ProgressBar bar;
  private Eta eta;

  public Progress(PrintWriter err, boolean terminal, boolean quiet) {
    this.err = err;
    this.terminal = terminal;
    this.quiet = quiet;
  }

  /** A progress reporter that prints nothing (tests). */
  public static Progress silent() {
    return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false, true);
  }

  void start(int runsToTrain, int cached, long totalEpochs, Eta eta) {
    this.eta = eta;
    if (quiet) {
      return;
    }
    line(String.format(Locale.ROOT, "runs: %d to train, %d from the cache", runsToTrain, cached));
    if (runsToTrain == 0) {
      return;
    }
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("training").setInitialMax(totalEpochs)
        .setUnit(" epochs", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
        .setEtaFunction(state -> java.util.Optional.of(Duration.ofSeconds(Math.round(eta.remainingSeconds()))));
    if (terminal) {
      b.setUpdateIntervalMillis(250);
    } else {
      b.setUpdateIntervalMillis((int) Duration.ofSeconds(15).toMillis())
          .setConsumer(new DelegatingProgressBarConsumer(this::line, 100));
    }
    bar = b.build();
    bar.setExtraMessage(" " + runs());
  }

  /** "k/N runs" done. */
  private String runs() {
    return eta.finishedRuns() + "/" + eta.totalRuns() + " runs";
  }

  /** m:ss or h:mm:ss. */
  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  void epoch() {
    if (bar != null) {
      bar.step();
    }
  }

  /** A run ended; {@code skipped} epochs of its cap were not needed (it settled or diverged). */
  void runDone(RunSpec spec, RunRecord record, int skipped) {
    if (quiet) {
      return;
    }
    if (bar != null && skipped > 0) {
      bar.stepBy(skipped);
    }
    var last = record.result().epochs().get(record.result().epochs().size() - 1);
    String end = record.result().diverged() ? "DIVERGED at epoch " + record.result().divergedAtEpoch()
        : (wdpaper.nn.TrainingResult.SETTLED.equals(record.result().status()) ? "settled at epoch " : "epoch ")
            + last.epoch();
    String msg = String.format(Locale.ROOT, "trained %s in %.1f s: %s, validation accuracy %.4f (%s, ETA %s)",
        spec.label(), record.provenance().wallSeconds(), end, last.validationAccuracy(), runs(),
        clock(eta.remainingSeconds()));
    if (bar != null) {
      bar.setExtraMessage(" " + runs());
    }
    line(msg);
  }

  private synchronized void line(String s) {
    err.println(s);
    err.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
