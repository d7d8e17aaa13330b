package wdpaper.build;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per stage of a build (training, claims, figures, pages, PDF), printed at the end. Stages may overlap
 * (the figures are written beside the pages), so the times may add up to more than the build took. Thread-safe.
 */
public final class StageTimes {
  /** The stages, in the order they are reported. */
  public static final String TRAINING = "training";
  public static final String CLAIMS = "claims";
  public static final String FIGURES = "figures";
  public static final String PAGES = "pages";
  public static final String PDF = "PDF";

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  public StageTimes() {
    for (String s : new String[] {TRAINING, CLAIMS, FIGURES, PAGES, PDF}) {
      nanos.put(s, 0L);
    }
  }

  /** Runs {@code work}, adding its wall time to {@code stage}. */
  public <T> T time(String stage, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      add(stage, System.nanoTime() - t0);
    }
  }

  /** Adds {@code ns} nanoseconds of wall time to {@code stage} (for work timed on another thread). */
  public synchronized void add(String stage, long ns) {
    nanos.merge(stage, ns, Long::sum);
  }

  /** Runs {@code work}, adding its wall time to {@code stage}. */
  public void run(String stage, Runnable work) {
    time(stage, () -> {
      work.run();
      return null;
    });
  }

  /** Seconds spent in {@code stage}. */
  public synchronized double seconds(String stage) {
    return nanos.getOrDefault(stage, 0L) / 1e9;
  }

  /** One line: "training 0.0 s, claims 0.2 s, figures 3.1 s, pages 1.4 s, PDF 6.2 s". */
  public synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    nanos.forEach((stage, ns) -> sb.append(sb.length() == 0 ? "" : ", ")
        .append(String.format(Locale.ROOT, "%s %.1f s", stage, ns / 1e9)));
    return sb.toString();
  }
}
