package wdpaper.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wdpaper.experiments.Results;

/**
 * What a claim may read: the runs of the experiments its page declared for each of its roles, its thresholds, and
 * the results of the claims it declared it depends on. Anything else is refused, so a claim cannot quietly read
 * another claim's numbers.
 */
public final class Inputs {
  private final Claim<?> claim;
  private final Map<String, List<String>> experiments;
  private final Results results;
  private final Thresholds thresholds;
  private final Map<Class<?>, Object> dependencies;

  public Inputs(Claim<?> claim, Map<String, List<String>> experiments, Results results, Thresholds thresholds,
      Map<Class<?>, Object> dependencies) {
    this.claim = claim;
    this.experiments = new LinkedHashMap<>(experiments);
    this.results = results;
    this.thresholds = thresholds;
    this.dependencies = new LinkedHashMap<>(dependencies);
  }

  /** The experiment ids declared for {@code role}, in the order of the front matter. */
  public List<String> experiments(String role) {
    List<String> ids = experiments.get(role);
    if (ids == null) {
      throw new IllegalStateException("claim '" + claim.id() + "' reads role '" + role + "', which it does not"
          + " declare (declared: " + String.join(", ", experiments.keySet()) + ")");
    }
    return ids;
  }

  /** Every run of the experiments of {@code role} (a run shared by two of them counts once), seeds together. */
  public List<Results.Entry> runs(String role) {
    List<Results.Entry> out = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (String id : experiments(role)) {
      for (Results.Entry e : results.of(id)) {
        if (keys.add(e.record().key())) {
          out.add(e);
        }
      }
    }
    return out;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  /** The result of a claim this one declared in {@link Claim#dependsOn()}. */
  @SuppressWarnings("unchecked")
  public <T> T result(Class<? extends Claim<T>> other) {
    Object r = dependencies.get(other);
    if (r == null) {
      throw new IllegalStateException("claim '" + claim.id() + "' reads the result of " + other.getSimpleName()
          + " without declaring it in dependsOn()");
    }
    return (T) r;
  }
}
