package wdpaper.claims;

import java.util.List;

/**
 * One claim of the paper, tested on the runs of its experiments. A claim owns four things:
 *
 * <ul>
 *   <li>what it reads: its {@link #roles()} (filled with experiment ids in its page's front matter) and the claims
 *       whose results it uses ({@link #dependsOn()});</li>
 *   <li>what it measures: {@link #measure} returns a record {@code R} that templates read as
 *       {@code ${<id>.<component>}} (and that dependent claims read through {@link Inputs#result});</li>
 *   <li>how it is judged: {@link #judge}, a pure function of the record and the thresholds it declares in
 *       {@link #thresholds()} (values in {@code content/thresholds.json}), unit-tested per outcome;</li>
 *   <li>what it draws: {@link #figures}, data only; the page that places a figure writes its words.</li>
 * </ul>
 *
 * A new claim is one class implementing this, one line in {@link ClaimRegistry#all()}, and one page whose front
 * matter says {@code claim: <id>} and names its experiments.
 *
 * @param <R> the result record
 */
public interface Claim<R> {
  /** The claim's key: {@code claim: <id>} in its page; {@code ${<id>...}} and {@code verdicts.<id>} in templates. */
  String id();

  /** The roles its page must fill with experiments. */
  List<Role> roles();

  /** The claims whose results {@link #measure} reads (never a cycle). */
  default List<Class<? extends Claim<?>>> dependsOn() {
    return List.of();
  }

  /** The thresholds {@link #measure} and {@link #judge} read. */
  default List<Threshold> thresholds() {
    return List.of();
  }

  /** Everything the page and the rule need, from the runs of its roles (no training). */
  R measure(Inputs in);

  /** The verdict rule. */
  Outcome judge(R result, Thresholds thresholds);

  /** The figures, as data; every one of them must be placed by a page. */
  default List<Figure> figures(R result, Inputs in) {
    return List.of();
  }
}
