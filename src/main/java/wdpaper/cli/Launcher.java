package wdpaper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Runs {@code build} and {@code render} in a second JVM that starts from a class-data archive (AppCDS), because
 * {@code java -jar} cannot name one itself on JDK 17: the classes of the paper's libraries (templates, Markdown,
 * math, charts, PDF) are then mapped from the archive already parsed and verified instead of being read from the
 * jar and verified on every build. The archive lives next to the jar ({@code weight-decay-paper-0.1.0-all.jar}
 * gets {@code weight-decay-paper-0.1.0-all.jsa}, named after the JVM's version too): the first build or render
 * after the jar was built writes it when it ends (to a temporary file moved into place only if the command
 * succeeded, so a crash or two builds at once never leave a half-written archive), every later one reads it. A jar
 * newer than the archive writes a new one. A {@code render} and a {@code build --quick} also compile with C1 only
 * ({@code -XX:TieredStopAtLevel=1}, see {@link #c1Only}): C2's compile time does not pay back in the few seconds
 * each method runs. Nothing computed changes: the archive holds classes, not results, and compiled code
 * computes what interpreted code does.
 *
 * <p>The first JVM only starts the second one with the same JVM options, working folder, standard streams and
 * environment, ignores Ctrl-C (which the terminal sends to both; the second one stops as it always did) and exits
 * with its exit code; if it is stopped itself, it stops the second one first. Nothing else happens in the first
 * JVM. It relaunches only from a jar (tests and IDEs run the classes directly), never twice, not for
 * {@code --help}/{@code --version}, and not with {@code -Dwdpaper.launcher=off}; if the second JVM cannot be
 * started the command runs in this one as before.
 */
final class Launcher {
  /** Set in the second JVM (and by a user who wants everything in one JVM: {@code -Dwdpaper.launcher=off}). */
  static final String PROPERTY = "wdpaper.launcher";
  /** The commands that run in a second JVM: the ones that render the paper. */
  static final Set<String> COMMANDS = Set.of("build", "render");
  /** CDS's own messages (an archive that does not fit this JVM, classes it cannot archive) stay out of the output. */
  static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

  /**
   * The garbage collector of the second JVM unless the user named one: the serial collector. A build allocates
   * little (the trainer's arrays are made once per run) and needs no concurrent collector; G1's default on a 2-core
   * machine cost the quick build about 3 s of wall time and 5 s of CPU more (its write barriers in C1's code, its
   * threads), measured side by side.
   */
  static final String SERIAL_GC = "-XX:+UseSerialGC";

  /**
   * Maps the class-data archive at the address it was written for. This JDK's default (Debian's build of 17) maps it
   * at a random address and then rewrites every pointer in it: about 9,000 more pages of fresh memory touched at each
   * start, and on this machine (a virtual machine where a first touch costs about 17 us per page) about 0.1 s. If
   * that address is taken the JVM still relocates, as before; the classes are the same either way.
   */
  static final List<String> ARCHIVE_AT_ITS_ADDRESS = List.of("-XX:+UnlockDiagnosticVMOptions",
      "-XX:ArchiveRelocationMode=0");

  /**
   * Backs the second JVM's heap with transparent huge pages (2 MB) where the kernel offers them on request
   * ({@link #hugePagesOffered}). On this machine, a virtual machine, the first touch of a fresh 4 KB page costs about
   * 15 us, and a quick build touched about 88,000 of them, most inside the collector's pauses, when objects are
   * copied to pages of the old generation no object had used before (perf: 37,000 faults in the old generation,
   * 26,000 in eden); a 400 MB touch took 1.5 s in 4 KB pages and 0.03 to 0.7 s in huge pages. With them the quick
   * build has about 15,000 page faults, and the collector's pauses, alternated with the jar before, 0.88 to 1.00 s
   * instead of 1.04 to 1.13 s. Memory is only laid out differently: nothing computed changes. Not added when the
   * user chose how pages are used ({@link #choosesPages}), on the command line or in {@code JAVA_TOOL_OPTIONS} or
   * {@code JDK_JAVA_OPTIONS}.
   */
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  /** Where Linux says whether it gives transparent huge pages: always, on request (madvise) or never. */
  static final Path HUGE_PAGES_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

  private Launcher() {}

  /** How to start the second JVM, and where its archive goes when it was written. */
  record Plan(List<String> command, Optional<Path> written, Path archive) {}

  /**
   * Runs {@code args} in a second JVM if this one should (see the class comment) and returns its exit code; empty
   * if the command is to run in this JVM.
   */
  static OptionalInt run(String[] args) {
    if (!System.getProperty(PROPERTY, "on").equals("on")) {
      return OptionalInt.empty();
    }
    Optional<Path> jar = jar();
    Optional<List<String>> jvmOptions = jvmOptions(jar);
    if (jar.isEmpty() || jvmOptions.isEmpty()) {
      return OptionalInt.empty();
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Optional<Plan> plan = plan(java, jar.get(), jvmOptions.get(), List.of(args), Runtime.version().toString(),
        ProcessHandle.current().pid(), hugePagesOffered(HUGE_PAGES_SETTING)
        && !choosesPagesIn(System.getenv("JAVA_TOOL_OPTIONS")) && !choosesPagesIn(System.getenv("JDK_JAVA_OPTIONS")));
    if (plan.isEmpty()) {
      return OptionalInt.empty();
    }
    return exec(plan.get());
  }

  /**
   * The second JVM's command for {@code args}, or empty if they run here: {@code java <options of this JVM>
   * -Dwdpaper.launcher=child <archive options> -jar <jar> <args>}. The archive is read if it exists and is not
   * older than the jar, else written to a temporary file named after {@code pid}. {@code hugePages}: the kernel
   * gives transparent huge pages on request ({@link #HUGE_PAGES}).
   */
  static Optional<Plan> plan(Path java, Path jar, List<String> jvmOptions, List<String> args, String jvmVersion,
      long pid, boolean hugePages) {
    if (args.isEmpty() || !COMMANDS.contains(args.get(0))) {
      return Optional.empty();
    }
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return Optional.empty();
      }
    }
    Path archive = archive(jar, jvmVersion);
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.addAll(jvmOptions);
    cmd.add("-D" + PROPERTY + "=child");
    Optional<Path> written = Optional.empty();
    if (usable(archive, jar)) {
      cmd.add("-XX:SharedArchiveFile=" + archive);
      if (jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:ArchiveRelocationMode"))) {
        cmd.addAll(ARCHIVE_AT_ITS_ADDRESS);
      }
    } else if (Files.isWritable(archive.toAbsolutePath().getParent())) {
      Path tmp = archive.resolveSibling(archive.getFileName() + "." + pid + ".tmp");
      cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
      written = Optional.of(tmp);
    }
    cmd.add(QUIET);
    if (jvmOptions.stream().noneMatch(o -> o.matches("-XX:[+-]Use\\w*GC"))) {
      cmd.add(SERIAL_GC);
    }
    if (hugePages && jvmOptions.stream().noneMatch(Launcher::choosesPages)) {
      cmd.add(HUGE_PAGES);
    }
    if (c1Only(args) && jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))) {
      cmd.add("-XX:TieredStopAtLevel=1");
      // nothing for JitDirectives to change when C2 is off
      cmd.add("-Dwdpaper.jit.defaults=true");
    }
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(args);
    return Optional.of(new Plan(cmd, written, archive));
  }

  /**
   * Whether the command compiles with C1 only: a {@code render}, which trains nothing, and a {@code build --quick},
   * whose training (about 4 s of two cores) is over before C2's compile time pays back: measured side by side on
   * the quick build, C1 only took about 1 s less wall time and 2 to 3 s less CPU than C2 for the training and C1
   * after it, the training itself 0.5 s longer. A full build trains for minutes and keeps C2.
   */
  static boolean c1Only(List<String> args) {
    return args.get(0).equals("render") || (args.get(0).equals("build") && args.contains("--quick"));
  }

  /** {@code x-all.jar} -> {@code x-all.jvm-<version>.jsa}, in the jar's folder. */
  static Path archive(Path jar, String jvmVersion) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    return jar.resolveSibling(name + ".jvm-" + jvmVersion.replaceAll("[^A-Za-z0-9.]", "_") + ".jsa");
  }

  /** A JVM option that says how memory pages are used: large, huge, transparent, shared, or their size. */
  static boolean choosesPages(String option) {
    return option.matches(
        "-XX:([+-](UseTransparentHugePages|UseLargePages\\w*|UseHugeTLBFS|UseSHM)|LargePageSizeInBytes=.*)");
  }

  /** Whether options as the JVM reads them from an environment variable (space-separated) choose pages. */
  static boolean choosesPagesIn(String options) {
    return options != null && java.util.Arrays.stream(options.trim().split("\\s+")).anyMatch(Launcher::choosesPages);
  }

  /**
   * Whether the kernel's setting file ({@link #HUGE_PAGES_SETTING}, e.g. {@code always [madvise] never}, the
   * bracketed word chosen) gives huge pages to memory that asks for them; false if it says never or cannot be read
   * (not Linux), so that the JVM never warns that it cannot have them.
   */
  static boolean hugePagesOffered(Path setting) {
    try {
      String s = Files.readString(setting);
      return s.contains("[always]") || s.contains("[madvise]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The archive exists and was written after the jar (a rebuilt jar makes the JVM ignore an older archive). */
  static boolean usable(Path archive, Path jar) {
    try {
      return Files.isRegularFile(archive) && Files.size(archive) > 0
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Starts the plan's JVM, waits for it, moves a written archive into place if it succeeded; its exit code. */
  static OptionalInt exec(Plan plan) {
    Process child;
    try {
      child = new ProcessBuilder(plan.command()).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    Thread stop = new Thread(() -> {
      // this JVM was stopped (not by Ctrl-C, which the second JVM received too): stop the second one the same way
      child.destroy();
      try {
        child.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      plan.written().ifPresent(tmp -> keep(tmp, plan.archive(), false));
    });
    Runtime.getRuntime().addShutdownHook(stop);
    // only now: a signal ignored when a process starts stays ignored in it, and the second JVM must not ignore Ctrl-C
    ignoreInterrupts();
    int code;
    while (true) {
      try {
        code = child.waitFor();
        break;
      } catch (InterruptedException e) {
        // only a stop of this JVM interrupts it, and then the hook waits for the child
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stop);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    boolean ok = code == 0;
    plan.written().ifPresent(tmp -> keep(tmp, plan.archive(), ok));
    return OptionalInt.of(code);
  }

  /** Moves the written archive into place (if the command succeeded), else deletes it; never fails the command. */
  static void keep(Path tmp, Path archive, boolean ok) {
    try {
      if (ok && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the next run writes the archive again
      }
    }
  }

  /** Ctrl-C reaches both JVMs; this one waits for the second one's exit code instead of dying first. */
  private static void ignoreInterrupts() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | LinkageError e) {
      // no SIGINT on this system: nothing to ignore
    }
  }

  /** The jar this class was loaded from, if it was loaded from a jar file. */
  private static Optional<Path> jar() {
    try {
      var source = Launcher.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path p = Path.of(source.getLocation().toURI());
      return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(p)
          ? Optional.of(p) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * This JVM's own options (what came before {@code -jar} on its command line), if it was started as
   * {@code java [options] -jar <this jar> ...}; empty otherwise.
   */
  private static Optional<List<String>> jvmOptions(Optional<Path> jar) {
    Optional<String[]> arguments = ProcessHandle.current().info().arguments();
    if (jar.isEmpty() || arguments.isEmpty()) {
      return Optional.empty();
    }
    return optionsBeforeJar(List.of(arguments.get()));
  }

  /** The arguments before {@code -jar}, if there is one and none of them is an option that names a class path. */
  static Optional<List<String>> optionsBeforeJar(List<String> arguments) {
    int i = arguments.indexOf("-jar");
    if (i < 0) {
      return Optional.empty();
    }
    List<String> options = arguments.subList(0, i);
    for (String o : options) {
      if (o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")
          || o.startsWith("-Xshare") || o.startsWith("-D" + PROPERTY + "=")) {
        // the user chose the class-data settings (or the launcher) himself
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(options));
  }
}
