package wdpaper.claims;

import java.util.Locale;
import wdpaper.experiments.Numbers;

/**
 * A number a verdict rule compares with, declared by its claim and given in {@code content/thresholds.json} under
 * the claim's id. The declaration says what values make sense; the file is checked against it.
 *
 * @param key the key in the claim's section of thresholds.json, camelCase
 * @param min smallest allowed value
 * @param minOpen true if {@code min} itself is not allowed
 * @param max largest allowed value
 * @param maxOpen true if {@code max} itself is not allowed
 * @param whole true if only whole numbers make sense (a count, a layer size)
 * @param note why the range is what it is, for error messages (empty if obvious)
 */
public record Threshold(String key, double min, boolean minOpen, double max, boolean maxOpen, boolean whole,
    String note) {

  /** A share or fraction: a number in (0, 1]. */
  public static Threshold fraction(String key) {
    return new Threshold(key, 0, true, 1, false, false, "");
  }

  /** A positive number. */
  public static Threshold positive(String key) {
    return new Threshold(key, 0, true, Double.POSITIVE_INFINITY, true, false, "");
  }

  /** A number in [min, max]. */
  public static Threshold between(String key, double min, double max) {
    return new Threshold(key, min, false, max, false, false, "");
  }

  /** A whole number at least {@code min}. */
  public static Threshold count(String key, int min) {
    return new Threshold(key, min, false, Double.POSITIVE_INFINITY, true, true, "");
  }

  /** Exactly {@code value}, for a number the measurement fixes; {@code note} says why. */
  public static Threshold exactly(String key, double value, String note) {
    return new Threshold(key, value, false, value, false, false, note);
  }

  /** True if {@code v} is allowed. */
  public boolean accepts(double v) {
    if (!Double.isFinite(v) || whole && v != Math.rint(v)) {
      return false;
    }
    boolean aboveMin = minOpen ? v > min : v >= min;
    boolean belowMax = maxOpen ? v < max : v <= max;
    return aboveMin && belowMax;
  }

  /** What is allowed, in words for error messages: "a number in (0, 1]", "a whole number >= 1". */
  public String expectation() {
    String kind = whole ? "a whole number" : "a number";
    String range;
    if (min == max) {
      range = "exactly " + Numbers.format(min);
    } else if (max == Double.POSITIVE_INFINITY) {
      range = kind + (minOpen ? " > " : " >= ") + Numbers.format(min);
    } else {
      range = String.format(Locale.ROOT, "%s in %s%s, %s%s", kind, minOpen ? "(" : "[", Numbers.format(min),
          Numbers.format(max), maxOpen ? ")" : "]");
    }
    return note.isEmpty() ? range : range + " (" + note + ")";
  }
}
