package wdpaper.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.management.ObjectName;

/**
 * Tells the JIT to compile only the trainer with its optimizing compiler (C2), everything else with C1. A build runs
 * its rendering code (templates, Markdown, math, figures, PDF, and the JDK and library code they call) for a few
 * seconds at most, too short for C2's compile time to pay back: on the quick build C2 took about 8 s of the 2
 * cores' CPU, about a third of all the build used. C1 compiles fast. The trainer ({@code wdpaper.nn}), the data,
 * the runner and SHA-256 keep C2: their loops run for minutes and need its vectorised code (code C2 compiles there
 * may still inline JDK methods). Compiled code computes exactly what interpreted code does (Java's floating point is
 * strict), so no result changes, only how fast it comes.
 *
 * <p>Applied through the JVM's diagnostic command {@code Compiler.directives_add} (what {@code jcmd} uses), from a
 * daemon thread so that the start-up of the management classes does not delay the command; on a JVM without that
 * command nothing happens. {@code -Dwdpaper.jit.defaults=true} leaves the JIT as it is (to measure the difference).
 */
final class JitDirectives {
  /** The code that keeps C2, as JIT class patterns: the trainer, the data, the runner, and SHA-256 (MNIST, cache). */
  static final List<String> C2 = List.of("wdpaper/nn/", "wdpaper/data/", "wdpaper/experiments/",
      "sun/security/provider/");

  private JitDirectives() {}

  /** The directives, in the JIT's JSON dialect: the first that matches a method applies. */
  static String json() {
    StringBuilder sb = new StringBuilder("[{match: [");
    for (int i = 0; i < C2.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(C2.get(i)).append("*.*\"");
    }
    return sb.append("]}, {match: \"*.*\", c2: {Exclude: true}}]").toString();
  }

  /** Applies the directives on a daemon thread, unless switched off; returns at once. */
  static void applyInBackground() {
    if (Boolean.getBoolean("wdpaper.jit.defaults")) {
      return;
    }
    Thread t = new Thread(JitDirectives::apply, "jit-directives");
    t.setDaemon(true);
    t.start();
  }

  /** Applies the directives; returns the JVM's answer ("2 compiler directives added"), empty if it has no such command. */
  static Optional<String> apply() {
    Path file = null;
    try {
      file = Files.createTempFile("weight-decay-paper-jit", ".json");
      Files.writeString(file, json(), StandardCharsets.UTF_8);
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
