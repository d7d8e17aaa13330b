package wdpaper.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict on one claim, computed by a stated rule: {@code holds}, {@code holds with caveats} or
 * {@code does not hold}, with the rule in words, the numbers it used, and caveats.
 */
public record Verdict(String claim, String outcome, String rule, String evidence, List<String> caveats) {
  public static final String HOLDS = "holds";
  public static final String CAVEATS = "holds with caveats";
  public static final String FAILS = "does not hold";

  public Verdict {
    caveats = List.copyOf(caveats);
  }

  /** CSS-friendly slug of the outcome: holds, caveats, fails. */
  public String slug() {
    return outcome.equals(HOLDS) ? "holds" : outcome.equals(CAVEATS) ? "caveats" : "fails";
  }

  Map<String, Object> toModel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claim", claim);
    m.put("outcome", outcome);
    m.put("slug", slug());
    m.put("rule", rule);
    m.put("evidence", evidence);
    m.put("caveats", caveats);
    return m;
  }
}
