package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import wdpaper.project.UserError;

/** Front matter: title and order, and for a claim's page the claim and the experiments it reads. */
class PageTest {
  private static final String F = "content/05-claim-2.md";

  @Test
  void readsTheClaimAndItsExperimentsWithTheirRolesAndLines() {
    Page p = Page.parse(F, "---\ntitle: \"Claim 2: decay\"\norder: 5\nclaim: claim2\nexperiments:\n"
        + "  - decay-alone: pure-decay\n  - training: decay-vs-gradient\n---\nBody\n");
    assertThat(p.title()).isEqualTo("Claim 2: decay");
    assertThat(p.slug()).isEqualTo("claim-2");
    assertThat(p.claim()).isEqualTo("claim2");
    assertThat(p.claimLine()).isEqualTo(4);
    assertThat(p.experiments()).containsExactly(new Page.Experiment("decay-alone", "pure-decay", 6),
        new Page.Experiment("training", "decay-vs-gradient", 7));
  }

  @Test
  void aSingleExperimentMayBeGivenOnTheKeysLineWithoutARole() {
    Page p = Page.parse(F, "---\ntitle: T\norder: 3\nclaim: claim1\nexperiments: decay-vs-gradient\n---\n");
    assertThat(p.experiments()).containsExactly(new Page.Experiment(null, "decay-vs-gradient", 5));
  }

  @Test
  void aPageWithoutAClaimHasNoExperiments() {
    Page p = Page.parse("content/01-introduction.md", "---\ntitle: Intro\norder: 1\n---\n");
    assertThat(p.claim()).isNull();
    assertThat(p.experiments()).isEmpty();
  }

  private static void rejects(String frontMatter, String message) {
    assertThatThrownBy(() -> Page.parse(F, "---\n" + frontMatter + "---\nBody\n")).isInstanceOf(UserError.class)
        .hasMessage(message);
  }

  @Test
  void badFrontMatterIsOneLineNamingFileAndLine() {
    rejects("title: T\norder: 5\nclaim: claim2\n", F + ":4: the page of claim 'claim2' names no experiments,"
        + " expected 'experiments: <id>' or a list of '- <role>: <id>'");
    rejects("title: T\norder: 5\nexperiments: pure-decay\n", F + ":4: front matter 'experiments' names what a"
        + " claim reads, so it needs 'claim: <id>' too");
    rejects("title: T\n  - pure-decay\norder: 5\n", F + ":3: front matter list item '- pure-decay' belongs to no"
        + " key, expected 'experiments:' above it");
    rejects("title: T\norder: 5\nclaim: claim2\nexperiments:\n  - decay alone: pure-decay\n", F + ":6: experiment"
        + " 'decay alone: pure-decay' must be '<role>: <experiment id>' or '<experiment id>', kebab-case");
    rejects("title: T\ntitle: U\norder: 5\n", F + ":3: front matter key 'title' is given twice (first on line 2)");
    rejects("title: T\norder: 5\nclaims: claim2\n", F + ":4: unknown front matter key 'claims', expected title,"
        + " order, claim, experiments");
    rejects("title: T\norder: 5\nclaim: Claim 2\n", F + ":4: front matter 'claim' must be a claim id such as"
        + " claim1, was 'Claim 2'");
  }
}
