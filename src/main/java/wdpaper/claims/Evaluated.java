package wdpaper.claims;

import java.util.List;
import java.util.Map;

/**
 * A claim after evaluation: its result record, the outcome of its rule, its figures (data) and the experiments it
 * read per role, and how the outcome moves across each threshold's range.
 */
public record Evaluated<R>(Claim<R> claim, R result, Outcome outcome, List<Figure> figures,
    Map<String, List<String>> experiments, Thresholds thresholds, List<Sensitivity> sensitivity) {

  public Evaluated {
    figures = List.copyOf(figures);
    sensitivity = List.copyOf(sensitivity);
    experiments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(experiments));
  }

  public String id() {
    return claim.id();
  }
}
