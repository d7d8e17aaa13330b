package wdpaper.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the paper says about the data: named {@link Series} for the figures, and a nested map of numbers,
 * verdicts and tables for the templates (keys are stable; values are numbers, strings, lists and maps).
 */
public final class Findings {
  private final Map<String, Series> series = new LinkedHashMap<>();
  private final Map<String, Object> model = new LinkedHashMap<>();

  void put(String name, Series s) {
    series.put(name, s);
  }

  /** The series called {@code name}; throws naming the known ones if missing. */
  public Series series(String name) {
    Series s = series.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no series '" + name + "'");
    }
    return s;
  }

  public boolean hasSeries(String name) {
    return series.containsKey(name);
  }

  public Map<String, Series> allSeries() {
    return series;
  }

  /** The template model: {@code book}, {@code claim1} ... {@code claim4}, {@code saturation}, {@code verdicts}. */
  public Map<String, Object> model() {
    return model;
  }

  /** The map under key {@code name}, created if missing. */
  @SuppressWarnings("unchecked")
  Map<String, Object> section(String name) {
    return (Map<String, Object>) model.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
  }
}
