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
  private final List<Claim<?>> claims = List.of(new OneShareClaim(), new L2VersusInit());

  private Map<String, Thresholds> read(String json) {
    return ThresholdFile.read(FILE, json, claims);
  }

  private void rejects(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(UserError.class).hasMessage(message);
  }

  @Test
  void readsEachClaimsThresholds() {
    Map<String, Thresholds> t = read("{\"claim1\": {\"dominanceShare\": 0.9},"
        + " \"claim4\": {\"minShrink\": 0.5, \"maxOverTarget\": 2}}");
    assertThat(t.get("claim1").get(DecayDominance.DOMINANCE)).isEqualTo(0.9);
    assertThat(t.get("claim4").values()).containsExactly(Map.entry("minShrink", 0.5),
        Map.entry("maxOverTarget", 2.0));
  }

  @Test
  void rejectsAnUnknownClaim() {
    rejects("{\"claim9\": {}}", FILE + ": unknown key 'claim9', expected a claim id (claim1, claim4)");
  }

  @Test
  void rejectsAnUnknownThreshold() {
    rejects("{\"claim1\": {\"dominanceShare\": 0.9, \"share\": 1}, \"claim4\": {\"minShrink\": 0.5,"
        + " \"maxOverTarget\": 2}}", FILE + ": unknown key 'claim1.share', expected one of dominanceShare");
  }

  @Test
  void rejectsAMissingThreshold() {
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim4\": {\"minShrink\": 0.5}}",
        FILE + ": missing 'claim4.maxOverTarget', expected a number > 0");
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}}",
        FILE + ": missing 'claim4', expected an object with minShrink, maxOverTarget");
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
    rejects("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim4\": {\"minShrink\": 0.5,"
        + " \"maxOverTarget\": -2}}", FILE + ": 'claim4.maxOverTarget' must be a number > 0, was -2");
  }

  @Test
  void rejectsInvalidJsonNamingTheLine() {
    rejects("{\n\"claim1\": {\"dominanceShare\": 0.9,}}", FILE + ": invalid JSON at line 2: Unexpected character"
        + " ('}' (code 125)): was expecting double-quote to start field name");
  }

  @Test
  void aChangedValueIsCheckedAgainstTheDeclaration() {
    Thresholds t = read("{\"claim1\": {\"dominanceShare\": 0.9}, \"claim4\": {\"minShrink\": 0.5,"
        + " \"maxOverTarget\": 2}}").get("claim1");
    assertThat(t.with(DecayDominance.DOMINANCE, 0.8).get(DecayDominance.DOMINANCE)).isEqualTo(0.8);
    assertThat(t.get(DecayDominance.DOMINANCE)).isEqualTo(0.9);
    assertThatThrownBy(() -> t.with(DecayDominance.DOMINANCE, 2))
        .hasMessage("threshold 'claim1.dominanceShare' must be a number in (0, 1], was 2.0");
  }

  @Test
  void readsASensitivityRangeNextToTheValue() {
    Thresholds t = read("{\"claim1\": {\"dominanceShare\": {\"value\": 0.9, \"range\": [0.8, 0.95]}},"
        + " \"claim4\": {\"minShrink\": 0.5, \"maxOverTarget\": 2}}").get("claim1");
    assertThat(t.get(DecayDominance.DOMINANCE)).isEqualTo(0.9);
    assertThat(t.ranges()).containsExactly(Map.entry("dominanceShare", List.of(0.8, 0.95)));
    assertThat(t.with(DecayDominance.DOMINANCE, 0.85).ranges()).isEqualTo(t.ranges());
  }

  @Test
  void rejectsABadRange() {
    rejects("{\"claim1\": {\"dominanceShare\": {\"value\": 0.9, \"range\": [0.95, 0.8]}}}", FILE
        + ": 'claim1.dominanceShare' must be a number or {\"value\": v, \"range\": [low, high]} with low < high,"
        + " each a number in (0, 1], was {\"value\":0.9,\"range\":[0.95,0.8]}");
    rejects("{\"claim1\": {\"dominanceShare\": {\"value\": 0.9, \"range\": [0.5, 0.8]}}}", FILE
        + ": 'claim1.dominanceShare' value 0.9 must lie in its range [0.5, 0.8]");
    rejects("{\"claim1\": {\"dominanceShare\": {\"value\": 0.9, \"span\": 1}}}", FILE
        + ": unknown key 'span' in 'claim1.dominanceShare', expected value and range");
  }
}
