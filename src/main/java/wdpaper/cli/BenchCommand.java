package wdpaper.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.data.Mnist;
import wdpaper.nn.RunSpec;
import wdpaper.nn.Trainer;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/** Times the fast trainer on real MNIST, and the numpy and PyTorch yardsticks side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Time the trainer on MNIST: seconds per epoch for [784,30,10] and [784,100,10].",
    description = {"Each size trains the book's setting (RunSpec.DEFAULTS, printed in the first line) on all"
        + " 50,000 training images; an epoch includes validation on 10,000 images and the training cost on 5,000."
        + " Each run's first epoch is a warm-up and not counted. Prints the best and the median epoch: on a shared"
        + " machine the best is the steadiest figure.",
        "With --numpy it also times src/bench/numpy_epoch.py (the same network and epoch in numpy float64, one BLAS"
            + " thread) and, if python3 can import torch, src/bench/torch_epoch.py (PyTorch, CPU, float64, one"
            + " thread), in the same run, interleaved per round, and prints java/numpy for the Java lines."})
final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--epochs", defaultValue = "5", description = "Timed epochs per run (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--rounds", defaultValue = "1",
      description = "Rounds; each times every trainer once per size, so drift hits all alike (default"
          + " ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--sizes", split = ",", defaultValue = "30,100",
      description = "Hidden-layer widths to time (default ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(names = "--numpy", description = "Also time the numpy (and, if importable, PyTorch) yardsticks.")
  boolean numpy;

  private static final String JAVA = "java";
  private static final String SPLIT = "java, split on";
  private static final String NUMPY = "numpy f64";
  private static final String TORCH = "torch f64";

  @Override
  public Integer call() {
    if (epochs < 1) {
      throw new UserError(ExitCodes.USAGE, "--epochs must be at least 1, was " + epochs);
    }
    if (rounds < 1) {
      throw new UserError(ExitCodes.USAGE, "--rounds must be at least 1, was " + rounds);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new UserError(ExitCodes.USAGE, "--sizes: hidden widths must be at least 1, was " + h);
      }
    }
    Mnist mnist = common.loadMnist();
    RunSpec book = RunSpec.DEFAULTS;
    int n = mnist.training().size();
    common.out().printf(Locale.ROOT, "[784,H,10], %s init, m = %d, eta = %s, lambda = %s, n = %d; an epoch ="
        + " training + validation (%d images) + training cost (%d); %d timed epochs per run, %d round(s)%n",
        book.init(), book.miniBatchSize(), book.eta(), book.lambda(), n, mnist.validation().size(),
        book.monitorSample(), epochs, rounds);
    int cores = Runtime.getRuntime().availableProcessors();
    common.out().printf(Locale.ROOT, "java %s (%s) on %s, %d core%s%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), cpu(), cores, cores == 1 ? "" : "s");
    Map<String, List<Double>> times = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    boolean torch = numpy;
    for (int round = 0; round < rounds; round++) {
      for (int h : hidden) {
        times.computeIfAbsent(key(h, JAVA), k -> new ArrayList<>()).addAll(javaTimes(mnist, book, h, false));
        times.computeIfAbsent(key(h, SPLIT), k -> new ArrayList<>()).addAll(javaTimes(mnist, book, h, true));
        if (numpy) {
          times.computeIfAbsent(key(h, NUMPY), k -> new ArrayList<>())
              .addAll(pythonTimes("numpy_epoch.py", h, book, notes));
        }
        if (torch) {
          List<Double> t = pythonTimes("torch_epoch.py", h, book, notes);
          if (t.isEmpty()) {
            torch = false;
          } else {
            times.computeIfAbsent(key(h, TORCH), k -> new ArrayList<>()).addAll(t);
          }
        }
      }
    }
    notes.stream().distinct().forEach(s -> common.out().println(s));
    common.out().printf(Locale.ROOT, "%-13s %-16s %8s %9s %12s %16s%n", "network", "trainer", "best s", "median s",
        "examples/s", "java/numpy b, m");
    for (int h : hidden) {
      for (String trainer : List.of(JAVA, SPLIT, NUMPY, TORCH)) {
        List<Double> t = times.get(key(h, trainer));
        if (t == null) {
          continue;
        }
        double[] s = stats(t);
        String ratio = "";
        List<Double> np = times.get(key(h, NUMPY));
        if (np != null && trainer.startsWith(JAVA)) {
          double[] q = stats(np);
          ratio = String.format(Locale.ROOT, "%.2f, %.2f", s[0] / q[0], s[1] / q[1]);
        }
        common.out().printf(Locale.ROOT, "%-13s %-16s %8.3f %9.3f %,12.0f %16s%n", "[784," + h + ",10]", trainer,
            s[0], s[1], n / s[0], ratio);
      }
    }
    return 0;
  }

  private static String key(int h, String trainer) {
    return h + "|" + trainer;
  }

  /** {best, median}. */
  static double[] stats(List<Double> times) {
    double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    return new double[] {t[0], median};
  }

  /** One run of epochs + 1 epochs; the first is a warm-up. */
  private List<Double> javaTimes(Mnist mnist, RunSpec book, int h, boolean instrument) {
    RunSpec spec = book.toBuilder().sizes(784, h, 10).epochs(epochs + 1).instrument(instrument).build();
    long[] last = {0};
    List<Double> times = new ArrayList<>();
    Trainer.train(spec, mnist.training(), mnist.validation(), mnist.test(), (epoch, total, metrics) -> {
      long now = System.nanoTime();
      if (epoch >= 2) {
        times.add((now - last[0]) / 1e9);
      }
      last[0] = now;
    });
    return times;
  }

  /**
   * Runs a yardstick script and returns its timed epochs (epoch 0, a warm-up, is dropped); an empty list, with a
   * note, if the script says its library is not importable (exit 3).
   */
  private List<Double> pythonTimes(String name, int h, RunSpec book, List<String> notes) {
    Path script = common.paths().root().resolve("src/bench").resolve(name);
    if (!Files.isRegularFile(script)) {
      throw new UserError(ExitCodes.USAGE, script + ": not found; --numpy runs it from the project folder");
    }
    Path data = common.paths().mnistCache();
    if (!Files.isRegularFile(data.resolve("train-images-idx3-ubyte")) && common.mnistDir != null) {
      data = common.mnistDir;
    }
    List<String> cmd = List.of("python3", script.toString(), data.toString(), Integer.toString(h),
        Integer.toString(epochs), Integer.toString(book.miniBatchSize()), Double.toString(book.eta()),
        Double.toString(book.lambda()));
    List<Double> times = new ArrayList<>();
    List<String> output = new ArrayList<>();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          output.add(line);
          String[] f = line.trim().split("\\s+");
          if (f.length == 4 && f[0].equals("epoch") && Integer.parseInt(f[1]) >= 1) {
            times.add(Double.parseDouble(f[2]));
          } else if (line.startsWith("# ")) {
            notes.add(line.substring(2));
          }
        }
      }
      int rc = p.waitFor();
      if (rc == 3 && !output.isEmpty() && output.get(output.size() - 1).contains("not importable")) {
        notes.add(output.get(output.size() - 1));
        return List.of();
      }
      if (rc != 0 || times.isEmpty()) {
        String last = output.isEmpty() ? "no output" : output.get(output.size() - 1);
        throw new UserError(ExitCodes.FAILURE, "--numpy: '" + String.join(" ", cmd) + "' failed (exit " + rc + "): "
            + last);
      }
    } catch (IOException e) {
      throw new UserError(ExitCodes.FAILURE, "--numpy needs python3 with numpy on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(ExitCodes.INTERRUPTED, "interrupted");
    }
    return times;
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
