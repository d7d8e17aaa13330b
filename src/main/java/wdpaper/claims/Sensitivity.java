package wdpaper.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * How a claim's verdict moves across the range of one threshold (given in {@code content/thresholds.json}): the rule
 * is re-run, measurement included, at {@link #STEPS} + 1 evenly spaced values from low to high (whole numbers for a
 * whole-number threshold), the others held at their values. Consecutive values with the same outcome form a
 * segment.
 *
 * @param key the threshold's key
 * @param value its value in the file
 * @param low the low end of its range
 * @param high the high end of its range
 * @param segments the outcome over the range, from low to high
 * @param fragile true if the outcome changes inside the range
 * @param flipAt the tried value nearest to {@code value} at which the outcome differs from the verdict's (NaN if
 *     none)
 * @param flipOutcome the outcome there ("" if none)
 */
public record Sensitivity(String key, double value, double low, double high, List<Segment> segments,
    boolean fragile, double flipAt, String flipOutcome) {

  /** Values tried: this many steps from low to high. */
  public static final int STEPS = 20;

  public Sensitivity {
    segments = List.copyOf(segments);
  }

  /** The outcome slug ({@code holds}, {@code caveats}, {@code fails}) for tried values from..to. */
  public record Segment(double from, double to, String outcome) {}

  /** The values tried over [low, high]. */
  static List<Double> grid(Threshold t, double low, double high) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i <= STEPS; i++) {
      double v = low + (high - low) * i / STEPS;
      v = t.whole() ? Math.rint(v) : v;
      if (out.isEmpty() || out.get(out.size() - 1) != v) {
        out.add(v);
      }
    }
    return out;
  }

  /** Builds the segments from the tried values and their outcomes; {@code verdict} is the outcome at the value. */
  static Sensitivity of(String key, double value, double low, double high, List<Double> tried,
      List<Outcome> outcomes, Outcome verdict) {
    List<Segment> segs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= tried.size(); i++) {
      if (i == tried.size() || outcomes.get(i) != outcomes.get(start)) {
        segs.add(new Segment(tried.get(start), tried.get(i - 1), outcomes.get(start).slug()));
        start = i;
      }
    }
    double flip = Double.NaN;
    String flipOutcome = "";
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < tried.size(); i++) {
      if (outcomes.get(i) != verdict && Math.abs(tried.get(i) - value) < best) {
        best = Math.abs(tried.get(i) - value);
        flip = tried.get(i);
        flipOutcome = outcomes.get(i).slug();
      }
    }
    return new Sensitivity(key, value, low, high, segs, segs.size() > 1 || !segs.get(0).outcome().equals(
        verdict.slug()), flip, flipOutcome);
  }
}
