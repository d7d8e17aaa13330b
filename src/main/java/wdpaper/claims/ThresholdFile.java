package wdpaper.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.Json;
import wdpaper.project.UserError;

/**
 * Reads {@code content/thresholds.json}: one object per claim id, holding exactly the thresholds the claim declares,
 * each a number in the declared range. Every problem is one line naming the file and the key.
 *
 * <pre>{ "claim1": { "dominanceShare": 0.9 }, ... }</pre>
 */
public final class ThresholdFile {
  private ThresholdFile() {}

  /** Parses and checks {@code json} (the text of the file called {@code file} in messages) against the claims. */
  public static Map<String, Thresholds> read(String file, String json, List<Claim<?>> claims) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw UserError.config(file + ": invalid JSON at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw UserError.config(file + ": expected a JSON object with one object per claim, was "
          + (root == null ? "empty" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    Map<String, Claim<?>> byId = new LinkedHashMap<>();
    claims.forEach(c -> byId.put(c.id(), c));
    for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
      String id = it.next();
      if (!byId.containsKey(id)) {
        throw UserError.config(file + ": unknown key '" + id + "', expected a claim id (" + String.join(", ",
            byId.keySet()) + ")");
      }
    }
    Map<String, Thresholds> out = new LinkedHashMap<>();
    for (Claim<?> c : claims) {
      out.put(c.id(), section(file, c, root.get(c.id())));
    }
    return out;
  }

  /** {"value": v, "range": [low, high]}: both ends allowed values of {@code t}, low &lt; high. */
  private static List<Double> range(String file, String name, Threshold t, JsonNode v) {
    for (Iterator<String> it = v.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!k.equals("value") && !k.equals("range")) {
        throw UserError.config(file + ": unknown key '" + k + "' in " + name + ", expected value and range");
      }
    }
    JsonNode r = v.get("range");
    if (v.get("value") == null || r == null || !r.isArray() || r.size() != 2 || !r.get(0).isNumber()
        || !r.get(1).isNumber() || !t.accepts(r.get(0).asDouble()) || !t.accepts(r.get(1).asDouble())
        || !(r.get(0).asDouble() < r.get(1).asDouble())) {
      throw UserError.config(file + ": " + name + " must be a number or {\"value\": v, \"range\": [low, high]} with"
          + " low < high, each " + t.expectation() + ", was " + v);
    }
    return List.of(r.get(0).asDouble(), r.get(1).asDouble());
  }

  private static Thresholds section(String file, Claim<?> c, JsonNode node) {
    List<String> declared = new ArrayList<>();
    c.thresholds().forEach(t -> declared.add(t.key()));
    if (node == null) {
      if (!declared.isEmpty()) {
        throw UserError.config(file + ": missing '" + c.id() + "', expected an object with " + String.join(", ",
            declared));
      }
      return new Thresholds(c.id(), Map.of());
    }
    if (!node.isObject()) {
      throw UserError.config(file + ": '" + c.id() + "' must be an object with " + (declared.isEmpty() ? "no keys"
          : String.join(", ", declared)) + ", was " + node);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (!declared.contains(key)) {
        throw UserError.config(file + ": unknown key '" + c.id() + "." + key + "', expected "
            + (declared.isEmpty() ? "none (claim '" + c.id() + "' has no thresholds)" : "one of "
            + String.join(", ", declared)));
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, List<Double>> ranges = new LinkedHashMap<>();
    for (Threshold t : c.thresholds()) {
      JsonNode v = node.get(t.key());
      String name = "'" + c.id() + "." + t.key() + "'";
      if (v == null) {
        throw UserError.config(file + ": missing " + name + ", expected " + t.expectation());
      }
      if (v.isObject()) {
        ranges.put(t.key(), range(file, name, t, v));
        v = v.get("value");
      }
      if (!v.isNumber() || !t.accepts(v.asDouble())) {
        throw UserError.config(file + ": " + name + " must be " + t.expectation() + ", was " + v);
      }
      values.put(t.key(), v.asDouble());
      List<Double> r = ranges.get(t.key());
      if (r != null && (v.asDouble() < r.get(0) || v.asDouble() > r.get(1))) {
        throw UserError.config(file + ": " + name + " value " + v + " must lie in its range " + r);
      }
    }
    return new Thresholds(c.id(), values, ranges);
  }
}
