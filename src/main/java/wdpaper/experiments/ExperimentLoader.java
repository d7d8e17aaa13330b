package wdpaper.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import wdpaper.data.InputVariant;
import wdpaper.data.Mnist;
import wdpaper.nn.RunSpec;
import wdpaper.project.Json;
import wdpaper.project.UserError;

/**
 * Reads and validates experiment files. Every problem is one line naming the file, the key and the value:
 * {@code content/experiments/x.json: 'eta' must be > 0, was -0.5}.
 *
 * <p>Sweepable keys take a value or a list of values; the runs are the cartesian product, in the order of
 * {@link #SWEEPABLE}, with the seeds innermost. {@code quick} holds overrides for the quick profile.
 *
 * <p>The same bounds hold in every profile: the full spec is always validated, and in the quick profile the
 * overrides in {@code quick} and the shrunk runs are validated again. Seeds are positive and distinct, counts are
 * integers, numbers are finite, and the layer sizes must fit the heap (the message names the memory a run would
 * need). The JSON itself must be strict: no duplicate keys, nothing after the top-level object.
 */
public final class ExperimentLoader {
  static final List<String> SWEEPABLE =
      List.of("sizes", "init", "eta", "lambda", "miniBatchSize", "epochs", "trainingSetSize");
  static final Set<String> SCALAR = Set.of("id", "title", "description", "validationSetSize", "testSetSize", "seeds",
      "gradients", "instrument", "snapshotsPerEpoch", "histogramEpochs", "saturationSample", "monitorSample",
      "allowDivergence", "quick", "input", "saturationThresholds", "settle");
  /** The defaults of the hyperparameters are {@link RunSpec#DEFAULTS}; these add the experiment-level keys. */
  static final Map<String, Object> DEFAULTS = defaults();

  private static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    Json.MAPPER.valueToTree(RunSpec.DEFAULTS).fields().forEachRemaining(f -> d.put(f.getKey(), f.getValue()));
    d.put("testSetSize", RunSpec.DEFAULTS.testSetSize()); // left out of RunSpec's JSON at its default
    d.put("seeds", 3);
    d.put("allowDivergence", false);
    d.put("description", "");
    return d;
  }

  private final Path file;
  private final String name;

  private ExperimentLoader(Path file, String displayName) {
    this.file = file;
    this.name = displayName;
  }

  /** Loads every {@code *.json} in {@code dir}, sorted by file name; ids must be unique (they are file names). */
  public static List<ExperimentSpec> loadAll(Path dir, Profile profile, java.util.function.Function<Path, String> display) {
    if (!Files.isDirectory(dir)) {
      throw UserError.config("experiment folder " + dir + " does not exist, expected content/experiments/*.json");
    }
    List<ExperimentSpec> result = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        result.add(load(p, profile, display.apply(p)));
      }
    } catch (IOException e) {
      throw wdpaper.project.IoErrors.error("cannot list the experiments in", dir, e);
    }
    if (result.isEmpty()) {
      throw UserError.config("no experiments in " + display.apply(dir) + ", expected at least one <id>.json");
    }
    return result;
  }

  /** Loads one experiment file for the given profile. */
  public static ExperimentSpec load(Path file, Profile profile, String displayName) {
    return new ExperimentLoader(file, displayName).load(profile);
  }

  private ExperimentSpec load(Profile profile) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(wdpaper.project.Text.normalize(Files.readString(file)));
    } catch (JsonProcessingException e) {
      throw error("invalid JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw wdpaper.project.IoErrors.error("cannot read the experiment file", file, e);
    }
    if (root == null || !root.isObject()) {
      throw error("expected a JSON object at the top level");
    }
    checkKeys(root, "", true);
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    String id = text(root, "id");
    if (!id.equals(stem)) {
      throw error("'id' must equal the file name '" + stem + "', was '" + id + "'");
    }
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw error("'id' must be kebab-case (a-z, 0-9, -), was '" + id + "'");
    }
    String title = text(root, "title");
    String description = root.has("description") ? text(root, "description") : "";
    ObjectNode full = root.deepCopy();
    full.remove("quick");
    List<ExperimentSpec.Run> runs = expand(full);
    boolean allowDivergence = bool(full, "allowDivergence");
    if (profile == Profile.QUICK) {
      ObjectNode effective = full.deepCopy();
      JsonNode quick = root.get("quick");
      if (quick != null) {
        quickKeys = new TreeSet<>();
        quick.fieldNames().forEachRemaining(quickKeys::add);
      }
      applyQuick(effective, quick);
      shrunk = true;
      runs = expand(effective);
      allowDivergence = bool(effective, "allowDivergence");
    }
    return new ExperimentSpec(id, title, description, file, allowDivergence, runs);
  }

  /** True while expanding the quick profile's shrunk spec (whose epochs may be fewer than a settle rule's). */
  private boolean shrunk;

  /** Keys whose value came from the 'quick' overrides (named 'quick.key' in messages). */
  private Set<String> quickKeys = Set.of();

  /** {@code 'key'} as the user wrote it: {@code 'quick.epochs'} if the value came from the quick overrides. */
  private String k(String key) {
    return k(key, "");
  }

  /** {@code 'key.part'} as the user wrote it, e.g. {@code 'quick.settle.epochs'}. */
  private String k(String key, String part) {
    return "'" + (quickKeys.contains(key) ? "quick." : "") + key + part + "'";
  }

  /**
   * Shrinks a validated full spec to the quick profile (data, epochs, one seed), then applies the overrides in
   * {@code quick}; histogram epochs beyond the quick epochs move to the last one unless {@code quick} sets them.
   */
  private void applyQuick(ObjectNode effective, JsonNode quick) {
    JsonNode epochs = effective.get("epochs");
    int maxEpochs = Profile.QUICK_EPOCHS;
    effective.put("trainingSetSize", Math.min(Profile.QUICK_TRAINING, intValue(effective, "trainingSetSize")));
    effective.put("validationSetSize", Math.min(Profile.QUICK_VALIDATION, intValue(effective, "validationSetSize")));
    effective.put("testSetSize", Math.min(Profile.QUICK_TEST, intValue(effective, "testSetSize")));
    effective.put("monitorSample", Math.min(Profile.QUICK_MONITOR, intValue(effective, "monitorSample")));
    effective.put("seeds", 1);
    if (epochs == null || epochs.isNumber()) {
      effective.put("epochs", Math.min(maxEpochs, epochs == null ? RunSpec.DEFAULTS.epochs() : epochs.asInt()));
    } else {
      effective.set("epochs", Json.MAPPER.valueToTree(List.of(maxEpochs)));
    }
    if (quick != null) {
      quick.fields().forEachRemaining(f -> effective.set(f.getKey(), f.getValue()));
    }
    if (effective.has("histogramEpochs") && !quickKeys.contains("histogramEpochs")) {
      int last = Integer.MAX_VALUE;
      JsonNode e = effective.get("epochs");
      for (JsonNode x : e.isArray() ? e : List.of(e)) {
        last = Math.min(last, x.isInt() ? x.asInt() : maxEpochs);
      }
      Set<Integer> kept = new TreeSet<>();
      for (JsonNode h : effective.get("histogramEpochs")) {
        kept.add(Math.min(h.asInt(), last));
      }
      effective.set("histogramEpochs", Json.MAPPER.valueToTree(kept));
    }
  }

  private void checkKeys(JsonNode node, String prefix, boolean top) {
    Set<String> known = new TreeSet<>(SWEEPABLE);
    known.addAll(SCALAR);
    if (!top) {
      known.removeAll(Set.of("id", "title", "description", "quick"));
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        throw error("unknown key '" + prefix + k + "', expected one of " + String.join(", ", known));
      }
    });
    for (String required : top ? List.of("id", "title", "sizes", "init", "eta", "lambda") : List.<String>of()) {
      if (!node.has(required)) {
        throw error("missing key '" + required + "'");
      }
    }
    if (top && node.has("quick")) {
      if (!node.get("quick").isObject()) {
        throw error("'quick' must be an object of overrides, was " + node.get("quick"));
      }
      checkKeys(node.get("quick"), "quick.", false);
    }
  }

  private List<ExperimentSpec.Run> expand(JsonNode root) {
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (String key : SWEEPABLE) {
      JsonNode v = root.has(key) ? root.get(key) : Json.MAPPER.valueToTree(DEFAULTS.get(key));
      List<JsonNode> list = new ArrayList<>();
      boolean sweep = key.equals("sizes") ? v.isArray() && v.size() > 0 && v.get(0).isArray() : v.isArray();
      if (v.isArray() && v.isEmpty()) {
        throw error(k(key) + " is an empty list, expected at least one value");
      }
      if (sweep) {
        v.forEach(list::add);
      } else {
        list.add(v);
      }
      values.put(key, list);
    }
    List<Long> seeds = seeds(root.has("seeds") ? root.get("seeds") : Json.MAPPER.valueToTree(DEFAULTS.get("seeds")));
    int validationSize = intIn(root, "validationSetSize", 1, Mnist.VALIDATION);
    int testSize = intIn(root, "testSetSize", 1, Mnist.TEST);
    boolean gradients = bool(root, "gradients");
    boolean instrument = bool(root, "instrument");
    bool(root, "allowDivergence"); // validated here, read by load()
    int snapshots = intIn(root, "snapshotsPerEpoch", 0, 1000);
    int saturation = intIn(root, "saturationSample", 1, Mnist.VALIDATION);
    int monitor = intIn(root, "monitorSample", 1, Mnist.TRAINING);
    InputVariant input = input(root);
    List<Double> thresholds = saturationThresholds(root);
    RunSpec.Settle settle = settle(root);
    List<ExperimentSpec.Run> runs = new ArrayList<>();
    List<Map<String, JsonNode>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (var e : values.entrySet()) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> c : combos) {
        for (JsonNode v : e.getValue()) {
          Map<String, JsonNode> m = new LinkedHashMap<>(c);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    for (Map<String, JsonNode> c : combos) {
      List<Integer> sizes = sizes(c.get("sizes"), input);
      String init = c.get("init").asText();
      if (!c.get("init").isTextual() || !(init.equals("old") || init.equals("new"))) {
        throw error(k("init") + " must be \"old\" or \"new\", was " + c.get("init"));
      }
      double eta = number(c.get("eta"), "eta");
      if (!(eta > 0)) {
        throw error(k("eta") + " must be > 0, was " + c.get("eta"));
      }
      double lambda = number(c.get("lambda"), "lambda");
      if (!(lambda >= 0)) {
        throw error(k("lambda") + " must be >= 0, was " + c.get("lambda"));
      }
      int m = integer(c.get("miniBatchSize"), "miniBatchSize", 1, Mnist.TRAINING);
      int epochs = integer(c.get("epochs"), "epochs", 1, 10_000);
      int n = integer(c.get("trainingSetSize"), "trainingSetSize", 1, Mnist.TRAINING);
      if (m > n) {
        throw error(k("miniBatchSize") + " (m = " + m + ") must not exceed " + k("trainingSetSize") + " (n = " + n
            + ")");
      }
      checkMemory(sizes, m, c.get("sizes"));
      if (settle != null && settle.epochs() > epochs && !shrunk) {
        throw error(k("settle") + " asks for " + settle.epochs() + " settled epochs, more than the " + epochs
            + " epochs of the run (its cap)");
      }
      List<Integer> hist = histogramEpochs(root, epochs);
      Map<String, String> sweep = new LinkedHashMap<>();
      for (String key : SWEEPABLE) {
        if (values.get(key).size() > 1) {
          JsonNode v = c.get(key);
          sweep.put(key, v.isNumber() ? Numbers.format(v.asDouble()) : v.isArray() ? v.toString() : v.asText());
        }
      }
      for (long seed : seeds) {
        RunSpec spec = new RunSpec(sizes, init, eta, lambda, m, epochs, n, validationSize, testSize, seed, gradients,
            instrument, snapshots, hist, Math.min(saturation, validationSize), Math.min(monitor, n),
            input.id(), thresholds, settle);
        runs.add(new ExperimentSpec.Run(spec, sweep));
      }
    }
    return runs;
  }

  private List<Integer> sizes(JsonNode v, InputVariant input) {
    if (!v.isArray() || v.size() < 2) {
      throw error(k("sizes") + " must be a list of at least 2 layer sizes (or a list of such lists), was " + v);
    }
    List<Integer> s = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isInt() || x.asInt() < 1) {
        throw error(k("sizes") + " entries must be positive integers, was " + v);
      }
      s.add(x.asInt());
    }
    if (s.get(0) != input.inputs() || s.get(s.size() - 1) != 10) {
      throw error(k("sizes") + " must start with " + input.inputs() + " inputs and end with 10 outputs for "
          + (input == InputVariant.MNIST ? "MNIST" : k("input") + " \"" + input.id() + "\"") + ", was " + v);
    }
    return s;
  }

  /** The inputs: one of {@link InputVariant#ids()}. */
  private InputVariant input(JsonNode root) {
    JsonNode v = root.has("input") ? root.get("input") : Json.MAPPER.valueToTree(DEFAULTS.get("input"));
    return InputVariant.of(v.isTextual() ? v.asText() : "").orElseThrow(() -> error(k("input") + " must be one of "
        + InputVariant.ids().stream().map(x -> "\"" + x + "\"").collect(java.util.stream.Collectors.joining(", "))
        + ", was " + v));
  }

  /** At most this many saturation thresholds. */
  static final int MAX_THRESHOLDS = 20;

  /** A non-empty list of increasing finite numbers > 0. */
  private List<Double> saturationThresholds(JsonNode root) {
    JsonNode v = root.has("saturationThresholds") ? root.get("saturationThresholds")
        : Json.MAPPER.valueToTree(DEFAULTS.get("saturationThresholds"));
    String expected = k("saturationThresholds") + " must be a list of 1.." + MAX_THRESHOLDS
        + " increasing numbers > 0 (thresholds on |z|), was " + v;
    if (!v.isArray() || v.isEmpty() || v.size() > MAX_THRESHOLDS) {
      throw error(expected);
    }
    List<Double> t = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isNumber() || !(x.asDouble() > 0) || !Double.isFinite(x.asDouble())
          || !t.isEmpty() && !(x.asDouble() > t.get(t.size() - 1))) {
        throw error(expected);
      }
      t.add(x.asDouble());
    }
    return t;
  }

  /** The settle rule {"fraction": f in (0, 1], "epochs": k >= 1}, or null if absent. */
  private RunSpec.Settle settle(JsonNode root) {
    JsonNode v = root.get("settle");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject() || !v.has("fraction") || !v.has("epochs") || v.size() != 2) {
      throw error(k("settle") + " must be {\"fraction\": f, \"epochs\": k} (stop once the weight norm changed by"
          + " less than f x eta*lambda/m per epoch for k epochs in a row), was " + v);
    }
    JsonNode f = v.get("fraction");
    if (!f.isNumber() || !(f.asDouble() > 0 && f.asDouble() <= 1)) {
      throw error(k("settle", ".fraction") + " must be a number in (0, 1], was " + f);
    }
    JsonNode e = v.get("epochs");
    if (!e.isIntegralNumber() || !e.canConvertToInt() || e.asInt() < 1 || e.asInt() > 1000) {
      throw error(k("settle", ".epochs") + " must be a whole number 1..1000, was " + e);
    }
    return new RunSpec.Settle(f.asDouble(), e.asInt());
  }

  /** Doubles in one Java array, at most. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Refuses sizes whose weights do not fit one Java array per layer, or whose run would not fit the heap: the
   * trainer holds about six weight-sized arrays of doubles at its peak (the padded rows, the running sums of the
   * split, the initial and the start-of-epoch copies and two flat copies while measuring), plus activations and
   * deltas for a mini-batch and the mini-batch's inputs grouped by input.
   */
  private void checkMemory(List<Integer> sizes, int m, JsonNode written) {
    long bytes = 0;
    long units = 0;
    for (int l = 0; l + 1 < sizes.size(); l++) {
      bytes += 6 * 8 * (long) sizes.get(l) * (sizes.get(l + 1) + 8);
      units += sizes.get(l + 1) + 8;
    }
    bytes += 2 * 8 * m * units + 2 * 8L * m * m + 12L * m * sizes.get(0);
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > heap) {
      throw error(k("sizes") + " " + written + " with m = " + m + " needs about " + Numbers.bytes(bytes)
          + " for the weights and work arrays; this JVM has " + Numbers.bytes(heap) + " (-Xmx)");
    }
    for (int l = 0; l + 1 < sizes.size(); l++) {
      long w = (long) sizes.get(l) * sizes.get(l + 1);
      if (w > MAX_ARRAY) {
        throw error(k("sizes") + " " + written + ": layer " + (l + 1) + " would have " + String.format(
            java.util.Locale.ROOT, "%,d", w) + " weights, more than one Java array holds (" + String.format(
            java.util.Locale.ROOT, "%,d", MAX_ARRAY) + ")");
      }
    }
  }

  private List<Long> seeds(JsonNode v) {
    List<Long> seeds = new ArrayList<>();
    String expected = k("seeds") + " must be a count 1.." + MAX_SEEDS + " or a list of distinct positive integer"
        + " seeds, was ";
    if (v.isIntegralNumber() && !v.isArray()) {
      if (!v.isInt() || v.asInt() < 1 || v.asInt() > MAX_SEEDS) {
        throw error(expected + v);
      }
      for (int i = 1; i <= v.asInt(); i++) {
        seeds.add((long) i);
      }
    } else if (v.isArray() && !v.isEmpty() && v.size() <= MAX_SEEDS) {
      for (JsonNode s : v) {
        if (!s.isIntegralNumber() || !s.canConvertToLong() || s.asLong() < 1) {
          throw error(k("seeds") + " entries must be positive integers, was " + s + " in " + v);
        }
        if (seeds.contains(s.asLong())) {
          throw error(k("seeds") + " lists " + s.asLong() + " twice, expected distinct seeds");
        }
        seeds.add(s.asLong());
      }
    } else {
      throw error(expected + v);
    }
    return seeds;
  }

  /** At most this many seeds per run. */
  static final int MAX_SEEDS = 1000;

  private List<Integer> histogramEpochs(JsonNode root, int epochs) {
    List<Integer> h = new ArrayList<>();
    if (!root.has("histogramEpochs")) {
      return h;
    }
    JsonNode v = root.get("histogramEpochs");
    if (!v.isArray()) {
      throw error(k("histogramEpochs") + " must be a list of epochs, was " + v);
    }
    for (JsonNode e : v) {
      if (!e.isInt() || e.asInt() < 0 || e.asInt() > epochs) {
        throw error(k("histogramEpochs") + " entries must be whole epochs 0.." + epochs + ", was " + e);
      }
      if (h.contains(e.asInt())) {
        throw error(k("histogramEpochs") + " lists epoch " + e.asInt() + " twice");
      }
      h.add(e.asInt());
    }
    return h;
  }

  private String text(JsonNode root, String key) {
    JsonNode v = root.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw error(k(key) + " must be a non-empty string, was " + v);
    }
    return v.asText();
  }

  private boolean bool(JsonNode root, String key) {
    JsonNode v = root.has(key) ? root.get(key) : Json.MAPPER.valueToTree(DEFAULTS.get(key));
    if (!v.isBoolean()) {
      throw error(k(key) + " must be true or false, was " + v);
    }
    return v.asBoolean();
  }

  private int intValue(JsonNode root, String key) {
    JsonNode v = root.has(key) ? root.get(key) : Json.MAPPER.valueToTree(DEFAULTS.get(key));
    return v.isArray() ? Integer.MAX_VALUE : v.asInt();
  }

  private int intIn(JsonNode root, String key, int min, int max) {
    JsonNode v = root.has(key) ? root.get(key) : Json.MAPPER.valueToTree(DEFAULTS.get(key));
    return integer(v, key, min, max);
  }

  private int integer(JsonNode v, String key, int min, int max) {
    if (!v.isInt()) {
      throw error(k(key) + " must be a whole number " + min + ".." + max + ", was " + v);
    }
    if (v.asInt() < min || v.asInt() > max) {
      throw error(k(key) + " must be in " + min + ".." + max + ", was " + v);
    }
    return v.asInt();
  }

  private double number(JsonNode v, String key) {
    if (!v.isNumber()) {
      throw error(k(key) + " must be a number, was " + v);
    }
    if (!Double.isFinite(v.asDouble())) {
      throw error(k(key) + " must be a finite number, was " + v.asText() + " (too large for a double)");
    }
    return v.asDouble();
  }

  private UserError error(String message) {
    return UserError.config(name + ": " + message);
  }
}
