package wdpaper.experiments;

import java.math.BigDecimal;

/** Locale-independent number formatting for labels and messages. */
public final class Numbers {
  private Numbers() {}

  /** Shortest plain form: 5.0 -> "5", 0.1 -> "0.1", 1e-5 -> "0.00001". */
  public static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** A memory size for messages: "38 GB", "1.5 GB", "640 MB". */
  public static String bytes(long b) {
    double gb = b / (1024.0 * 1024 * 1024);
    if (gb >= 10) {
      return String.format(java.util.Locale.ROOT, "%.0f GB", gb);
    }
    if (gb >= 1) {
      return String.format(java.util.Locale.ROOT, "%.1f GB", gb);
    }
    return String.format(java.util.Locale.ROOT, "%.0f MB", b / (1024.0 * 1024));
  }
}
