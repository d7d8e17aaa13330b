package wdpaper.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wdpaper.project.UserError;

/** content/thresholds.json against the claims' declarations: every problem one line naming file and key. */
class ThresholdFileTest {
  private static final String FILE = "content/thresholds.json";
  private final List<Claim<?>> claims = List.of(new DecayDominance(), new TailOff());

  private Map<String, Thresholds> read(String json) {
    return ThresholdFile.read(FILE, json, claims);
  }

  private void rejects(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(UserError.class).hasMessage(message);
  }

  @Test
  void readsEachClaimsThresholds() {
    Map<String, Thresholds> t = read("{\"claim1\": {\"dominanceShare\": 0.9},"
        + " \"claim3\": {\"tailOffFraction\": 0.5, \"standardErrors\": 2}}");
    assertThat(t.get("claim1").get(DecayDominance.DOMINANCE)).isEqualTo(0.9);
    assertThat(t.get("claim3").values()).containsExactly(Map.entry("tailOffFraction", 0.5),
        Map.entry("standardErrors", 2.0));
  }

  @Test
  void rejectsAnUnknownClaim() {
    rejects("{\"claim9\": {}}", FILE + ": unknown key 'claim9', expected a claim id (claim1, claim3)");
  }

  @Test
  void rejectsAnUnknownThreshold() {
    rejects("{\"claim1\": {\"dominanceShare\": 0.9, \"share\": 1}, \"claim3\": {\"tailOffFraction\": 0.5,"
        + " \"standardErrors\": 2}}", FILE + ": unknown key 'claim1.share', expected one of dominanceShare");
  }

  @Test
  void rejectsAMissingThreshold() {
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim3\": {\"tailOffFraction\": 0.5}}",
        FILE + ": missing 'claim3.standardErrors', expected a number > 0");
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}}",
        FILE + ": missing 'claim3', expected an object with tailOffFraction, standardErrors");
  }

  @Test
  void rejectsAWrongType() {
    rejects("{\"claim1\": {\"dominanceShare\": \"0.9\"}}",
        FILE + ": 'claim1.dominanceShare' must be a number in (0, 1], was \"0.9\"");
    rejects("{\"claim1\": 0.9}", FILE + ": 'claim1' must be an object with dominanceShare, was 0.9");
    rejects("[1]", FILE + ": expected a JSON object with one object per claim, was array");
  }

  @Test
  void rejectsAValueOutOfRange() {
    rejects("{\"claim1\": {\"dominanceShare\": 1.5}}",
        FILE + ": 'claim1.dominanceShare' must be a number in (0, 1], was 1.5");
    rejects("{\"claim1\": {\"dominanceShare\": 0}}",
        FILE + ": 'claim1.dominanceShare' must be a number in (0, 1], was 0");
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim3\": {\"tailOffFraction\": 0.5,"
        + " \"standardErrors\": -2}}", FILE + ": 'claim3.standardErrors' must be a number > 0, was -2");
  }

  @Test
  void rejectsInvalidJsonNamingTheLine() {
    rejects("{\n\"claim1\": {\"dominanceShare\": 0.9,}}", FILE + ": invalid JSON at line 2: Unexpected character"
        + " ('}' (code 125)): was expecting double-quote to start field name");
  }

  @Test
  void aChangedValueIsCheckedAgainstTheDeclaration() {
    Thresholds t = read("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim3\": {\"tailOffFraction\": 0.5,"
        + " \"standardErrors\": 2}}").get("claim1");
    assertThat(t.with(DecayDominance.DOMINANCE, 0.8).get(DecayDominance.DOMINANCE)).isEqualTo(0.8);
    assertThat(t.get(DecayDominance.DOMINANCE)).isEqualTo(0.9);
    assertThatThrownBy(() -> t.with(DecayDominance.DOMINANCE, 2))
        .hasMessage("threshold 'claim1.dominanceShare' must be a number in (0, 1], was 2.0");
  }
}
