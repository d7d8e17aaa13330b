package wdpaper.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * Estimates when training ends. Each run has a predicted cost ({@link CostModel}, in seconds on the reference
 * machine); as epochs finish, the speed of this machine is measured as cost done per second of busy worker time, and
 * the rest is simulated as the runner executes it: the runs in flight finish their remaining epochs, then the
 * waiting runs start, in their order (longest first), on whichever worker is free first. The estimate is the end of
 * that simulation, so it knows that the last minutes may leave a core idle.
 *
 * <p>The speed is the average since the start, not of recent epochs only: the model's error differs between kinds
 * of run more than the machine's speed changes (measured on a recorded build), and the average spreads it. A run
 * with a settle rule may stop before its cap: it is expected to run the mean fraction of its cap that the finished
 * runs with the same rule ran (the cap itself until one has finished: a bound from above, corrected as they finish),
 * and at least one epoch more than it
 * has run. Thread-safe; the clock is injected.
 */
final class Eta {
  private static final class Run {
    final double cost;
    final int epochs;
    final String settle;
    int epochsDone;
    long started = -1;
    long lastEvent;
    long finished = -1;

    Run(double cost, int epochs, String settle) {
      this.cost = cost;
      this.epochs = epochs;
      this.settle = settle;
    }
  }

  /** Work done (predicted seconds) and the busy seconds it took, ending at {@code time} (s on the clock). */
  private record Sample(double time, double work, double busy) {}

  private final Map<Object, Run> runs = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();
  private final int workers;
  private final LongSupplier nanos;
  private int finishedCount;

  /**
   * @param work each run's key, in the order the runner starts them, with its predicted cost and epochs (the cap)
   * @param workers runs trained at a time
   * @param nanos the clock
   */
  Eta(Map<?, double[]> work, int workers, LongSupplier nanos) {
    this(work, Map.of(), workers, nanos);
  }

  /**
   * As {@link #Eta(Map, int, LongSupplier)}, with the settle rule of each run that has one (any text that is equal
   * for equal rules), by key.
   */
  Eta(Map<?, double[]> work, Map<?, String> settle, int workers, LongSupplier nanos) {
    work.forEach((k, v) -> runs.put(k, new Run(v[0], (int) v[1], settle.get(k))));
    this.workers = workers;
    this.nanos = nanos;
  }

  synchronized void started(Object key) {
    Run r = runs.get(key);
    r.started = nanos.getAsLong();
    r.lastEvent = r.started;
  }

  synchronized void epoch(Object key) {
    Run r = runs.get(key);
    long now = nanos.getAsLong();
    r.epochsDone++;
    samples.add(new Sample(now / 1e9, r.cost / r.epochs, (now - r.lastEvent) / 1e9));
    r.lastEvent = now;
  }

  /** The run ended (after all its epochs, or early: settled or diverged, then its remaining cost vanishes). */
  synchronized void finished(Object key) {
    Run r = runs.get(key);
    long now = nanos.getAsLong();
    // the time after its last epoch (the test set, the cache) was busy too
    samples.add(new Sample(now / 1e9, 0, (now - r.lastEvent) / 1e9));
    r.finished = now;
    r.lastEvent = now;
    finishedCount++;
  }

  synchronized int finishedRuns() {
    return finishedCount;
  }

  int totalRuns() {
    return runs.size();
  }

  /**
   * Measured speed: predicted seconds of work done per second a worker was busy since the start; empty before any
   * epoch ended. The epoch in flight counts neither as done nor as busy.
   */
  synchronized OptionalDouble speed() {
    double done = 0;
    double busy = 0;
    for (Sample s : samples) {
      done += s.work();
      busy += s.busy();
    }
    return done > 0 && busy > 0 ? OptionalDouble.of(done / busy) : OptionalDouble.empty();
  }

  /** The epochs {@code r} is expected to run in all: its cap, or for a settle rule the fraction learned so far. */
  private double expectedEpochs(Run r) {
    if (r.settle == null) {
      return r.epochs;
    }
    double fraction = 0;
    int n = 0;
    for (Run f : runs.values()) {
      if (f.finished >= 0 && r.settle.equals(f.settle)) {
        fraction += f.epochsDone / (double) f.epochs;
        n++;
      }
    }
    double expected = n == 0 ? r.epochs : r.epochs * fraction / n;
    return Math.min(r.epochs, Math.max(expected, r.epochsDone + 1));
  }

  /** Seconds until the last run ends, by the simulation above; with no measurement yet, at the model's speed. */
  synchronized double remainingSeconds() {
    long now = nanos.getAsLong();
    double speed = speed().orElse(1.0);
    PriorityQueue<Double> free = new PriorityQueue<>();
    List<Run> waiting = new ArrayList<>();
    for (Run r : runs.values()) {
      if (r.finished >= 0) {
        continue;
      }
      if (r.started >= 0) {
        double left = r.cost * (expectedEpochs(r) - r.epochsDone) / r.epochs / speed - (now - r.lastEvent) / 1e9;
        free.add(Math.max(0, left));
      } else {
        waiting.add(r);
      }
    }
    while (free.size() < workers) {
      free.add(0.0);
    }
    double end = 0;
    for (Run r : waiting) {
      double start = free.poll();
      double finish = start + r.cost * expectedEpochs(r) / r.epochs / speed;
      free.add(finish);
    }
    for (double f : free) {
      end = Math.max(end, f);
    }
    return end;
  }
}
