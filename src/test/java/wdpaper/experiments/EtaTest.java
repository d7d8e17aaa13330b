package wdpaper.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import wdpaper.nn.RunSpec;

/**
 * The ETA's logic on simulated builds (a fake clock, no timing): the runs of the project's experiments, started
 * longest first on two workers as the runner does, each taking its predicted cost times an unknown machine factor
 * and times its own error of up to 25 %; from a quarter of the way on, the predicted end must be within 20 % of the
 * true end, and so must the predicted remaining time while at least a quarter remains.
 */
class EtaTest {
  private static final class Clock {
    long nanos;
  }

  /** An epoch of one run ending at a time, in the simulation. */
  private record Event(double time, int run, boolean last) {}

  @Test
  void etaOfTheProjectBuildIsWithinTwentyPercentAfterTheFirstQuarter() {
    List<RunSpec> specs = new ArrayList<>();
    for (ExperimentSpec e : ExperimentLoader.loadAll(Path.of(System.getProperty("project.root", "."))
        .resolve("content/experiments"), Profile.FULL, Path::toString)) {
      e.runs().forEach(r -> specs.add(r.spec()));
    }
    for (long seed = 1; seed <= 5; seed++) {
      for (double machine : new double[] {0.4, 1.0, 2.5}) {
        check(specs, 2, machine, seed);
      }
    }
    check(specs, 1, 1.0, 9);
    check(specs, 4, 1.0, 9);
  }

  /** A build dominated by one long run: the estimate must know that the other worker idles at the end. */
  @Test
  void etaKnowsAboutTheTailWhenOneRunIsLong() {
    List<RunSpec> specs = new ArrayList<>();
    RunSpec big = RunSpec.builder().sizes(784, 300, 10).epochs(30).build();
    specs.add(big);
    for (int i = 0; i < 10; i++) {
      specs.add(big.toBuilder().sizes(784, 10, 10).epochs(2).seed(i + 2).build());
    }
    check(specs, 2, 1.0, 3);
  }

  @Test
  void withNoMeasurementTheModelsSecondsAreUsed() {
    Clock clock = new Clock();
    Map<Object, double[]> work = new LinkedHashMap<>();
    work.put("a", new double[] {30, 3});
    work.put("b", new double[] {20, 2});
    work.put("c", new double[] {10, 1});
    Eta eta = new Eta(work, 2, () -> clock.nanos);
    assertThat(eta.speed()).isEmpty();
    // a on one worker (30), b then c on the other (20 + 10)
    assertThat(eta.remainingSeconds()).isCloseTo(30, within(1e-9));
    eta.started("a");
    eta.started("b");
    clock.nanos = 20_000_000_000L;
    eta.epoch("a");
    eta.epoch("a");
    // a did 20 s of predicted work in 20 s: speed 1; a has 10 left, b has 20 - 20 = 0 left (its epochs not yet in),
    // then c takes 10: both end at 10 from now
    assertThat(eta.speed().getAsDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(eta.remainingSeconds()).isCloseTo(10, within(1e-9));
    assertThat(eta.finishedRuns()).isZero();
    assertThat(eta.totalRuns()).isEqualTo(3);
  }

  /**
   * Simulates a build: runs in longest-first order on {@code workers}, run i takes its predicted cost x machine x
   * (1 +- up to 25 %), its epochs equally long; checks the estimate at every epoch event after a quarter.
   */
  private static void check(List<RunSpec> specs, int workers, double machine, long seed) {
    List<RunSpec> order = new ArrayList<>(specs);
    order.sort(Comparator.comparingDouble(CostModel::seconds).reversed());
    Random random = new Random(seed);
    double[] duration = new double[order.size()];
    Map<Object, double[]> work = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      double cost = CostModel.seconds(order.get(i));
      duration[i] = cost * machine * (1 + 0.25 * (2 * random.nextDouble() - 1));
      work.put(i, new double[] {cost, order.get(i).epochs()});
    }
    // the true schedule
    List<Event> events = new ArrayList<>();
    double[] start = new double[order.size()];
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int w = 0; w < workers; w++) {
      free.add(0.0);
    }
    double end = 0;
    for (int i = 0; i < order.size(); i++) {
      start[i] = free.poll();
      int epochs = order.get(i).epochs();
      for (int e = 1; e <= epochs; e++) {
        events.add(new Event(start[i] + duration[i] * e / epochs, i, e == epochs));
      }
      free.add(start[i] + duration[i]);
      end = Math.max(end, start[i] + duration[i]);
    }
    events.sort(Comparator.comparingDouble(Event::time));
    Clock clock = new Clock();
    Eta eta = new Eta(work, workers, () -> clock.nanos);
    boolean[] started = new boolean[order.size()];
    int checked = 0;
    for (Event ev : events) {
      // runs that have started by this time
      for (int i = 0; i < order.size(); i++) {
        if (!started[i] && start[i] <= ev.time()) {
          clock.nanos = (long) (start[i] * 1e9);
          eta.started(i);
          started[i] = true;
        }
      }
      clock.nanos = (long) (ev.time() * 1e9);
      eta.epoch(ev.run());
      if (ev.last()) {
        eta.finished(ev.run());
      }
      if (ev.time() >= end / 4 && ev.time() < end) {
        double predicted = ev.time() + eta.remainingSeconds();
        String at = String.format("workers %d, machine %.1f, seed %d, at %.0f of %.0f s", workers, machine, seed,
            ev.time(), end);
        assertThat(predicted).as("predicted end, " + at).isCloseTo(end, within(0.2 * end));
        if (end - ev.time() >= end / 4) {
          assertThat(eta.remainingSeconds()).as("remaining, " + at).isCloseTo(end - ev.time(),
              within(0.2 * (end - ev.time())));
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(3);
    assertThat(eta.finishedRuns()).isEqualTo(order.size());
  }
}
