package wdpaper.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import wdpaper.data.Dataset;
import wdpaper.data.InputVariant;
import wdpaper.data.Mnist;
import wdpaper.nn.RunSpec;
import wdpaper.nn.Trainer;
import wdpaper.nn.TrainingResult;
import wdpaper.project.ExitCodes;
import wdpaper.project.UserError;

/**
 * Runs every run of the given experiments that the cache does not already hold, {@code jobs} at a time, longest
 * first, each written to the cache the moment it finishes (so an interruption loses only the runs in flight).
 * Each run is single-threaded and seeded, so results do not depend on {@code jobs}.
 */
public final class Runner {
  private final ResultCache cache;
  private final Mnist mnist;
  private final int jobs;
  private final boolean force;
  private final Progress progress;
  private boolean cacheOnly;
  private boolean frozen;
  private Eta eta;

  /** Refuse to train: every run must already be in the cache (the {@code render} command). */
  public Runner cacheOnly() {
    this.cacheOnly = true;
    return this;
  }

  /** As {@link #cacheOnly()}, for {@code build --frozen}: a missing run is named with its experiment and key. */
  public Runner frozen() {
    this.cacheOnly = true;
    this.frozen = true;
    return this;
  }

  public Runner(ResultCache cache, Mnist mnist, int jobs, boolean force, Progress progress) {
    if (jobs < 1) {
      // the command line refuses --jobs 0 first (exit 2); reaching this is a programming error
      throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
    }
    this.cache = cache;
    this.mnist = mnist;
    this.jobs = jobs;
    this.force = force;
    this.progress = progress;
  }

  /** Returns the results of every experiment, training what is missing. */
  public Results run(List<ExperimentSpec> experiments) {
    Map<String, RunSpec> unique = new LinkedHashMap<>();
    Map<String, String> experimentOf = new LinkedHashMap<>();
    for (ExperimentSpec e : experiments) {
      for (ExperimentSpec.Run r : e.runs()) {
        unique.putIfAbsent(cache.key(r.spec()), r.spec());
        experimentOf.putIfAbsent(cache.key(r.spec()), e.id());
      }
    }
    Map<String, RunRecord> records = new LinkedHashMap<>();
    List<RunSpec> pending = new ArrayList<>();
    for (var e : unique.entrySet()) {
      Optional<RunRecord> cached = force ? Optional.empty() : cache.get(e.getValue());
      if (cached.isPresent()) {
        records.put(e.getKey(), cached.get());
      } else {
        pending.add(e.getValue());
      }
    }
    if (frozen && !pending.isEmpty()) {
      String key = cache.key(pending.get(0));
      throw UserError.config("build --frozen: run " + pending.get(0).label() + " of experiment '"
          + experimentOf.get(key) + "' (cache key " + key + ") is not in the cache (" + pending.size() + " of "
          + unique.size() + " runs missing); build without --frozen to train it, or restore the run cache");
    }
    if (cacheOnly && !pending.isEmpty()) {
      throw UserError.config(pending.size() + " of " + unique.size() + " runs are not in the cache (first: "
          + pending.get(0).label() + "); run 'build' (or 'train') first");
    }
    pending.sort(Comparator.comparingDouble(CostModel::seconds).reversed().thenComparing(cache::key));
    long totalEpochs = pending.stream().mapToLong(RunSpec::epochs).sum();
    Map<Object, double[]> work = new LinkedHashMap<>();
    Map<Object, String> settle = new LinkedHashMap<>();
    for (RunSpec spec : pending) {
      work.put(cache.key(spec), new double[] {CostModel.seconds(spec), spec.epochs()});
      if (spec.settle() != null) {
        settle.put(cache.key(spec), spec.settle().toString());
      }
    }
    eta = new Eta(work, settle, jobs, System::nanoTime);
    progress.start(pending.size(), records.size(), totalEpochs, eta);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, wdpaper.project.Daemons.named("trainer"));
    try {
      List<Future<RunRecord>> futures = new ArrayList<>();
      for (RunSpec spec : pending) {
        futures.add(pool.submit(() -> train(spec)));
      }
      for (Future<RunRecord> f : futures) {
        RunRecord r = f.get();
        records.put(r.key(), r);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(ExitCodes.INTERRUPTED, "interrupted; finished runs are cached, the output is unchanged");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      progress.close();
    }
    Map<String, List<Results.Entry>> byExperiment = new LinkedHashMap<>();
    List<String> diverged = new ArrayList<>();
    for (ExperimentSpec e : experiments) {
      List<Results.Entry> entries = new ArrayList<>();
      for (ExperimentSpec.Run r : e.runs()) {
        RunRecord rec = records.get(cache.key(r.spec()));
        entries.add(new Results.Entry(r, rec));
        if (rec.result().diverged() && !e.allowDivergence()) {
          diverged.add("experiment '" + e.id() + "' run " + r.spec().label() + " diverged at epoch "
              + rec.result().divergedAtEpoch());
        }
      }
      byExperiment.put(e.id(), entries);
    }
    if (!diverged.isEmpty()) {
      throw new UserError(ExitCodes.DIVERGED, diverged.get(0) + (diverged.size() > 1 ? " (and "
          + (diverged.size() - 1) + " more)" : "") + ": lower eta, or set \"allowDivergence\": true if expected");
    }
    return new Results(experiments, byExperiment, cache.dataChecksums());
  }

  private RunRecord train(RunSpec spec) {
    String key = cache.key(spec);
    eta.started(key);
    Mnist data = mnist.input(InputVariant.of(spec.input()).orElseThrow());
    int n = spec.trainingSetSize();
    // decoded as far as read: pure decay reads only the training cost's sample of the n examples
    Dataset training = data.training(Trainer.examplesRead(spec, n));
    Dataset validation = data.validation(spec.validationSetSize());
    long t0 = System.nanoTime();
    TrainingResult result = Trainer.train(spec, n, training, validation, data.test(spec.testSetSize()),
        (epoch, epochs, m) -> {
          if (epoch > 0) {
            eta.epoch(key);
            progress.epoch();
          }
          if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted");
          }
        });
    double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    RunRecord record = RunRecord.of(key, spec, cache.dataChecksums(), RunRecord.Provenance.here(seconds), result);
    cache.put(record);
    eta.finished(key);
    progress.runDone(spec, record, spec.epochs() - (result.epochs().size() - 1));
    return record;
  }
}
