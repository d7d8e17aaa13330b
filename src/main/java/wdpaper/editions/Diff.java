package wdpaper.editions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import wdpaper.project.Json;

/**
 * What changed between two editions, computed from their result models (each edition's {@code model.json}), never
 * from their HTML:
 * <ul>
 *   <li><b>verdicts</b> whose outcome differs ({@code verdicts.<claim>.outcome});
 *   <li><b>numbers</b> of the claims' results (what the prose prints, {@code ${claim1.rows[2].shareEpoch1}}) that
 *       moved by more than their seed spread. The spread of a number {@code x} is read from its companions in the
 *       same object, as the claims record them: {@code xHi − xLo}, else {@code xMax − xMin}, else
 *       {@code 2 |x − xMin|} (or {@code xMax}), and for a fitted {@code slope} twice its standard error {@code se};
 *       the larger of the two editions' spreads counts. A number without
 *       companions (a single seed, a count, a fitted slope) is reported whenever it changed at all (beyond a
 *       relative 1e-9). The companions themselves (and a slope's {@code se}) are not reported;
 *   <li><b>figures</b> whose plotted data changed (the SHA-256 of their CSV), or that were added or removed;
 *   <li><b>experiments</b> added, removed, or whose spec changed (key by key, from the spec files as parsed).
 * </ul>
 */
public record Diff(Edition from, Edition to, List<VerdictChange> verdicts, List<NumberChange> numbers,
    List<FigureChange> figures, List<String> experimentsAdded, List<String> experimentsRemoved,
    List<SpecChange> experimentsChanged) {

  public record VerdictChange(String claim, String from, String to) {}

  /** A number that moved: its path in the model, both values and the spread it was compared with (NaN: none). */
  public record NumberChange(String path, double from, double to, double spread) {}

  /** A figure: {@code data changed}, {@code added} or {@code removed}, with its CSV hashes (empty when absent). */
  public record FigureChange(String id, String change, String fromCsv, String toCsv) {}

  public record SpecChange(String experiment, List<FieldChange> fields) {}

  public record FieldChange(String key, String from, String to) {}

  private static final List<String[]> SPREAD_SUFFIXES = List.of(new String[] {"Lo", "Hi"},
      new String[] {"Min", "Max"});

  /** The changes from {@code oldModel} to {@code newModel} (two parsed model.json files). */
  public static Diff of(Map<String, Object> oldModel, Map<String, Object> newModel) {
    Edition from = Edition.fromModel(oldModel);
    Edition to = Edition.fromModel(newModel);
    List<VerdictChange> verdicts = new ArrayList<>();
    Map<String, Object> ov = map(oldModel.get("verdicts"));
    Map<String, Object> nv = map(newModel.get("verdicts"));
    for (String claim : union(ov.keySet(), nv.keySet())) {
      String a = ov.containsKey(claim) ? String.valueOf(map(ov.get(claim)).get("outcome")) : "absent";
      String b = nv.containsKey(claim) ? String.valueOf(map(nv.get(claim)).get("outcome")) : "absent";
      if (!a.equals(b)) {
        verdicts.add(new VerdictChange(claim, a, b));
      }
    }
    List<NumberChange> numbers = new ArrayList<>();
    for (String claim : nv.keySet()) {
      if (ov.containsKey(claim)) {
        numbers(claim, oldModel.get(claim), newModel.get(claim), numbers);
      }
    }
    List<FigureChange> figures = new ArrayList<>();
    Map<String, Object> op = map(oldModel.get("provenance"));
    Map<String, Object> np = map(newModel.get("provenance"));
    for (String id : union(op.keySet(), np.keySet())) {
      String a = op.containsKey(id) ? String.valueOf(map(op.get(id)).get("csvSha256")) : "";
      String b = np.containsKey(id) ? String.valueOf(map(np.get(id)).get("csvSha256")) : "";
      if (!a.equals(b)) {
        figures.add(new FigureChange(id, a.isEmpty() ? "added" : b.isEmpty() ? "removed" : "data changed", a, b));
      }
    }
    Map<String, Object> oe = map(oldModel.get("experiments"));
    Map<String, Object> ne = map(newModel.get("experiments"));
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<SpecChange> changed = new ArrayList<>();
    for (String id : union(oe.keySet(), ne.keySet())) {
      if (!oe.containsKey(id)) {
        added.add(id);
      } else if (!ne.containsKey(id)) {
        removed.add(id);
      } else {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        flatten("", map(oe.get(id)).get("spec"), a);
        flatten("", map(ne.get(id)).get("spec"), b);
        List<FieldChange> fields = new ArrayList<>();
        for (String k : union(a.keySet(), b.keySet())) {
          String x = a.getOrDefault(k, "(absent)");
          String y = b.getOrDefault(k, "(absent)");
          if (!x.equals(y)) {
            fields.add(new FieldChange(k, x, y));
          }
        }
        if (!fields.isEmpty()) {
          changed.add(new SpecChange(id, fields));
        }
      }
    }
    return new Diff(from, to, verdicts, numbers, figures, added, removed, changed);
  }

  /** True if nothing the diff looks at changed. */
  public boolean isEmpty() {
    return verdicts.isEmpty() && numbers.isEmpty() && figures.isEmpty() && experimentsAdded.isEmpty()
        && experimentsRemoved.isEmpty() && experimentsChanged.isEmpty();
  }

  /** The diff as text, one change a line (the {@code diff} command's output). */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("changes from edition ").append(from.version()).append(" (").append(from.day()).append(") to edition ")
        .append(to.version()).append(" (").append(to.day()).append(")\n");
    if (isEmpty()) {
      sb.append("no changes in verdicts, numbers, figure data or experiment specs\n");
      return sb.toString();
    }
    sb.append("verdicts changed: ").append(verdicts.size()).append('\n');
    verdicts.forEach(v -> sb.append("  ").append(v.claim()).append(": ").append(v.from()).append(" -> ")
        .append(v.to()).append('\n'));
    sb.append("numbers moved by more than their seed spread: ").append(numbers.size()).append('\n');
    numbers.forEach(n -> sb.append("  ").append(n.path()).append(": ").append(fmt(n.from())).append(" -> ")
        .append(fmt(n.to())).append(Double.isNaN(n.spread()) ? " (no seed spread recorded)" : " (spread "
            + fmt(n.spread()) + ")").append('\n'));
    sb.append("figures whose data changed: ").append(figures.size()).append('\n');
    figures.forEach(f -> sb.append("  ").append(f.id()).append(": ").append(f.change()).append(f.change().equals(
        "data changed") ? " (csv " + f.fromCsv().substring(0, 12) + " -> " + f.toCsv().substring(0, 12) + ")" : "")
        .append('\n'));
    sb.append("experiments added: ").append(experimentsAdded.size()).append('\n');
    experimentsAdded.forEach(e -> sb.append("  ").append(e).append('\n'));
    sb.append("experiments removed: ").append(experimentsRemoved.size()).append('\n');
    experimentsRemoved.forEach(e -> sb.append("  ").append(e).append('\n'));
    sb.append("experiments whose spec changed: ").append(experimentsChanged.size()).append('\n');
    for (SpecChange c : experimentsChanged) {
      for (FieldChange f : c.fields()) {
        sb.append("  ").append(c.experiment()).append(": ").append(f.key()).append(" ").append(f.from())
            .append(" -> ").append(f.to()).append('\n');
      }
    }
    return sb.toString();
  }

  /** What templates/changes.ftlh sees as {@code changes}. */
  public Map<String, Object> model() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", from.model());
    m.put("to", to.model());
    m.put("empty", isEmpty());
    List<Object> v = new ArrayList<>();
    verdicts.forEach(x -> v.add(ordered("claim", x.claim(), "from", x.from(), "to", x.to())));
    m.put("verdicts", v);
    List<Object> n = new ArrayList<>();
    numbers.forEach(x -> n.add(ordered("path", x.path(), "from", fmt(x.from()), "to", fmt(x.to()), "spread",
        Double.isNaN(x.spread()) ? "" : fmt(x.spread()))));
    m.put("numbers", n);
    List<Object> f = new ArrayList<>();
    figures.forEach(x -> f.add(ordered("id", x.id(), "change", x.change(), "from", x.fromCsv(), "to", x.toCsv())));
    m.put("figures", f);
    m.put("added", experimentsAdded);
    m.put("removed", experimentsRemoved);
    List<Object> c = new ArrayList<>();
    for (SpecChange s : experimentsChanged) {
      for (FieldChange x : s.fields()) {
        c.add(ordered("experiment", s.experiment(), "key", x.key(), "from", x.from(), "to", x.to()));
      }
    }
    m.put("specs", c);
    return m;
  }

  /** A number as printed in a diff: up to 6 significant digits, no exponent below 1e-4. */
  static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return String.valueOf((long) x);
    }
    String s = String.format(Locale.ROOT, "%.6g", x);
    if (s.contains("e")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  private static void numbers(String path, Object a, Object b, List<NumberChange> out) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Map<String, Object> x = map(ma);
      Map<String, Object> y = map(mb);
      for (String k : y.keySet()) {
        if (!x.containsKey(k) || isCompanion(k, y)) {
          continue;
        }
        Object va = x.get(k);
        Object vb = y.get(k);
        if (va instanceof Number na && vb instanceof Number nb) {
          double from = na.doubleValue();
          double to = nb.doubleValue();
          double spread = larger(spread(k, x), spread(k, y));
          boolean moved = Double.isNaN(spread) ? Math.abs(to - from) > 1e-9 * Math.max(1, Math.abs(from))
              : Math.abs(to - from) > spread;
          if (moved || (Double.isNaN(from) != Double.isNaN(to))) {
            out.add(new NumberChange(path + "." + k, from, to, spread));
          }
        } else {
          numbers(path + "." + k, va, vb, out);
        }
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb) {
      for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
        Object va = la.get(i);
        Object vb = lb.get(i);
        if (va instanceof Number na && vb instanceof Number nb) {
          double from = na.doubleValue();
          double to = nb.doubleValue();
          if (Math.abs(to - from) > 1e-9 * Math.max(1, Math.abs(from))) {
            out.add(new NumberChange(path + "[" + i + "]", from, to, Double.NaN));
          }
        } else {
          numbers(path + "[" + i + "]", va, vb, out);
        }
      }
    }
  }

  /** The larger of two spreads, NaN (none recorded) only if both are. */
  private static double larger(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }

  /** {@code xLo}, {@code xHi}, {@code xMin}, {@code xMax} when {@code x} is in the same object. */
  private static boolean isCompanion(String key, Map<String, Object> m) {
    if (key.equals("se") && m.get("slope") instanceof Number) {
      return true;
    }
    for (String[] pair : SPREAD_SUFFIXES) {
      for (String suffix : pair) {
        if (key.endsWith(suffix) && key.length() > suffix.length()
            && m.get(key.substring(0, key.length() - suffix.length())) instanceof Number) {
          return true;
        }
      }
    }
    return false;
  }

  /** The seed spread of {@code key} in {@code m} from its companions, or NaN if it has none. */
  private static double spread(String key, Map<String, Object> m) {
    if (key.equals("slope") && m.get("se") instanceof Number se) {
      return 2 * se.doubleValue();
    }
    for (String[] pair : SPREAD_SUFFIXES) {
      Object lo = m.get(key + pair[0]);
      Object hi = m.get(key + pair[1]);
      if (lo instanceof Number l && hi instanceof Number h) {
        return Math.abs(h.doubleValue() - l.doubleValue());
      }
      if (m.get(key) instanceof Number x && (lo instanceof Number || hi instanceof Number)) {
        Number one = lo instanceof Number l2 ? l2 : (Number) hi;
        return 2 * Math.abs(x.doubleValue() - one.doubleValue());
      }
    }
    return Double.NaN;
  }

  private static void flatten(String prefix, Object v, Map<String, String> out) {
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (v != null) {
      out.put(prefix, Json.compact(v));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
