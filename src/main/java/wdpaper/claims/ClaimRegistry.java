package wdpaper.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wdpaper.experiments.Results;
import wdpaper.project.UserError;

/** Every claim of the paper, and their evaluation in dependency order. */
public final class ClaimRegistry {
  private ClaimRegistry() {}

  /** The claims, in the order their verdicts are listed. A new claim is one more line here. */
  public static List<Claim<?>> all() {
    return List.of(
        new BookFigure(),
        new DecayDominance(),
        new DecayFactor(),
        new TailOff(),
        new L2VersusInit(),
        new Saturation());
  }

  /**
   * The claims ordered so that each comes after the claims it depends on (otherwise in the given order). Throws if
   * a claim depends on one that is not listed, or if dependencies form a cycle (a programming error).
   */
  public static List<Claim<?>> evaluationOrder(List<Claim<?>> claims) {
    Map<Class<?>, Claim<?>> byClass = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Claim<?> c : claims) {
      if (!ids.add(c.id())) {
        throw new IllegalStateException("two claims have the id '" + c.id() + "'");
      }
      byClass.put(c.getClass(), c);
    }
    for (Claim<?> c : claims) {
      for (Class<?> d : c.dependsOn()) {
        if (!byClass.containsKey(d)) {
          throw new IllegalStateException("claim '" + c.id() + "' depends on " + d.getSimpleName()
              + ", which is not in the registry");
        }
      }
    }
    List<Claim<?>> order = new ArrayList<>();
    Set<Claim<?>> visiting = new LinkedHashSet<>();
    for (Claim<?> c : claims) {
      visit(c, byClass, visiting, order);
    }
    return order;
  }

  private static void visit(Claim<?> c, Map<Class<?>, Claim<?>> byClass, Set<Claim<?>> visiting,
      List<Claim<?>> order) {
    if (order.contains(c)) {
      return;
    }
    if (!visiting.add(c)) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (Claim<?> v : visiting) {
        in |= v == c;
        if (in) {
          cycle.add(v.id());
        }
      }
      cycle.add(c.id());
      throw new IllegalStateException("claims depend on each other in a cycle: " + String.join(" -> ", cycle));
    }
    for (Class<?> d : c.dependsOn()) {
      visit(byClass.get(d), byClass, visiting, order);
    }
    visiting.remove(c);
    order.add(c);
  }

  /**
   * Measures, judges and draws every claim from the results, in dependency order; returns them in the given order.
   *
   * @param experiments per claim id, the experiment ids per role (see {@link Declarations})
   * @param thresholds per claim id (see {@link ThresholdFile})
   */
  public static List<Evaluated<?>> evaluate(List<Claim<?>> claims, Results results,
      Map<String, Map<String, List<String>>> experiments, Map<String, Thresholds> thresholds) {
    Map<Class<?>, Object> done = new LinkedHashMap<>();
    Map<String, Evaluated<?>> byId = new LinkedHashMap<>();
    for (Claim<?> c : evaluationOrder(claims)) {
      Evaluated<?> e = evaluateOne(c, results, experiments.get(c.id()), thresholds.get(c.id()), done);
      done.put(c.getClass(), e.result());
      byId.put(c.id(), e);
    }
    List<Evaluated<?>> out = new ArrayList<>();
    for (Claim<?> c : claims) {
      out.add(byId.get(c.id()));
    }
    return out;
  }

  /** Re-runs measure and rule across the range of each threshold that has one (see {@link Sensitivity}). */
  static <R> List<Sensitivity> sensitivity(Claim<R> c, Results results, Map<String, List<String>> experiments,
      Thresholds thresholds, Map<Class<?>, Object> deps, Outcome verdict) {
    List<Sensitivity> out = new ArrayList<>();
    for (Threshold t : c.thresholds()) {
      List<Double> range = thresholds.ranges().get(t.key());
      if (range == null) {
        continue;
      }
      List<Double> tried = Sensitivity.grid(t, range.get(0), range.get(1));
      List<Outcome> outcomes = new ArrayList<>();
      for (double v : tried) {
        Thresholds tv = thresholds.with(t, v);
        outcomes.add(c.judge(c.measure(new Inputs(c, experiments, results, tv, deps)), tv));
      }
      out.add(Sensitivity.of(t.key(), thresholds.get(t), range.get(0), range.get(1), tried, outcomes, verdict));
    }
    return out;
  }

  private static <R> Evaluated<R> evaluateOne(Claim<R> c, Results results, Map<String, List<String>> experiments,
      Thresholds thresholds, Map<Class<?>, Object> done) {
    if (experiments == null || thresholds == null) {
      throw new IllegalStateException("claim '" + c.id() + "' has no declared experiments or thresholds");
    }
    Map<Class<?>, Object> deps = new LinkedHashMap<>();
    for (Class<?> d : c.dependsOn()) {
      deps.put(d, done.get(d));
    }
    Inputs in = new Inputs(c, experiments, results, thresholds, deps);
    try {
      R r = c.measure(in);
      Outcome verdict = c.judge(r, thresholds);
      return new Evaluated<>(c, r, verdict, c.figures(r, in), experiments, thresholds,
          sensitivity(c, results, experiments, thresholds, deps, verdict));
    } catch (Runs.MissingRuns e) {
      List<String> ids = new ArrayList<>();
      experiments.values().forEach(ids::addAll);
      throw UserError.config("claim '" + c.id() + "' cannot be measured from experiment" + (ids.size() > 1 ? "s "
          : " ") + String.join(", ", ids) + ": " + e.getMessage());
    }
  }
}
