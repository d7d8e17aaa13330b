package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.experiments.Results;

/** The registry: dependency order, cycles, and what a claim may read. */
class ClaimRegistryTest {
  /** A claim for these tests: reads nothing, records the order it was measured in. */
  abstract static class Fake implements Claim<String> {
    static final List<String> measured = new ArrayList<>();

    @Override
    public List<Role> roles() {
      return List.of();
    }

    @Override
    public String measure(Inputs in) {
      measured.add(id());
      return id() + "-result";
    }

    @Override
    public Outcome judge(String result, Thresholds t) {
      return Outcome.HOLDS;
    }
  }

  static final class A extends Fake {
    @Override
    public String id() {
      return "a";
    }
  }

  static final class B extends Fake {
    @Override
    public String id() {
      return "b";
    }

    @Override
    public List<Class<? extends Claim<?>>> dependsOn() {
      return List.of(A.class);
    }

    @Override
    public String measure(Inputs in) {
      return super.measure(in) + " after " + in.result(A.class);
    }
  }

  static final class C extends Fake {
    @Override
    public String id() {
      return "c";
    }

    @Override
    public List<Class<? extends Claim<?>>> dependsOn() {
      return List.of(D.class);
    }
  }

  static final class D extends Fake {
    @Override
    public String id() {
      return "d";
    }

    @Override
    public List<Class<? extends Claim<?>>> dependsOn() {
      return List.of(C.class);
    }
  }

  /** Reads A's result without declaring it. */
  static final class Sneaky extends Fake {
    @Override
    public String id() {
      return "sneaky";
    }

    @Override
    public String measure(Inputs in) {
      return in.result(A.class);
    }
  }

  private static Map<String, Map<String, List<String>>> noExperiments(List<Claim<?>> claims) {
    Map<String, Map<String, List<String>>> m = new LinkedHashMap<>();
    claims.forEach(c -> m.put(c.id(), Map.of()));
    return m;
  }

  private static Map<String, Thresholds> noThresholds(List<Claim<?>> claims) {
    Map<String, Thresholds> m = new LinkedHashMap<>();
    claims.forEach(c -> m.put(c.id(), new Thresholds(c.id(), Map.of())));
    return m;
  }

  private static List<Evaluated<?>> evaluate(List<Claim<?>> claims) {
    return ClaimRegistry.evaluate(claims, new Results(List.of(), Map.of(), Map.of()), noExperiments(claims),
        noThresholds(claims));
  }

  @Test
  void aClaimIsMeasuredAfterTheClaimsItDependsOnAndReadsTheirResults() {
    Fake.measured.clear();
    List<Evaluated<?>> out = evaluate(List.of(new B(), new A()));
    assertThat(Fake.measured).containsExactly("a", "b");
    assertThat(out).extracting(Evaluated::id).containsExactly("b", "a");
    assertThat(out.get(0).result()).isEqualTo("b-result after a-result");
  }

  @Test
  void aCycleIsRefusedNamingIt() {
    assertThatThrownBy(() -> ClaimRegistry.evaluationOrder(List.of(new C(), new D())))
        .hasMessage("claims depend on each other in a cycle: c -> d -> c");
  }

  @Test
  void aDependencyOutsideTheRegistryIsRefused() {
    assertThatThrownBy(() -> ClaimRegistry.evaluationOrder(List.of(new B())))
        .hasMessage("claim 'b' depends on A, which is not in the registry");
  }

  @Test
  void aClaimCannotReadAResultItDidNotDeclare() {
    assertThatThrownBy(() -> evaluate(List.of(new A(), new Sneaky())))
        .hasMessage("claim 'sneaky' reads the result of A without declaring it in dependsOn()");
  }

  @Test
  void thePapersClaimsHaveDistinctIdsAndNoCycle() {
    List<Claim<?>> all = ClaimRegistry.all();
    assertThat(all).extracting(Claim::id).containsExactly("book", "claim1", "claim2", "claim3", "claim4",
        "saturation");
    List<String> order = ClaimRegistry.evaluationOrder(all).stream().map(Claim::id).toList();
    assertThat(order.indexOf("book")).isLessThan(order.indexOf("claim1"));
    assertThat(order.indexOf("claim1")).isLessThan(order.indexOf("saturation"));
  }
}
