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

  /**
   * A real full build replayed: the 75 runs of the build of 2026-11-28 (2 workers, a shared machine whose load rose
   * from 1.6 to 4 while it ran, so identical runs took 22 s at the start and 35 s a minute later), each started and
   * finished when it did, its epochs spread evenly over its time. From a quarter of the way on, the estimated
   * remaining time must be within 20 % of the true one while at least a quarter remains, and the estimated end within
   * 20 % of the true end until it.
   */
  @Test
  void etaOfARecordedFullBuildIsWithinTwentyPercentAfterTheFirstQuarter() throws Exception {
    List<Replayed> runs = replay("eta-replay-2026-11-28.jsonl");
    assertThat(runs).hasSize(75);
    double worst = replayWorstError(runs, 2);
    assertThat(worst).as("worst relative error of the remaining time after the first quarter").isLessThan(0.2);
  }

  /** One run of a recorded build: its spec, when it started and ended (s from the start of training), epochs run. */
  record Replayed(RunSpec spec, double start, double end, int epochs) {}

  static List<Replayed> replay(String resource) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Replayed> runs = new ArrayList<>();
    try (var in = EtaTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        var n = json.readTree(line);
        var s = n.get("spec");
        List<Integer> sizes = new ArrayList<>();
        s.get("sizes").forEach(v -> sizes.add(v.asInt()));
        List<Integer> histograms = new ArrayList<>();
        s.get("histogramEpochs").forEach(v -> histograms.add(v.asInt()));
        List<Double> thresholds = new ArrayList<>();
        s.get("saturationThresholds").forEach(v -> thresholds.add(v.asDouble()));
        RunSpec spec = RunSpec.builder().sizes(sizes).init(s.get("init").asText()).eta(s.get("eta").asDouble())
            .lambda(s.get("lambda").asDouble()).miniBatchSize(s.get("miniBatchSize").asInt())
            .epochs(s.get("epochs").asInt()).trainingSetSize(s.get("trainingSetSize").asInt())
            .validationSetSize(s.get("validationSetSize").asInt()).seed(s.get("seed").asLong())
            .gradients(s.get("gradients").asBoolean()).instrument(s.get("instrument").asBoolean())
            .snapshotsPerEpoch(s.get("snapshotsPerEpoch").asInt()).histogramEpochs(histograms)
            .saturationSample(s.get("saturationSample").asInt()).monitorSample(s.get("monitorSample").asInt())
            .input(s.get("input").asText()).saturationThresholds(thresholds)
            .settle(s.get("settle").isNull() ? null : new RunSpec.Settle(s.get("settle").get("fraction").asDouble(),
                s.get("settle").get("epochs").asInt()))
            .build();
        double end = n.get("finished").asDouble();
        runs.add(new Replayed(spec, end - n.get("seconds").asDouble(), end, n.get("epochs").asInt()));
      }
    }
    runs.sort(Comparator.comparingDouble(Replayed::start));
    return runs;
  }

  /**
   * Feeds the recorded build to an {@link Eta} (runs in the order they started, which is the runner's) and returns
   * the largest relative error of the estimated remaining time at any event from a quarter of the way on while at
   * least a quarter remains; also asserts the estimated end within 20 % of the true end from the quarter to the end.
   */
  static double replayWorstError(List<Replayed> runs, int workers) {
    Map<Object, double[]> work = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      work.put(i, new double[] {CostModel.seconds(runs.get(i).spec()), runs.get(i).spec().epochs()});
    }
    List<double[]> events = new ArrayList<>(); // time, run, kind: 0 start, 1 epoch, 2 last epoch
    double end = 0;
    for (int i = 0; i < runs.size(); i++) {
      Replayed r = runs.get(i);
      events.add(new double[] {r.start(), i, 0});
      for (int e = 1; e <= r.epochs(); e++) {
        events.add(new double[] {r.start() + (r.end() - r.start()) * e / r.epochs(), i, e == r.epochs() ? 2 : 1});
      }
      end = Math.max(end, r.end());
    }
    events.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[2]));
    Clock clock = new Clock();
    Eta eta = new Eta(work, workers, () -> clock.nanos);
    double worst = 0;
    int checked = 0;
    for (double[] ev : events) {
      clock.nanos = (long) (ev[0] * 1e9);
      int run = (int) ev[1];
      if (ev[2] == 0) {
        eta.started(run);
      } else {
        eta.epoch(run);
        if (ev[2] == 2) {
          eta.finished(run);
        }
      }
      double t = ev[0];
      if (t >= end / 4 && t < end) {
        String at = String.format("at %.0f of %.0f s", t, end);
        assertThat(t + eta.remainingSeconds()).as("predicted end, " + at).isCloseTo(end, within(0.2 * end));
        if (end - t >= end / 4) {
          worst = Math.max(worst, Math.abs(eta.remainingSeconds() - (end - t)) / (end - t));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(eta.finishedRuns()).isEqualTo(runs.size());
    return worst;
  }

  /**
   * Runs with a settle rule may stop before their cap: the cap until one has finished, then the mean fraction of the
   * cap that the finished runs with the same rule ran, and never less than one more epoch than a run has run.
   */
  @Test
  void settledRunsTeachTheEtaHowManyEpochsTheOthersWillRun() {
    Clock clock = new Clock();
    Map<Object, double[]> work = new LinkedHashMap<>();
    work.put("a", new double[] {10, 10});
    work.put("b", new double[] {10, 10});
    work.put("c", new double[] {4, 4});
    Eta eta = new Eta(work, Map.of("a", "settle 0.05 x 3", "b", "settle 0.05 x 3"), 1, () -> clock.nanos);
    eta.started("a");
    for (int e = 1; e <= 2; e++) {
      clock.nanos = e * 1_000_000_000L;
      eta.epoch("a");
    }
    // speed 1; a may run its whole cap: 8 left, then b (10) and c (4, no rule)
    assertThat(eta.remainingSeconds()).isCloseTo(22, within(1e-9));
    for (int e = 3; e <= 5; e++) {
      clock.nanos = e * 1_000_000_000L;
      eta.epoch("a");
    }
    eta.finished("a");
    // a settled after half its cap: b is expected to run 5 epochs, c its 4
    assertThat(eta.remainingSeconds()).isCloseTo(9, within(1e-9));
    eta.started("b");
    for (int e = 1; e <= 6; e++) {
      clock.nanos = (5 + e) * 1_000_000_000L;
      eta.epoch("b");
    }
    // b has run past the expected 5: at least one more epoch, then c
    assertThat(eta.remainingSeconds()).isCloseTo(5, within(1e-9));
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
