package wdpaper.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wdpaper.data.Mnist;
import wdpaper.nn.Init;
import wdpaper.nn.Trainer;
import wdpaper.nn.TrainingConfig;

/** Prints seconds per epoch and examples per second of the fast trainer on real MNIST. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Time the trainer on MNIST: seconds per epoch for [784,30,10] and [784,100,10].",
    description = "Each size trains one warm-up epoch, then the timed epochs (m = 10, eta = 0.1, lambda = 5,"
        + " full 50,000 training images, validation on 10,000 included). Prints one line per size.")
final class BenchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--epochs", defaultValue = "3", description = "Timed epochs per size (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--sizes", split = ",", defaultValue = "30,100",
      description = "Hidden-layer widths to time (default ${DEFAULT-VALUE}).")
  int[] hidden;

  @Override
  public Integer call() {
    Mnist mnist = common.loadMnist();
    common.out().printf(Locale.ROOT, "java %s on %s, %d cores%n", System.getProperty("java.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    for (boolean instrument : new boolean[] {false, true}) {
      for (int h : hidden) {
        int[] sizes = {784, h, 10};
        TrainingConfig warm = TrainingConfig.of(sizes, Init.NEW, 0.1, 5.0, 10, 1, 1).withInstrument(instrument);
        Trainer.train(warm, mnist.training(), mnist.validation(), mnist.test(), null);
        TrainingConfig timed = TrainingConfig.of(sizes, Init.NEW, 0.1, 5.0, 10, epochs, 2).withInstrument(instrument);
        long t0 = System.nanoTime();
        Trainer.train(timed, mnist.training(), mnist.validation(), mnist.test(), null);
        double seconds = (System.nanoTime() - t0) / 1e9 / epochs;
        common.out().printf(Locale.ROOT, "[784,%d,10]  %.3f s/epoch  %,.0f examples/s  (m=10, %d epochs, validation"
            + " included, %s)%n", h, seconds, mnist.training().size() / seconds, epochs,
            instrument ? "decay/gradient split on" : "plain");
      }
    }
    return 0;
  }
}
