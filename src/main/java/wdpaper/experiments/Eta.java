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
 * that simulation, so it knows that the last minutes may leave a core idle. Thread-safe; the clock is injected.
 */
final class Eta {
  private static final class Run {
    final double cost;
    final int epochs;
    int epochsDone;
    long started = -1;
    long lastEvent;
    long finished = -1;

    Run(double cost, int epochs) {
      this.cost = cost;
      this.epochs = epochs;
    }

    double done() {
      return finished >= 0 && epochsDone >= epochs ? cost : cost * epochsDone / epochs;
    }
  }

  private final Map<Object, Run> runs = new LinkedHashMap<>();
  private final int workers;
  private final LongSupplier nanos;
  private int finishedCount;

  /**
   * @param work each run's key, in the order the runner starts them, with its predicted cost and epochs (the cap)
   * @param workers runs trained at a time
   * @param nanos the clock
   */
  Eta(Map<?, double[]> work, int workers, LongSupplier nanos) {
    work.forEach((k, v) -> runs.put(k, new Run(v[0], (int) v[1])));
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
    r.epochsDone++;
    r.lastEvent = nanos.getAsLong();
  }

  /** The run ended (after all its epochs, or early: settled or diverged, then its remaining cost vanishes). */
  synchronized void finished(Object key) {
    Run r = runs.get(key);
    r.finished = nanos.getAsLong();
    r.lastEvent = r.finished;
    finishedCount++;
  }

  synchronized int finishedRuns() {
    return finishedCount;
  }

  int totalRuns() {
    return runs.size();
  }

  /** Measured speed: predicted seconds of work done per second a worker was busy; empty before any epoch ended. */
  synchronized OptionalDouble speed() {
    long now = nanos.getAsLong();
    double done = 0;
    double busy = 0;
    for (Run r : runs.values()) {
      if (r.started < 0) {
        continue;
      }
      done += r.done();
      // a run's busy time up to its last event: the epoch in flight is neither counted as done nor as busy
      busy += ((r.finished >= 0 ? r.finished : r.lastEvent) - r.started) / 1e9;
    }
    return done > 0 && busy > 0 ? OptionalDouble.of(done / busy) : OptionalDouble.empty();
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
        double left = (r.cost - r.done()) / speed - (now - r.lastEvent) / 1e9;
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
      double finish = start + r.cost / speed;
      free.add(finish);
    }
    for (double f : free) {
      end = Math.max(end, f);
    }
    return end;
  }
}
