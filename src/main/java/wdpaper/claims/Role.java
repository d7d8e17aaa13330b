package wdpaper.claims;

/**
 * A part a claim plays its experiments in, e.g. "runs" or "decay-alone". The claim's page names the experiment(s)
 * for each role in its front matter ({@code experiments: - decay-alone: pure-decay}); several experiments may fill
 * one role, and their runs are read together.
 *
 * @param name kebab-case, as written in the front matter
 * @param meaning what the runs of this role must be, for error messages and docs/authoring.md
 */
public record Role(String name, String meaning) {
  public Role {
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("role name must be kebab-case, was '" + name + "'");
    }
  }
}
