package wdpaper.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.data.Mnist;
import wdpaper.nn.Trainer;
import wdpaper.nn.RunSpec;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/** Prints seconds per epoch and examples per second of the fast trainer on real MNIST. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Time the trainer on MNIST: seconds per epoch for [784,30,10] and [784,100,10].",
    description = {"Each size trains one warm-up epoch, then the timed epochs (m = 10, eta = 0.1, lambda = 5,"
        + " full 50,000 training images; each epoch includes validation on 10,000 images and the training cost on"
        + " 5,000). Prints the best and the median epoch: on a shared machine the best is the steadiest figure.",
        "With --numpy it also times src/bench/numpy_epoch.py (the same network and epoch in vectorized numpy f64,"
            + " one BLAS thread) with python3 on the same machine, for a side-by-side comparison."})
final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--epochs", defaultValue = "5", description = "Timed epochs per size (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--sizes", split = ",", defaultValue = "30,100",
      description = "Hidden-layer widths to time (default ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(names = "--numpy", description = "Also time the numpy f64 yardstick (needs python3 with numpy).")
  boolean numpy;

  @Override
  public Integer call() {
    if (epochs < 1) {
      throw new UserError(ExitCodes.USAGE, "--epochs must be at least 1, was " + epochs);
    }
    for (int h : hidden) {
      if (h < 1) {
        throw new UserError(ExitCodes.USAGE, "--sizes: hidden widths must be at least 1, was " + h);
      }
    }
    Mnist mnist = common.loadMnist();
    common.out().printf(Locale.ROOT, "java %s on %s, %d cores%n", System.getProperty("java.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    common.out().printf(Locale.ROOT, "%-13s %-26s %9s %9s %12s%n", "network", "trainer", "best s", "median s",
        "examples/s");
    int n = mnist.training().size();
    for (boolean instrument : new boolean[] {false, true}) {
      for (int h : hidden) {
        RunSpec cfg = RunSpec.builder().sizes(784, h, 10).epochs(epochs + 1).instrument(instrument).build();
        long[] last = {0};
        List<Double> times = new ArrayList<>();
        Trainer.train(cfg, mnist.training(), mnist.validation(), mnist.test(), (epoch, total, metrics) -> {
          long now = System.nanoTime();
          if (epoch >= 2) {
            times.add((now - last[0]) / 1e9);
          }
          last[0] = now;
        });
        print(h, instrument ? "java, split on" : "java", times, n);
      }
    }
    if (numpy) {
      for (int h : hidden) {
        print(h, "numpy f64", numpyTimes(h), n);
      }
    }
    return 0;
  }

  private void print(int h, String trainer, List<Double> times, int n) {
    double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double best = t[0];
    double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    common.out().printf(Locale.ROOT, "%-13s %-26s %9.3f %9.3f %,12.0f%n", "[784," + h + ",10]", trainer, best, median,
        n / best);
  }

  /** Runs the numpy yardstick and returns its timed epochs (the first, a warm-up, is dropped). */
  private List<Double> numpyTimes(int h) {
    Path script = common.paths().root().resolve("src/bench/numpy_epoch.py");
    if (!Files.isRegularFile(script)) {
      throw new UserError(ExitCodes.USAGE, script + ": not found; --numpy runs it from the project folder");
    }
    Path data = common.paths().mnistCache();
    if (!Files.isRegularFile(data.resolve("train-images-idx3-ubyte")) && common.mnistDir != null) {
      data = common.mnistDir;
    }
    List<String> cmd = List.of("python3", script.toString(), data.toString(),
        Integer.toString(h), Integer.toString(epochs));
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
          }
        }
      }
      int rc = p.waitFor();
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
}
