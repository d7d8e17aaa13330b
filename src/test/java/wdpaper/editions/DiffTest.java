package wdpaper.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffTest {
  /** A result model as a build writes it, with the parts the diff reads. */
  static Map<String, Object> model(String version, String outcome, double epoch1, double lo, double hi, double slope,
      String csv, Object lambda) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", version);
    e.put("commit", version + "0".repeat(40 - version.length()));
    e.put("tag", "");
    e.put("instant", "2026-11-28T06:00:00Z");
    e.put("repository", "o/r");
    e.put("repositoryUrl", "");
    e.put("permalink", "v/" + version + "/index.html");
    m.put("edition", e);
    Map<String, Object> verdicts = new LinkedHashMap<>();
    verdicts.put("book", new LinkedHashMap<>(Map.of("claim", "book", "outcome", "holds")));
    verdicts.put("claim3", new LinkedHashMap<>(Map.of("claim", "claim3", "outcome", outcome)));
    m.put("verdicts", verdicts);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("epoch1", epoch1);
    row.put("epoch1Lo", lo);
    row.put("epoch1Hi", hi);
    row.put("hidden", 30);
    m.put("book", new LinkedHashMap<>(Map.of("rows", new ArrayList<>(List.of(row)))));
    m.put("claim3", new LinkedHashMap<>(Map.of("slope", slope, "seeds", 3)));
    Map<String, Object> prov = new LinkedHashMap<>();
    prov.put("claim3-scale", new LinkedHashMap<>(Map.of("csvSha256", csv)));
    prov.put("book-accuracy-30", new LinkedHashMap<>(Map.of("csvSha256", "b".repeat(64))));
    m.put("provenance", prov);
    Map<String, Object> exps = new LinkedHashMap<>();
    exps.put("tail-off", new LinkedHashMap<>(Map.of("spec", new LinkedHashMap<>(Map.of("id", "tail-off", "lambda",
        lambda, "epochs", 10)))));
    m.put("experiments", exps);
    return m;
  }

  @Test
  void reportsExactlyTheChangedVerdictNumbersFiguresAndSpecKeys() {
    Map<String, Object> a = model("aaa111", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Map<String, Object> b = model("bbb222", "caveats", 88.5, 88.2, 88.8, -0.36, "c".repeat(64), 20);
    Diff d = Diff.of(a, b);
    assertEquals(List.of(new Diff.VerdictChange("claim3", "fails", "caveats")), d.verdicts());
    assertEquals(1, d.numbers().size(), d.text());
    assertEquals("book.rows[0].epoch1", d.numbers().get(0).path());
    assertEquals(0.6, d.numbers().get(0).spread(), 1e-9);
    assertEquals(List.of(new Diff.FigureChange("claim3-scale", "data changed", "a".repeat(64), "c".repeat(64))),
        d.figures());
    assertEquals(List.of(new Diff.SpecChange("tail-off", List.of(new Diff.FieldChange("lambda", "10", "20")))),
        d.experimentsChanged());
    assertTrue(d.experimentsAdded().isEmpty() && d.experimentsRemoved().isEmpty());
    assertEquals("""
        changes from edition aaa111 (2026-11-28) to edition bbb222 (2026-11-28)
        verdicts changed: 1
          claim3: fails -> caveats
        numbers moved by more than their seed spread: 1
          book.rows[0].epoch1: 87.5 -> 88.5 (spread 0.6)
        figures whose data changed: 1
          claim3-scale: data changed (csv aaaaaaaaaaaa -> cccccccccccc)
        experiments added: 0
        experiments removed: 0
        experiments whose spec changed: 1
          tail-off: lambda 10 -> 20
        """, d.text());
  }

  @Test
  void aNumberWithinItsSeedSpreadIsNotReportedButOneWithoutSpreadIsWheneverItMoves() {
    Map<String, Object> a = model("aaa111", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Map<String, Object> b = model("bbb222", "fails", 87.9, 87.6, 88.2, -0.3600001, "a".repeat(64), 10);
    Diff d = Diff.of(a, b);
    assertEquals(List.of("claim3.slope"), d.numbers().stream().map(Diff.NumberChange::path).toList());
    assertTrue(Double.isNaN(d.numbers().get(0).spread()));
    assertTrue(d.text().contains("claim3.slope: -0.36 -> -0.36 (no seed spread recorded)"), d.text());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFittedSlopeMovesBeyondItsSpreadWhenItMovesByMoreThanTwiceItsStandardError() {
    Map<String, Object> a = model("aaa111", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Map<String, Object> b = model("bbb222", "fails", 87.5, 87.2, 87.8, -0.39, "a".repeat(64), 10);
    ((Map<String, Object>) a.get("claim3")).put("se", 0.02);
    ((Map<String, Object>) b.get("claim3")).put("se", 0.01);
    assertTrue(Diff.of(a, b).numbers().isEmpty(), Diff.of(a, b).text());
    ((Map<String, Object>) b.get("claim3")).put("slope", -0.41);
    assertEquals(List.of(new Diff.NumberChange("claim3.slope", -0.36, -0.41, 0.04)), Diff.of(a, b).numbers(),
        "the standard error is the slope's spread, not a number of its own");
  }

  @Test
  void experimentsAndFiguresAddedOrRemovedAreNamed() {
    Map<String, Object> a = model("aaa111", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Map<String, Object> b = model("bbb222", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    @SuppressWarnings("unchecked")
    Map<String, Object> exps = (Map<String, Object>) b.get("experiments");
    exps.put("new-sweep", new LinkedHashMap<>(Map.of("spec", Map.of("id", "new-sweep"))));
    exps.remove("tail-off");
    @SuppressWarnings("unchecked")
    Map<String, Object> prov = (Map<String, Object>) b.get("provenance");
    prov.remove("claim3-scale");
    Diff d = Diff.of(a, b);
    assertEquals(List.of("new-sweep"), d.experimentsAdded());
    assertEquals(List.of("tail-off"), d.experimentsRemoved());
    assertEquals(List.of(new Diff.FigureChange("claim3-scale", "removed", "a".repeat(64), "")), d.figures());
    assertTrue(d.verdicts().isEmpty() && d.numbers().isEmpty() && d.experimentsChanged().isEmpty());
  }

  @Test
  void identicalModelsHaveNoChanges() {
    Map<String, Object> a = model("aaa111", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Map<String, Object> b = model("bbb222", "fails", 87.5, 87.2, 87.8, -0.36, "a".repeat(64), 10);
    Diff d = Diff.of(a, b);
    assertTrue(d.isEmpty());
    assertTrue(d.text().endsWith("no changes in verdicts, numbers, figure data or experiment specs\n"), d.text());
  }
}
