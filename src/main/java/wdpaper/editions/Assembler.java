package wdpaper.editions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import wdpaper.project.AtomicFiles;
import wdpaper.project.ExitCodes;
import wdpaper.project.Hashing;
import wdpaper.project.IoErrors;
import wdpaper.project.Json;
import wdpaper.project.OutputFolder;
import wdpaper.project.UserError;
import wdpaper.site.Templates;

/**
 * Assembles the deploy tree that GitHub Pages serves, from the previously published tree and a new build:
 *
 * <pre>
 *   editions.json                 every edition kept, oldest first (version, date, commit, tag)
 *   index.html, claim-1.html, …   the newest edition (its pages, CSV files, model.json, assets)
 *   versions.html                 every edition with its date, commit and verdict table
 *   v/&lt;version&gt;/              one folder per edition: its pages, changes.html, versions.html, CSVs, model.json
 *   v/latest/                     a copy of the newest edition's folder (same depth, so the same bytes)
 *   _files/sha256/&lt;hash&gt;.&lt;ext&gt;   the figure renditions (SVG, PNG, PDF, EPS) and paper.pdf, stored once
 * </pre>
 *
 * <p><b>Storage ({@link Mode#STORE}, the default).</b> Files that are large and mostly identical from one edition to
 * the next — every figure rendition and {@code paper.pdf} — are stored once, under the SHA-256 their edition's
 * {@code manifest.sha256} gives them, and the edition's pages link there ({@code ../../_files/sha256/…}). The pages,
 * CSV files (with their CSVW metadata, whose {@code url} is relative) and {@code model.json} stay in the edition's
 * folder. Hard links would not help on Pages: {@code actions/upload-pages-artifact} archives with
 * {@code tar --dereference --hard-dereference}, which stores every link as a full copy ({@link Mode#HARDLINK} is kept
 * for measuring that; {@link Mode#NONE} copies everything).
 *
 * <p>The site root keeps real copies of the newest edition's stored files as well ({@code paper.pdf},
 * {@code figures/…}; its pages still link the store): the absolute URLs in every page's metadata, which crawlers and
 * reference managers read (Scholar's {@code citation_pdf_url}, the OpenGraph card image, the sitemap), name them.
 *
 * <p><b>Pruning.</b> Tagged editions are kept forever; of the untagged ones, the newest {@code keepUntagged} (the new
 * edition counts) are kept and older ones removed, with the stored files no kept edition refers to. A new build of
 * a version already published replaces it (and becomes the newest).
 *
 * <p>Old editions are copied as they are, never rebuilt; only their {@code versions.html} is rewritten.
 */
public final class Assembler {
  /** How identical files across editions are stored. */
  public enum Mode { STORE, HARDLINK, NONE }

  public static final String INDEX = "editions.json";
  public static final String STORE_DIR = "_files/sha256/";
  public static final String LATEST = "latest";
  /** The marker of a deploy tree (hidden: never uploaded to Pages). */
  public static final String MARKER = ".weight-decay-paper-deploy";
  private static final Pattern LINK = Pattern.compile("(href|src|srcset)=\"([^\"#?]*)([^\"]*)\"");
  private static final Set<String> STORED = Set.of("svg", "png", "pdf", "eps");

  /** What was assembled. */
  public record Report(List<String> editions, List<String> pruned, int storedFiles, long bytes) {}

  private final Templates templates;
  private final Consumer<String> log;

  public Assembler(Templates templates, Consumer<String> log) {
    this.templates = templates;
    this.log = log;
  }

  /**
   * Writes the tree into {@code out} (absent, empty or an earlier deploy tree; replaced whole at the end).
   *
   * @param previous the published tree (may be absent or empty: the first edition)
   * @param build the output folder of a build (its model.json and manifest.sha256)
   */
  public Report assemble(Path previous, Path build, Path out, int keepUntagged, Mode mode) {
    if (keepUntagged < 1) {
      throw new UserError(ExitCodes.USAGE, "--keep-untagged must be at least 1 (the new edition), was "
          + keepUntagged);
    }
    Map<String, Object> newModel = readModel(build, "--new " + build);
    Edition edition = Edition.fromModel(newModel);
    Map<String, String> newManifest = manifest(build, "--new " + build);
    List<Map<String, Object>> index = readIndex(previous);
    checkOut(out, previous, build);

    List<Map<String, Object>> kept = new ArrayList<>();
    for (Map<String, Object> e : index) {
      if (!e.get("version").equals(edition.version())) {
        kept.add(e);
      }
    }
    Map<String, Object> previousEntry = kept.isEmpty() ? null : kept.get(kept.size() - 1);
    kept.add(EditionPages.entry(newModel, "v/" + edition.version() + "/"));
    List<String> pruned = prune(kept, keepUntagged);

    Path parent = out.toAbsolutePath().getParent();
    AtomicFiles.createFolders(parent);
    Path staged;
    try {
      staged = Files.createTempDirectory(parent, "." + out.getFileName() + ".assembling-");
      AtomicFiles.setMode(staged, AtomicFiles.FOLDER_MODE);
    } catch (IOException e) {
      throw IoErrors.error("cannot create a staging folder in", parent, e);
    }
    try {
      Writer w = new Writer(staged, mode, previous);
      for (Map<String, Object> e : kept) {
        String v = (String) e.get("version");
        if (!v.equals(edition.version())) {
          w.copyEdition(previous.resolve("v").resolve(v), "v/" + v + "/", previous);
        }
      }
      Map<String, Object> previousModel = previousEntry == null ? null
          : readModel(previous.resolve("v").resolve((String) previousEntry.get("version")), "--editions " + previous);
      Diff diff = previousModel == null ? null : Diff.of(previousModel, newModel);
      String changes = EditionPages.changes(templates, newModel, diff);
      for (String dir : List.of("v/" + edition.version() + "/", "v/" + LATEST + "/", "")) {
        w.addBuild(build, newManifest, dir);
        w.write(dir + EditionPages.CHANGES, changes.getBytes(StandardCharsets.UTF_8));
      }
      List<Map<String, Object>> entries = new ArrayList<>(kept);
      java.util.Collections.reverse(entries);
      Object site = newModel.get("site");
      for (Map<String, Object> e : kept) {
        String v = (String) e.get("version");
        w.write("v/" + v + "/" + EditionPages.VERSIONS, bytes(EditionPages.versions(templates, site, v, entries,
            "../../")));
      }
      w.write("v/" + LATEST + "/" + EditionPages.VERSIONS, bytes(EditionPages.versions(templates, site,
          edition.version(), entries, "../../")));
      w.write(EditionPages.VERSIONS, bytes(EditionPages.versions(templates, site, edition.version(), entries, "")));
      w.write(INDEX, bytes(Json.write(Map.of("editions", kept))));
      w.write(".nojekyll", new byte[0]);
      w.write(MARKER, bytes("weight-decay-paper deploy tree: written by 'assemble', replaced whole by it\n"));
      swap(staged, out);
      staged = null;
      log.accept("assembled " + out + ": " + kept.size() + " edition" + (kept.size() == 1 ? "" : "s") + " (newest "
          + edition.version() + ")" + (pruned.isEmpty() ? "" : ", pruned " + String.join(", ", pruned)) + ", "
          + w.stored.size() + " stored files, " + size(out) + " bytes");
      return new Report(kept.stream().map(e -> (String) e.get("version")).toList(), pruned, w.stored.size(),
          size(out));
    } finally {
      if (staged != null) {
        AtomicFiles.deleteTree(staged);
      }
    }
  }

  /** Total bytes of the regular files under {@code dir}, every hard link counted (what a dereferencing tar holds). */
  public static long size(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw IoErrors.error("cannot measure", p, e);
        }
      }).sum();
    } catch (IOException e) {
      throw IoErrors.error("cannot measure", dir, e);
    }
  }

  /** Untagged editions beyond the newest {@code keep} are dropped from {@code kept}; returns their versions. */
  static List<String> prune(List<Map<String, Object>> kept, int keep) {
    List<String> pruned = new ArrayList<>();
    int untagged = 0;
    for (int i = kept.size() - 1; i >= 0; i--) {
      Map<String, Object> e = kept.get(i);
      if (((String) e.getOrDefault("tag", "")).isEmpty() && ++untagged > keep) {
        pruned.add(0, (String) e.get("version"));
        kept.remove(i);
      }
    }
    return pruned;
  }

  /** Writes files into the staging folder: a content-addressed store, hard links or plain copies. */
  private final class Writer {
    final Path root;
    final Mode mode;
    final Set<String> stored = new LinkedHashSet<>();
    final Map<String, Path> firstCopy = new TreeMap<>();
    final Path linkable;

    Writer(Path root, Mode mode, Path previous) {
      this.root = root;
      this.mode = mode;
      this.linkable = previous == null ? null : previous.toAbsolutePath();
    }

    void write(String rel, byte[] data) {
      AtomicFiles.write(root.resolve(rel), data);
    }

    /** A file with the given content at {@code rel}: hard-linked to an identical one in HARDLINK mode. */
    void place(String rel, Path from, String hash) throws IOException {
      Path target = root.resolve(rel);
      AtomicFiles.createFolders(target.getParent());
      Path first = firstCopy.get(hash);
      if (mode == Mode.HARDLINK && first != null) {
        Files.createLink(target, first);
        return;
      }
      copyOrLink(from, target);
      firstCopy.putIfAbsent(hash, target);
    }

    /**
     * Files of the previous tree (written by this class, never changed in place: every write replaces) are
     * hard-linked into the staging tree when on the same disk; that saves copying, not space on Pages (its tar
     * copies). Files of the build are copied.
     */
    void copyOrLink(Path from, Path target) throws IOException {
      if (from.startsWith(root) || linkable != null && from.toAbsolutePath().startsWith(linkable)) {
        try {
          Files.createLink(target, from);
          return;
        } catch (IOException | UnsupportedOperationException e) {
          // another file system: copy
        }
      }
      Files.copy(from, target);
      AtomicFiles.setMode(target, AtomicFiles.FILE_MODE);
    }

    /** A stored file, once: {@code _files/sha256/<hash>.<ext>}; returns its site path. */
    String store(Path from, String hash, String ext) throws IOException {
      String rel = STORE_DIR + hash + "." + ext;
      if (stored.add(rel) && !Files.exists(root.resolve(rel))) {
        Path target = root.resolve(rel);
        AtomicFiles.createFolders(target.getParent());
        copyOrLink(from, target);
      }
      return rel;
    }

    /** An earlier edition's folder as published (pages already link the store), with the stored files it uses. */
    void copyEdition(Path from, String dir, Path previousRoot) {
      if (!Files.isDirectory(from)) {
        throw new UserError(ExitCodes.USAGE, "--editions " + previousRoot + ": " + INDEX + " lists " + dir
            + " but the folder is missing; restore it or remove the edition from " + INDEX);
      }
      try {
        Map<String, String> manifest = manifest(from, "--editions " + previousRoot + "/" + dir);
        try (Stream<Path> s = Files.walk(from)) {
          for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
            String rel = from.relativize(p).toString().replace('\\', '/');
            if (!rel.equals(EditionPages.VERSIONS)) {
              place(dir + rel, p, rel.endsWith(".html") ? Hashing.sha256(p) : manifest.getOrDefault(rel,
                  Hashing.sha256(p)));
            }
          }
        }
        for (Map.Entry<String, String> f : manifest.entrySet()) {
          if (isStored(f.getKey()) && !Files.exists(from.resolve(f.getKey()))) {
            Path blob = previousRoot.resolve(STORE_DIR + f.getValue() + "." + ext(f.getKey()));
            if (!Files.isRegularFile(blob)) {
              throw new UserError(ExitCodes.USAGE, "--editions " + previousRoot + ": " + dir + f.getKey()
                  + " should be stored as " + STORE_DIR + f.getValue() + "." + ext(f.getKey()) + ", which is missing");
            }
            store(blob, f.getValue(), ext(f.getKey()));
          }
        }
      } catch (IOException e) {
        throw IoErrors.error("cannot copy the edition", from, e);
      }
    }

    /** The new build into {@code dir} ("" for the site root): stored files linked from its pages in STORE mode. */
    void addBuild(Path build, Map<String, String> manifest, String dir) {
      String up = "../".repeat((int) dir.chars().filter(c -> c == '/').count());
      Map<String, String> links = new TreeMap<>();
      try {
        for (Map.Entry<String, String> f : manifest.entrySet()) {
          String rel = f.getKey();
          if (rel.equals(OutputFolder.MARKER) || rel.equals(".nojekyll") || rel.equals(EditionPages.VERSIONS)
              || rel.equals(EditionPages.CHANGES)) {
            continue;
          }
          Path from = build.resolve(rel);
          if (mode == Mode.STORE && isStored(rel)) {
            links.put(rel, up + store(from, f.getValue(), ext(rel)));
            if (dir.isEmpty()) {
              // the absolute URLs of the pages' metadata (citation_pdf_url, the og:image card, the sitemap's PDF)
              // name the site root's paper.pdf and figures/: the root keeps real copies (one edition's worth)
              place(rel, from, f.getValue());
            }
          } else if (!rel.endsWith(".html")) {
            place(dir + rel, from, f.getValue());
          }
        }
        Path list = build.resolve(OutputFolder.MANIFEST);
        place(dir + OutputFolder.MANIFEST, list, Hashing.sha256(list));
        for (String rel : manifest.keySet()) {
          if (rel.endsWith(".html") && !rel.equals(EditionPages.VERSIONS) && !rel.equals(EditionPages.CHANGES)) {
            String html = Files.readString(build.resolve(rel));
            byte[] out = bytes(links.isEmpty() ? html : relink(html, links));
            Path tmp = Files.createTempFile(root, ".page", ".tmp");
            Files.write(tmp, out);
            AtomicFiles.setMode(tmp, AtomicFiles.FILE_MODE);
            place(dir + rel, tmp, Hashing.sha256(out));
            Files.delete(tmp);
          }
        }
      } catch (IOException e) {
        throw IoErrors.error("cannot copy the build", build, e);
      }
    }
  }

  /** Replaces links to stored files ({@code href="figures/x.png"}) by their store address, keeping fragments. */
  static String relink(String html, Map<String, String> links) {
    Matcher m = LINK.matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String to = links.get(m.group(2));
      m.appendReplacement(sb, Matcher.quoteReplacement(to == null ? m.group() : m.group(1) + "=\"" + to + m.group(3)
          + "\""));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static boolean isStored(String rel) {
    return (rel.startsWith("figures/") || rel.equals("paper.pdf")) && STORED.contains(ext(rel));
  }

  private static String ext(String rel) {
    int dot = rel.lastIndexOf('.');
    return dot < 0 ? "" : rel.substring(dot + 1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, Object> readModel(Path dir, String label) {
    if (!Files.isRegularFile(dir.resolve("model.json"))) {
      throw new UserError(ExitCodes.USAGE, label + ": has no model.json; expected the output folder of a build"
          + " (or an edition folder of a deploy tree)");
    }
    return readModelFile(dir.resolve("model.json"), label + "/model.json");
  }

  /** A result model file (output/model.json) with its edition; exit 2 naming {@code label} if it is not one. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> readModelFile(Path f, String label) {
    try {
      Map<String, Object> m = Json.MAPPER.readValue(Files.readString(f), LinkedHashMap.class);
      Edition.fromModel(m);
      return m;
    } catch (IOException e) {
      throw new UserError(ExitCodes.USAGE, label + ": is not a readable JSON result model (" + IoErrors.reason(e)
          + ")");
    } catch (IllegalArgumentException | ClassCastException | java.time.format.DateTimeParseException e) {
      throw new UserError(ExitCodes.USAGE, label + ": " + e.getMessage() + "; rebuild it with this version of"
          + " weight-decay-paper");
    }
  }

  /** {@code manifest.sha256} as path → hash. */
  static Map<String, String> manifest(Path dir, String label) {
    Path f = dir.resolve(OutputFolder.MANIFEST);
    if (!Files.isRegularFile(f)) {
      throw new UserError(ExitCodes.USAGE, label + ": has no " + OutputFolder.MANIFEST + "; expected the output"
          + " folder of a build");
    }
    Map<String, String> m = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(f)) {
        int sep = line.indexOf("  ");
        if (sep == 64) {
          m.put(line.substring(sep + 2), line.substring(0, sep));
        }
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot read", f, e);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> readIndex(Path previous) {
    if (previous == null || !Files.isDirectory(previous) || isEmpty(previous)) {
      return List.of();
    }
    Path f = previous.resolve(INDEX);
    if (!Files.isRegularFile(f)) {
      throw new UserError(ExitCodes.USAGE, "--editions " + previous + ": has no " + INDEX + "; expected a tree"
          + " written by 'assemble' (or an absent or empty folder for the first edition)");
    }
    try {
      Map<String, Object> m = Json.MAPPER.readValue(Files.readString(f), LinkedHashMap.class);
      List<Map<String, Object>> list = new ArrayList<>();
      for (Object o : (List<Object>) m.get("editions")) {
        Map<String, Object> e = (Map<String, Object>) o;
        if (!(e.get("version") instanceof String v) || !v.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
            || v.equals(LATEST)) {
          throw new UserError(ExitCodes.USAGE, f + ": edition version " + e.get("version") + " is not a folder"
              + " name (expected a tag or short commit)");
        }
        list.add(new LinkedHashMap<>(e));
      }
      return list;
    } catch (IOException | ClassCastException | NullPointerException e) {
      throw new UserError(ExitCodes.USAGE, f + ": is not an editions index (expected {\"editions\": [{\"version\":"
          + " …}, …]})");
    }
  }

  private static void checkOut(Path out, Path previous, Path build) {
    Path o = out.toAbsolutePath().normalize();
    for (Path p : new Path[] {previous, build}) {
      if (p != null) {
        Path q = p.toAbsolutePath().normalize();
        if (o.startsWith(q) || q.startsWith(o)) {
          throw new UserError(ExitCodes.USAGE, "--out " + out + ": must be a folder of its own, outside " + p
              + " (and not holding it)");
        }
      }
    }
    if (Files.exists(out) && (!Files.isDirectory(out) || !(isEmpty(out) || Files.exists(out.resolve(MARKER))))) {
      throw new UserError(ExitCodes.USAGE, "--out " + out + ": refusing to replace a folder that 'assemble' did not"
          + " write; use an empty or new folder");
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void swap(Path staged, Path out) {
    try {
      if (Files.exists(out)) {
        Path old = out.resolveSibling("." + out.getFileName() + ".old-" + System.nanoTime());
        Files.move(out, old);
        Files.move(staged, out);
        AtomicFiles.deleteTree(old);
      } else {
        Files.move(staged, out);
      }
    } catch (IOException e) {
      throw IoErrors.error("cannot put the assembled tree in place at", out, e);
    }
  }
}
