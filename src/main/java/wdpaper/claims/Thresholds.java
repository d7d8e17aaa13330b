package wdpaper.claims;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The threshold values of one claim, as read from {@code content/thresholds.json} and checked against the claim's
 * declarations. A verdict rule reads them with {@link #get(Threshold)}; {@link #with} gives a copy with one value
 * changed, so a rule can be re-run across a range of a threshold (its sensitivity).
 */
public final class Thresholds {
  private final String claim;
  private final Map<String, Double> values;
  private final Map<String, List<Double>> ranges;

  public Thresholds(String claim, Map<String, Double> values) {
    this(claim, values, Map.of());
  }

  /**
   * @param ranges per key, the [low, high] range over which the verdict's sensitivity is shown (keys without a range
   *     have none)
   */
  public Thresholds(String claim, Map<String, Double> values, Map<String, List<Double>> ranges) {
    this.claim = claim;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Map<String, List<Double>> r = new LinkedHashMap<>();
    for (String k : values.keySet()) {
      if (ranges.containsKey(k)) {
        r.put(k, List.copyOf(ranges.get(k)));
      }
    }
    this.ranges = Collections.unmodifiableMap(r);
  }

  /** The claim these belong to. */
  public String claim() {
    return claim;
  }

  /** Per key, the [low, high] sensitivity range, in the order of the file (only keys that have one). */
  public Map<String, List<Double>> ranges() {
    return ranges;
  }

  /** The value of {@code t}; throws if the claim did not declare it (a programming error). */
  public double get(Threshold t) {
    Double v = values.get(t.key());
    if (v == null) {
      throw new IllegalStateException("claim '" + claim + "' reads threshold '" + t.key() + "', which it does not"
          + " declare (declared: " + String.join(", ", values.keySet()) + ")");
    }
    return v;
  }

  /** A copy with {@code t} set to {@code value} (checked against the declaration). */
  public Thresholds with(Threshold t, double value) {
    get(t);
    if (!t.accepts(value)) {
      throw new IllegalArgumentException("threshold '" + claim + "." + t.key() + "' must be " + t.expectation()
          + ", was " + value);
    }
    Map<String, Double> m = new LinkedHashMap<>(values);
    m.put(t.key(), value);
    return new Thresholds(claim, m, ranges);
  }

  /** The values by key, in the order of the file; what templates see as {@code thresholds.<claim>}. */
  public Map<String, Double> values() {
    return values;
  }
}
