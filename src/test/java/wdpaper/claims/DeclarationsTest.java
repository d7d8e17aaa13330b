package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.project.UserError;

/** Which experiments each claim reads, as its page declares them. */
class DeclarationsTest {
  private final List<Claim<?>> claims = List.of(new OneShareClaim(), new DecayFactor());
  private final List<String> experiments = List.of("decay-vs-gradient", "pure-decay", "width-sweep");

  private static Declarations.Page page(String file, String claim, Declarations.Item... items) {
    return new Declarations.Page(file, 4, claim, List.of(items));
  }

  private static Declarations.Item item(String role, String experiment, int line) {
    return new Declarations.Item(role, experiment, line);
  }

  private final Declarations.Page claim1 = page("content/03-claim-1.md", "claim1", item(null, "decay-vs-gradient", 5));

  private Map<String, Map<String, List<String>>> resolve(Declarations.Page... pages) {
    return Declarations.resolve(claims, List.of(pages), experiments);
  }

  private void rejects(String message, Declarations.Page... pages) {
    assertThatThrownBy(() -> resolve(pages)).isInstanceOf(UserError.class).hasMessage(message);
  }

  @Test
  void givesEachClaimItsExperimentsPerRole() {
    Map<String, Map<String, List<String>>> m = resolve(claim1, page("content/05-claim-2.md", "claim2",
        item("decay-alone", "pure-decay", 6), item("training", "decay-vs-gradient", 7),
        item("training", "width-sweep", 8)));
    assertThat(m.get("claim1")).containsExactly(Map.entry("runs", List.of("decay-vs-gradient")));
    assertThat(m.get("claim2")).containsExactly(Map.entry("decay-alone", List.of("pure-decay")),
        Map.entry("training", List.of("decay-vs-gradient", "width-sweep")));
  }

  @Test
  void aDeclaredExperimentThatDoesNotExistIsAnErrorNamingIt() {
    rejects("content/03-claim-1.md:5: experiment 'decay-vs-gradiant' does not exist (known: decay-vs-gradient,"
        + " pure-decay, width-sweep)", page("content/03-claim-1.md", "claim1", item(null, "decay-vs-gradiant", 5)));
  }

  @Test
  void anUnknownRoleIsAnError() {
    rejects("content/05-claim-2.md:6: claim 'claim2' has no role 'alone' (its roles: decay-alone, training)",
        claim1, page("content/05-claim-2.md", "claim2", item("alone", "pure-decay", 6)));
  }

  @Test
  void aClaimWithSeveralRolesNeedsTheRoleWritten() {
    rejects("content/05-claim-2.md:6: claim 'claim2' reads experiments in several roles (decay-alone, training),"
        + " so write '- <role>: pure-decay'", claim1, page("content/05-claim-2.md", "claim2",
        item(null, "pure-decay", 6)));
  }

  @Test
  void everyRoleNeedsAnExperiment() {
    rejects("content/05-claim-2.md:4: claim 'claim2' needs an experiment for its role 'training' (training runs,"
        + " old and new init, several lambda): add '- training: <id>' under 'experiments:'", claim1,
        page("content/05-claim-2.md", "claim2", item("decay-alone", "pure-decay", 6)));
  }

  @Test
  void everyClaimNeedsExactlyOnePage() {
    rejects("claim 'claim2' has no page: add 'claim: claim2' and its experiments to the front matter of the page"
        + " that presents it (see docs/authoring.md)", claim1);
    rejects("content/09-again.md:4: claim 'claim1' is already presented by content/03-claim-1.md; a claim has one"
        + " page", claim1, page("content/09-again.md", "claim1", item(null, "pure-decay", 5)));
    rejects("content/09-x.md:4: unknown claim 'claim7' (known: claim1, claim2)", claim1,
        page("content/09-x.md", "claim7"));
  }
}
