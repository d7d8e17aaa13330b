package wdpaper.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The output folder, and the only code that replaces or deletes it.
 *
 * <p><b>Whose folder it is.</b> A folder is this program's only if it carries the marker file {@value #MARKER}
 * (written into every output and listed in its manifest). {@code build}, {@code render} and {@code clean} replace
 * or delete a folder only if it is absent, empty or marked; they refuse (exit 2, one line) anything else, and
 * always refuse the project folder, a folder holding it, {@code content/}, {@code templates/}, {@code src/},
 * {@code .git/}, the cache (an output inside the cache, or a cache inside the output), the home folder, the root
 * of the file system and regular files. A symbolic link to a folder is followed: the folder it names is replaced
 * and the link kept.
 *
 * <p><b>Crash-safe swap.</b> The new output is built in {@code .<name>.staging-*} beside the output, then
 * <ol>
 *   <li>renamed to {@code .<name>.new} (complete; crash point {@code staged}),
 *   <li>the old output renamed to {@code .<name>.old} (crash point {@code first-rename}),
 *   <li>{@code .<name>.new} renamed to the output (crash point {@code second-rename}),
 *   <li>{@code .<name>.old} deleted, its marker last (crash point {@code deleting-old}, half-way through).
 * </ol>
 * At start-up ({@link #recover}, under the build lock) a half-done swap is finished: a complete {@code .new} is
 * put in place, else a lone {@code .old} is put back; leftovers are deleted. So a crash at any point leaves the old
 * or the new output complete, and the next run repairs the folder before it does anything that could fail. The
 * system property {@value #CRASH_PROPERTY} (tests only) halts the JVM at the named point.
 */
public final class OutputFolder {
  public static final String PROGRAM = "weight-decay-paper";
  public static final String VERSION = "0.1.0";
  /** The marker file at the top of every output folder. */
  public static final String MARKER = ".weight-decay-paper-output";
  public static final String MANIFEST = "manifest.sha256";
  /** Fault injection for tests: {@code -Dwdpaper.crashAfter=<point>} halts the JVM there. */
  public static final String CRASH_PROPERTY = "wdpaper.crashAfter";
  public static final List<String> CRASH_POINTS = List.of("staged", "first-rename", "second-rename", "deleting-old");
  static final String MARKER_TEXT = PROGRAM + " " + VERSION + " output folder\n"
      + "This folder was built by weight-decay-paper; a build replaces it as a whole and 'clean' deletes it.\n"
      + "Do not keep your own files here.\n";

  private final ProjectPaths paths;
  private final String label;
  private final Path target;

  private OutputFolder(ProjectPaths paths, String label, Path target) {
    this.paths = paths;
    this.label = label;
    this.target = target;
  }

  /** The output of {@code paths}, named in messages as the user gave it (e.g. {@code --out site}). */
  public static OutputFolder of(ProjectPaths paths, String outLabel, String cacheLabel, String verb) {
    checkCache(paths, cacheLabel);
    Path out = paths.output();
    if (Files.isSymbolicLink(out) && !Files.exists(out)) {
      throw refuse(outLabel + ": is a symbolic link to " + readLink(out) + ", which does not exist; create that"
          + " folder or remove the link");
    }
    Path t = ProjectPaths.real(out);
    Path root = ProjectPaths.real(paths.root());
    if (t.getParent() == null) {
      throw refuse(outLabel + ": refusing to " + verb + " the root of the file system");
    }
    if (t.equals(root)) {
      throw refuse(outLabel + ": refusing to " + verb + " the project folder itself; name a new or empty folder,"
          + " e.g. --out site");
    }
    if (root.startsWith(t)) {
      throw refuse(outLabel + ": refusing to " + verb + " " + t + ", which holds the project folder");
    }
    for (String sub : List.of("content", "templates", "src", ".git")) {
      Path s = ProjectPaths.real(root.resolve(sub));
      if (t.equals(s)) {
        throw refuse(outLabel + ": refusing to " + verb + " the project's " + sub + "/ folder");
      }
      if (t.startsWith(s)) {
        throw refuse(outLabel + ": refusing to build inside the project's " + sub + "/ folder");
      }
    }
    Path home = ProjectPaths.real(Path.of(System.getProperty("user.home")));
    if (t.equals(home)) {
      throw refuse(outLabel + ": refusing to " + verb + " the home folder");
    }
    if (home.startsWith(t)) {
      throw refuse(outLabel + ": refusing to " + verb + " " + t + ", which holds the home folder");
    }
    Path cache = ProjectPaths.real(paths.cache());
    if (t.equals(cache)) {
      throw refuse(outLabel + ": refusing to " + verb + " the cache folder (" + cacheLabel + "); the output and the"
          + " cache need folders of their own");
    }
    if (t.startsWith(cache)) {
      throw refuse(outLabel + ": refusing to build inside the cache folder (" + cacheLabel + ")");
    }
    if (cache.startsWith(t)) {
      throw refuse(cacheLabel + ": the cache folder would be inside the output folder (" + outLabel
          + "), which every build replaces; keep the cache outside it");
    }
    if (Files.exists(t) && !Files.isDirectory(t)) {
      throw refuse(outLabel + ": is a file, not a folder; refusing to " + verb + " it");
    }
    OutputFolder f = new OutputFolder(paths, outLabel, t);
    f.requireOursOrEmpty(t, verb);
    f.requireProduced(t, verb);
    return f;
  }

  /** As above, labelled from the paths ({@code output/} or {@code --out <path>}), for the pipeline. */
  public static OutputFolder of(ProjectPaths paths) {
    boolean defaultOut = paths.output().equals(paths.root().resolve("output"));
    boolean defaultCache = paths.cache().equals(paths.root().resolve(".cache"));
    return of(paths, defaultOut ? "output/" : "--out " + paths.display(paths.output()),
        defaultCache ? ".cache/" : "--cache " + paths.display(paths.cache()), "replace");
  }

  /**
   * Refuses a cache folder that is the file-system root, the project folder or a folder holding it, one of
   * {@code content/}, {@code templates/}, {@code src/}, {@code .git/} (or inside them), the home folder, or a file.
   */
  public static void checkCache(ProjectPaths paths, String cacheLabel) {
    Path c = ProjectPaths.real(paths.cache());
    Path root = ProjectPaths.real(paths.root());
    if (c.getParent() == null) {
      throw refuse(cacheLabel + ": refusing to use the root of the file system as the cache folder");
    }
    if (c.equals(root) || root.startsWith(c)) {
      throw refuse(cacheLabel + ": refusing to use " + (c.equals(root) ? "the project folder" : c + ", which holds"
          + " the project folder,") + " as the cache folder; name a folder of its own, e.g. --cache .cache");
    }
    for (String sub : List.of("content", "templates", "src", ".git")) {
      Path s = ProjectPaths.real(root.resolve(sub));
      if (c.startsWith(s)) {
        throw refuse(cacheLabel + ": refusing to keep the cache in the project's " + sub + "/ folder");
      }
    }
    Path home = ProjectPaths.real(Path.of(System.getProperty("user.home")));
    if (c.equals(home) || home.startsWith(c)) {
      throw refuse(cacheLabel + ": refusing to use " + (c.equals(home) ? "the home folder" : c + ", which holds"
          + " the home folder,") + " as the cache folder; name a folder of its own, e.g. --cache .cache");
    }
    if (Files.exists(c) && !Files.isDirectory(c)) {
      throw refuse(cacheLabel + ": is a file, not a folder");
    }
  }

  /** The folder that is replaced (a symbolic link named by --out resolved to the folder it points to). */
  public Path target() {
    return target;
  }

  /** The lock file beside the output: {@code .<name>.lock}. */
  public Path lockFile() {
    return sibling(".lock");
  }

  /**
   * Finishes or rolls back a swap that a crash interrupted, and deletes staging folders left by killed builds.
   * Call under the build lock, before anything that may fail.
   */
  public void recover(Consumer<String> log) {
    Path next = sibling(".new");
    Path old = sibling(".old");
    try {
      if (exists(next)) {
        requireOursOrEmpty(next, "replace");
        if (exists(target)) {
          requireOursOrEmpty(target, "replace");
          deleteOurs(old, false);
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
        log.accept("output: finished a swap that was interrupted; " + label + " holds the newer complete build");
      } else if (!exists(target) && exists(old)) {
        requireOursOrEmpty(old, "replace");
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        log.accept("output: restored the previous output from " + old + " (a swap was interrupted)");
      }
      deleteOurs(old, false);
      for (Path p : staleStaging()) {
        if (isOurs(p) || isEmpty(p)) {
          deleteOurs(p, false);
        } else {
          log.accept("output: leaving " + p + " alone: it looks like a staging folder but has no marker");
        }
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot repair the output folder after an interrupted build in", target.getParent(), e);
    }
  }

  /**
   * Recovers (see {@link #recover}), then creates a fresh staging folder beside the output with the marker in it.
   */
  public Path stage(Consumer<String> log) {
    recover(log);
    Path parent = target.getParent();
    AtomicFiles.createFolders(parent);
    Path staged;
    try {
      staged = Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-");
      AtomicFiles.setMode(staged, AtomicFiles.FOLDER_MODE);
    } catch (IOException e) {
      throw IoErrors.error("cannot create a staging folder in", parent, e);
    }
    AtomicFiles.write(staged.resolve(MARKER), MARKER_TEXT);
    return staged;
  }

  /**
   * Puts the fully built {@code staged} folder in place of the output (see the class comment). The staged folder
   * must carry the marker and a {@value #MANIFEST} listing every other file in it.
   */
  public void commit(Path staged) {
    verifyManifest(staged);
    Path next = sibling(".new");
    Path old = sibling(".old");
    try {
      requireOursOrEmpty(target, "replace");
      if (exists(next) || exists(old)) {
        throw new IllegalStateException("swap leftovers " + next + " or " + old + " exist; recover() first");
      }
      Files.move(staged, next, StandardCopyOption.ATOMIC_MOVE);
      crashPoint("staged");
      boolean hadOld = exists(target);
      if (hadOld) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        crashPoint("first-rename");
      }
      try {
        Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (hadOld) {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
      crashPoint("second-rename");
      deleteOurs(old, true);
    } catch (IOException e) {
      throw IoErrors.error("cannot put the new output in place at", target, e);
    }
  }

  /**
   * Deletes a staging folder that was not committed (after a failure); a no-op once committed. Best effort, so
   * that it never hides the error that stopped the build: what it leaves, the next run deletes.
   */
  public void discard(Path staged) {
    try {
      deleteOurs(staged, false);
    } catch (IOException | RuntimeException e) {
      // left for recover()
    }
  }

  /**
   * {@code clean}: recovers, then deletes the output (for a symbolic link, the folder's contents: the link and the
   * folder it names stay). Returns false if there was nothing to delete.
   */
  public boolean delete(Consumer<String> log) {
    recover(log);
    if (!exists(target)) {
      return false;
    }
    requireOursOrEmpty(target, "delete");
    try {
      if (Files.isSymbolicLink(paths.output())) {
        try (Stream<Path> s = Files.list(target)) {
          List<Path> entries = new ArrayList<>(s.filter(p -> !p.getFileName().toString().equals(MARKER)).toList());
          for (Path p : entries) {
            deleteTree(p, null, false);
          }
        }
        Files.deleteIfExists(target.resolve(MARKER));
      } else {
        deleteOurs(target, false);
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot delete", target, e);
    }
    return true;
  }

  /** True if {@code dir} carries this program's marker. */
  public static boolean isOurs(Path dir) {
    Path m = dir.resolve(MARKER);
    if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var in = Files.newInputStream(m)) {
      return new String(in.readNBytes(PROGRAM.length()), StandardCharsets.UTF_8).equals(PROGRAM);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private void requireOursOrEmpty(Path dir, String verb) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || isOurs(dir) || isEmpty(dir)) {
      return;
    }
    Set<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : "")));
    } catch (IOException e) {
      throw IoErrors.error("cannot list", dir, e);
    }
    String first = names.iterator().next();
    String label = dir.equals(target) ? this.label : dir.toString();
    throw refuse(label + ": refusing to " + verb + " a folder that " + PROGRAM + " did not create (it holds " + first
        + (names.size() > 1 ? " and " + (names.size() - 1) + " more" : "") + "); use an empty or new folder");
  }

  /**
   * Refuses to {@code verb} an output holding a file that no stage of a build produced (one its
   * {@value #MANIFEST} does not list, e.g. a file someone put there): replacing the folder would lose it. The marker
   * and the manifest themselves are the build's. A marked folder without a manifest is left to the other checks.
   */
  private void requireProduced(Path dir, String verb) {
    Path manifest = dir.resolve(MANIFEST);
    if (!isOurs(dir) || !Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Set<String> listed = new TreeSet<>();
    Set<String> present = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(manifest)) {
        if (line.indexOf("  ") > 0) {
          listed.add(line.substring(line.indexOf("  ") + 2));
        }
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
            .forEach(p -> present.add(dir.relativize(p).toString().replace('\\', '/')));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      return; // unreadable: the build's own steps report it with the path and the reason
    }
    present.remove(MANIFEST);
    present.remove(MARKER);
    present.removeAll(listed);
    if (!present.isEmpty()) {
      throw refuse(label + ": holds " + present.iterator().next() + (present.size() > 1 ? " and " + (present.size() - 1)
          + " more file" + (present.size() > 2 ? "s" : "") : "") + " that no build stage produced (not in " + MANIFEST
          + "); refusing to " + verb + " the folder and lose it: move it out of " + label + " first");
    }
  }

  /** Deletes a folder this program made: everything but the marker first, the marker and the folder last. */
  private void deleteOurs(Path dir, boolean crashHalfWay) throws IOException {
    if (!exists(dir)) {
      return;
    }
    requireOursOrEmpty(dir, "delete");
    deleteTree(dir, dir.resolve(MARKER), crashHalfWay);
  }

  private static void deleteTree(Path dir, Path last, boolean crashHalfWay) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(dir)) {
      all = s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir) && !p.equals(last)).toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    for (int i = 0; i < all.size(); i++) {
      Files.delete(all.get(i));
      if (crashHalfWay && i == all.size() / 2) {
        crashPoint("deleting-old");
      }
    }
    if (last != null) {
      Files.deleteIfExists(last);
    }
    Files.delete(dir);
  }

  /** A manifest that does not list every file is a bug in the build: it must never be published. */
  private static void verifyManifest(Path staged) {
    Set<String> listed = new TreeSet<>();
    Set<String> present = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(staged.resolve(MANIFEST))) {
        listed.add(line.substring(line.indexOf("  ") + 2));
      }
      try (Stream<Path> s = Files.walk(staged)) {
        s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
            .forEach(p -> present.add(staged.relativize(p).toString().replace('\\', '/')));
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot read the staged output", staged, e);
    }
    present.remove(MANIFEST);
    if (!present.contains(MARKER)) {
      throw new IllegalStateException("the staged output has no " + MARKER);
    }
    if (!listed.equals(present)) {
      Set<String> unlisted = new TreeSet<>(present);
      unlisted.removeAll(listed);
      Set<String> missing = new TreeSet<>(listed);
      missing.removeAll(present);
      if (!unlisted.isEmpty()) {
        // a file no stage reported producing: never publish it (the previous output stays in place)
        throw new UserError(ExitCodes.FAILURE, "output: " + unlisted.iterator().next() + " was produced by no stage"
            + " of the build (it is not in " + MANIFEST + (unlisted.size() > 1 ? ", nor are " + (unlisted.size() - 1)
            + " more" : "") + "); refusing to publish it, the previous output is left in place");
      }
      throw new IllegalStateException(MANIFEST + " lists files the build did not write: " + missing);
    }
  }

  private List<Path> staleStaging() throws IOException {
    Path parent = target.getParent();
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    String prefix = "." + target.getFileName() + ".staging-";
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }

  private Path sibling(String suffix) {
    return target.getParent().resolve("." + target.getFileName() + suffix);
  }

  private static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static void crashPoint(String point) {
    if (point.equals(System.getProperty(CRASH_PROPERTY))) {
      System.err.println("wdpaper: crash injected after " + point);
      System.err.flush();
      Runtime.getRuntime().halt(99);
    }
  }

  private static String readLink(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  private static UserError refuse(String message) {
    return new UserError(ExitCodes.USAGE, message);
  }
}
