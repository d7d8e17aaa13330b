package wdpaper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JIT directives parse on this JVM (a typo would be refused by the JVM, and ignored by the command). */
class JitDirectivesTest {
  @Test
  void theJvmAcceptsTheDirectives() {
    assertThat(JitDirectives.apply()).hasValue("2 compiler directives added");
  }

  @Test
  void onlyTheTrainerDataRunnerAndShaKeepTheOptimizingCompiler() {
    assertThat(JitDirectives.json()).isEqualTo("[{match: [\"wdpaper/nn/*.*\", \"wdpaper/data/*.*\","
        + " \"wdpaper/experiments/*.*\", \"sun/security/provider/*.*\"]}, {match: \"*.*\", c2: {Exclude: true}}]");
  }
}
