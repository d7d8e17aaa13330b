package wdpaper.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * Once the training is over, tells the JIT to compile nothing more with its optimizing compiler (C2), only with C1.
 * Rendering (templates, Markdown, math, figures, PDF, and the JDK and library code they call) runs each method for
 * a few seconds at most, too short for C2's compile time to pay back: on the quick build's render C2 took 15-17 s
 * of compiler-thread time and the render 21 s of CPU in all; with C1 only, 13 s. C1 compiles fast. Code C2 has
 * compiled before (the trainer) stays as it is. Only after training: a method C2 may not compile is not inlined
 * into C2's code either, and the trainer's loops need the JDK methods inlined (they ran 3x slower with the JDK left
 * to C1 from the start). Compiled code computes exactly what interpreted code does (Java's floating point is
 * strict), so no result changes, only how fast it comes. From the start, C2 leaves out only the JDK code of
 * {@link #EARLY}, which it compiled again and again in a quick build.
 *
 * <p>Only in the command-line program ({@link Main}; tests that run commands in their own JVM keep the JIT as it
 * is), once per process, through the JVM's diagnostic command {@code Compiler.directives_add} (what {@code jcmd}
 * uses), on a daemon thread so that the start-up of the management classes overlaps the render; on a JVM without
 * that command nothing happens. {@code -Dwdpaper.jit.defaults=true} leaves the JIT as it is (to measure the
 * difference).
 */
final class JitDirectives {
  /** The directive, in the JIT's JSON dialect. */
  static final String C1_ONLY = "[{match: \"*.*\", c2: {Exclude: true}}]";

  /**
   * From the start, JDK code that C2 compiled again and again in a quick build, for little gain: the conversion of a
   * double to its shortest decimal string (every number of every run record written; JFR: 5 C2 compilations of
   * {@code FloatingDecimal$BinaryToASCIIBuffer.dtoa}, 1.6 s, each undone by the next unseen case) and the bytecode
   * library that spins lambdas and method handles (0.7 s). C1 compiles them; the trainer calls neither.
   */
  static final String EARLY = "[{match: [\"jdk/internal/math/FloatingDecimal*.*\","
      + " \"jdk/internal/org/objectweb/asm/*.*\"], c2: {Exclude: true}}]";

  private static volatile boolean enabled;
  private static final AtomicBoolean APPLIED = new AtomicBoolean();

  private JitDirectives() {}

  /** Called by {@link Main}: this process is the command-line program; adds {@link #EARLY} (on a daemon thread). */
  static void enable() {
    enabled = !Boolean.getBoolean("wdpaper.jit.defaults");
    if (enabled) {
      wdpaper.project.Daemons.start("jit-directives", () -> apply(EARLY));
    }
  }

  /** The training is over: applies the directive on a daemon thread, once, if enabled; returns at once. */
  static void trainingDone() {
    if (!enabled || !APPLIED.compareAndSet(false, true)) {
      return;
    }
    wdpaper.project.Daemons.start("jit-directives", () -> apply(C1_ONLY));
  }

  /** Applies {@link #C1_ONLY}; returns the JVM's answer ("1 compiler directives added"), empty if it has none. */
  static Optional<String> apply() {
    return apply(C1_ONLY);
  }

  /** Applies {@code directive}; the JVM's answer, empty if it has no such command. */
  static synchronized Optional<String> apply(String directive) {
    Path file = null;
    try {
      file = Files.createTempFile("weight-decay-paper-jit", ".json");
      Files.writeString(file, directive, StandardCharsets.UTF_8);
      Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
      return Optional.of(String.valueOf(answer).trim());
    } catch (Exception | LinkageError e) {
      // no diagnostic command (another JVM), no temporary folder: the JIT compiles as usual
      return Optional.empty();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
          // a stray file in the temporary folder; nothing depends on it
        }
      }
    }
  }
}
