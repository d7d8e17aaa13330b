package wdpaper.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The typed-number check on its own: the page as written, and the text FreeMarker rendered (marks in). */
class NumberCheckTest {
  private static final String F = "content/x.md";

  private static String data(String s) {
    return DataNumbers.mark(s);
  }

  @Test
  void numbersFromTheDataPassAndWholeNumbersAreAllowed() {
    String rendered = "Claim 1 uses " + data("784") + " inputs, " + data("87.55%") + " and $\\eta = " + data("0.1")
        + "$, in [784,30,10] and N(0,1); 7,940 weights; `v1.2.3` in code; [a link](https://x.org/v0.5).";
    assertThat(NumberCheck.checkRendered(F, rendered, rendered)).isEmpty();
  }

  @Test
  void typedDecimalsPercentagesCommasExponentsAndPowersOfTenAreRejected() {
    String source = "a\nThe share is 97.3 here.\nAbout 12 % of them.\nOr 97,3 in Europe.\nTiny: 1e-3.\n"
        + "Math: $\\eta = 0.1$ and $10^{-3}$.\nTypeset 10⁻⁹ too.\n";
    assertThat(NumberCheck.checkRendered(F, source, source)).containsExactly(
        F + ":2: literal number '97.3' in the rendered text; numbers the reader sees must come from the data"
            + " through ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with"
            + " ?string is not)",
        F + ":3: literal number '12 %' in the rendered text; numbers the reader sees must come from the data through"
            + " ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with ?string is"
            + " not)",
        F + ":4: literal number '97,3' in the rendered text; numbers the reader sees must come from the data through"
            + " ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with ?string is"
            + " not)",
        F + ":5: literal number '1e-3' in the rendered text; numbers the reader sees must come from the data through"
            + " ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with ?string is"
            + " not)",
        F + ":6: literal number '0.1' in the rendered text; numbers the reader sees must come from the data through"
            + " ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with ?string is"
            + " not)",
        F + ":6: literal number '10^{-3}' in the rendered text; numbers the reader sees must come from the data"
            + " through ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with"
            + " ?string is not)",
        F + ":7: literal number '10⁻⁹' in the rendered text; numbers the reader sees must come from the data"
            + " through ${...} or p.f, p.pct, p.sci (a number typed, computed in the template or formatted with"
            + " ?string is not)");
  }

  @Test
  void digitsTypedNextToADataNumberAreRejected() {
    String rendered = "x " + data("0.3") + ".5 y";
    assertThat(NumberCheck.checkRendered(F, "x ${c.x}.5 y", rendered)).containsExactly(
        F + ":1: literal number '.5' typed next to a number from the data");
  }

  @Test
  void anUnmarkedNumberIsFoundOnTheLineThatTypedIt() {
    String source = "---\ntitle: T\n---\nFirst line.\n${97.3} percent of the runs\n";
    String rendered = "---\ntitle: T\n---\nFirst line.\n97.3 percent of the runs\n";
    assertThat(NumberCheck.checkRendered(F, source, rendered)).hasSize(1).first().asString()
        .startsWith(F + ":5: literal number '97.3'");
  }

  @Test
  void aComputedNumberIsPlacedOnTheMostSimilarLine() {
    String source = "Intro.\n<#list rows as r>\nthe share is ${r.x?string(\"0.0\")} here\n</#list>\n";
    String rendered = "Intro.\nthe share is 12.5 here\nthe share is 13.5 here\n";
    assertThat(NumberCheck.checkRendered(F, source, rendered)).extracting(s -> s.substring(0, s.indexOf(" ")))
        .containsExactly(F + ":3:", F + ":3:");
  }

  @Test
  void theSourceCheckRejectsNumbersTypedInTemplateExpressions() {
    String source = "a ${97.3} b\nc ${\"96.1 %\"} d\ne ${784} f\n<#if x gt 0.5>g</#if>\n${p.f(x, 3)} ${c.rows[0].x}\n"
        + "<@p.figure id=\"a\" title=\"λ = 0.5\" x=\"epoch\" y=\"y\">h</@p.figure>\n<#-- 1.5 in a comment -->\n";
    assertThat(NumberCheck.checkSource(F, source)).extracting(s -> s.substring(0, s.indexOf(" typed")))
        .containsExactly(F + ":1: number '97.3'", F + ":2: literal number '96.1 %'", F + ":3: number '784'",
            F + ":4: number '0.5'", F + ":6: literal number '0.5'");
  }

  @Test
  void typedNumbersOfPlainTextAreListed() {
    assertThat(NumberCheck.typedNumbers("for eta*lambda/n from 0.00001 to 0.05, n_w from 7,950")).containsExactly(
        "0.00001", "0.05");
    assertThat(NumberCheck.typedNumbers("old N(0,1) vs new N(0,1/n_in), 30 and 100 hidden")).isEmpty();
  }
}
