package wdpaper.claims;

/**
 * What a verdict rule decides. The reader-visible words for each outcome ("holds with caveats", ...) are in
 * {@code content/site.json} under {@code outcomes}, keyed by {@link #slug()}.
 */
public enum Outcome {
  /** The claim holds as stated. */
  HOLDS("holds"),
  /** The claim holds in part, or only with qualifications the page states. */
  CAVEATS("caveats"),
  /** The measurements contradict the claim. */
  FAILS("fails");

  private final String slug;

  Outcome(String slug) {
    this.slug = slug;
  }

  /** The key of the outcome in templates, CSS classes and {@code content/site.json}: holds, caveats or fails. */
  public String slug() {
    return slug;
  }
}
