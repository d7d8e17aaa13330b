package wdpaper.claims;

import java.util.List;

/**
 * A claim for tests of the declarations and the threshold file: id {@code claim1}, one role {@code runs}, one
 * threshold {@code dominanceShare} (as claim 1 had), so those tests do not follow the real claim 1's changes.
 */
final class OneShareClaim implements Claim<Object> {
  @Override
  public String id() {
    return "claim1";
  }

  @Override
  public List<Role> roles() {
    return List.of(new Role("runs", "any runs"));
  }

  @Override
  public List<Threshold> thresholds() {
    return List.of(DecayDominance.DOMINANCE);
  }

  @Override
  public Object measure(Inputs in) {
    return in.thresholds().get(DecayDominance.DOMINANCE);
  }

  @Override
  public Outcome judge(Object result, Thresholds thresholds) {
    return Outcome.HOLDS;
  }
}
