package wdpaper.claims;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * Which experiments each claim reads, as the claim's page declares them in its front matter:
 *
 * <pre>
 * claim: claim2
 * experiments:
 *   - decay-alone: pure-decay
 *   - training: decay-vs-gradient
 * </pre>
 *
 * A claim with a single role may leave the role out ({@code experiments: decay-vs-gradient}). Every claim needs
 * exactly one page, every role at least one experiment, and every experiment named must exist.
 */
public final class Declarations {
  private Declarations() {}

  /** One page's declaration: the claim it presents and the experiments it names. */
  public record Page(String file, int claimLine, String claim, List<Item> experiments) {
    public Page {
      experiments = List.copyOf(experiments);
    }
  }

  /** One named experiment, with the role it fills (null if the page left it out) and its line in the file. */
  public record Item(String role, String experiment, int line) {}

  /**
   * Checks the pages' declarations against the claims and the experiments that exist; returns, per claim id, the
   * experiment ids per role (in the order of the claim's roles and of the front matter).
   */
  public static Map<String, Map<String, List<String>>> resolve(List<Claim<?>> claims, List<Page> pages,
      Collection<String> experimentIds) {
    Map<String, Claim<?>> byId = new LinkedHashMap<>();
    claims.forEach(c -> byId.put(c.id(), c));
    Map<String, Page> pageOf = new LinkedHashMap<>();
    for (Page p : pages) {
      Claim<?> c = byId.get(p.claim());
      if (c == null) {
        throw UserError.config(p.file() + ":" + p.claimLine() + ": unknown claim '" + p.claim() + "' (known: "
            + String.join(", ", byId.keySet()) + ")");
      }
      Page earlier = pageOf.putIfAbsent(p.claim(), p);
      if (earlier != null) {
        throw UserError.config(p.file() + ":" + p.claimLine() + ": claim '" + p.claim() + "' is already presented"
            + " by " + earlier.file() + "; a claim has one page");
      }
    }
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    for (Claim<?> c : claims) {
      Page p = pageOf.get(c.id());
      if (p == null) {
        throw UserError.config("claim '" + c.id() + "' has no page: add 'claim: " + c.id() + "' and its experiments"
            + " to the front matter of the page that presents it (see docs/authoring.md)");
      }
      out.put(c.id(), roles(c, p, experimentIds));
    }
    return out;
  }

  private static Map<String, List<String>> roles(Claim<?> c, Page p, Collection<String> experimentIds) {
    List<String> names = new ArrayList<>();
    c.roles().forEach(r -> names.add(r.name()));
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    names.forEach(n -> byRole.put(n, new ArrayList<>()));
    for (Item item : p.experiments()) {
      String where = p.file() + ":" + item.line() + ": ";
      String role = item.role();
      if (role == null) {
        if (names.size() != 1) {
          throw UserError.config(where + "claim '" + c.id() + "' reads experiments in several roles ("
              + String.join(", ", names) + "), so write '- <role>: " + item.experiment() + "'");
        }
        role = names.get(0);
      }
      if (!byRole.containsKey(role)) {
        throw UserError.config(where + "claim '" + c.id() + "' has no role '" + role + "' (its roles: "
            + String.join(", ", names) + ")");
      }
      if (!experimentIds.contains(item.experiment())) {
        throw UserError.config(where + "experiment '" + item.experiment() + "' does not exist (known: "
            + String.join(", ", experimentIds) + ")");
      }
      if (!byRole.get(role).contains(item.experiment())) {
        byRole.get(role).add(item.experiment());
      }
    }
    for (Role r : c.roles()) {
      if (byRole.get(r.name()).isEmpty()) {
        throw UserError.config(p.file() + ":" + p.claimLine() + ": claim '" + c.id() + "' needs an experiment for"
            + " its role '" + r.name() + "' (" + r.meaning() + "): add '- " + r.name() + ": <id>' under"
            + " 'experiments:'");
      }
    }
    return byRole;
  }
}
