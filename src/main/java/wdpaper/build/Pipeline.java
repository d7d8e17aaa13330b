package wdpaper.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import wdpaper.claims.Claim;
import wdpaper.claims.ClaimRegistry;
import wdpaper.claims.Declarations;
import wdpaper.claims.Evaluated;
import wdpaper.claims.ExperimentFigures;
import wdpaper.claims.Figure;
import wdpaper.claims.ThresholdFile;
import wdpaper.claims.Thresholds;
import wdpaper.editions.Edition;
import wdpaper.editions.EditionPages;
import wdpaper.editions.Provenance;
import wdpaper.experiments.ExperimentSpec;
import wdpaper.experiments.Results;
import wdpaper.figures.FigureAssembler;
import wdpaper.figures.FigureSpec;
import wdpaper.figures.FigureText;
import wdpaper.figures.FigureWriter;
import wdpaper.project.AtomicFiles;
import wdpaper.project.Daemons;
import wdpaper.project.Hashing;
import wdpaper.project.Json;
import wdpaper.project.OutputFolder;
import wdpaper.project.ProjectPaths;
import wdpaper.project.SourceInfo;
import wdpaper.project.UserError;
import wdpaper.site.NumberCheck;
import wdpaper.site.Page;
import wdpaper.site.PdfRenderer;
import wdpaper.site.SiteBuilder;
import wdpaper.site.SiteInfo;

/**
 * The paper's pipeline: content checked first, then train, claims, figures, pages, PDF and a manifest, built in a
 * staging folder that replaces the output only when everything succeeded ({@link OutputFolder}: an error, an
 * interruption or a crash leaves the previous output complete). The time of each stage is kept for the report.
 *
 * <pre>
 *   Pipeline p = Pipeline.prepare(paths, specs, log);       // pages, thresholds, declared experiments: no training
 *   Results r = p.train(() -> Experiments.run(...));         // training (or the cache)
 *   Report out = p.render(r, "full");                       // claims -> pages -> figures -> PDF -> manifest
 * </pre>
 */
public final class Pipeline {
  /** What a build wrote, and how long each stage took. */
  public record Report(Path output, int pages, int figures, List<String> files, StageTimes times) {}

  private final ProjectPaths paths;
  private final Consumer<String> log;
  private final List<Claim<?>> claims;
  private final List<Page> pages;
  private final Map<String, Thresholds> thresholds;
  private final Map<String, Map<String, List<String>>> declared;
  private final Map<String, Object> site;
  private final Map<String, Object> reference;
  private final StageTimes times = new StageTimes();
  /** The formulas' drawings, started ahead of the pages by {@link #train} and reused by them. */
  private final wdpaper.site.MathRenderer math = new wdpaper.site.MathRenderer();

  private Pipeline(ProjectPaths paths, Consumer<String> log, List<Claim<?>> claims, List<Page> pages,
      Map<String, Thresholds> thresholds, Map<String, Map<String, List<String>>> declared, Map<String, Object> site,
      Map<String, Object> reference) {
    this.paths = paths;
    this.log = log;
    this.claims = claims;
    this.pages = pages;
    this.thresholds = thresholds;
    this.declared = declared;
    this.site = site;
    this.reference = reference;
  }

  /**
   * Reads and checks everything an author writes besides the experiment specs: the pages' front matter, which
   * experiments each claim reads (against {@code specs}), content/thresholds.json, site.json and
   * book-reference.json. Runs before any training, so a typo costs seconds, not a training run.
   */
  public static Pipeline prepare(ProjectPaths paths, List<ExperimentSpec> specs, Consumer<String> log) {
    return prepare(paths, specs, ClaimRegistry.all(), log);
  }

  /** As {@link #prepare(ProjectPaths, List, Consumer)} with the given claims (tests use their own). */
  public static Pipeline prepare(ProjectPaths paths, List<ExperimentSpec> specs, List<Claim<?>> claims,
      Consumer<String> log) {
    ClaimRegistry.evaluationOrder(claims);
    for (ExperimentSpec e : specs) {
      for (String[] field : new String[][] {{"title", e.title()}, {"description", e.description()}}) {
        List<String> typed = NumberCheck.typedNumbers(field[1]);
        if (!typed.isEmpty()) {
          throw UserError.config(paths.display(e.file()) + ": '" + field[0] + "' types the number '" + typed.get(0)
              + "'; describe the experiment in words, its numbers are in the spec and reach the pages from there");
        }
      }
    }
    List<Page> pages = SiteBuilder.loadPages(paths.content());
    List<Declarations.Page> declarations = new ArrayList<>();
    for (Page p : pages) {
      if (p.claim() != null) {
        List<Declarations.Item> items = new ArrayList<>();
        p.experiments().forEach(e -> items.add(new Declarations.Item(e.role(), e.id(), e.line())));
        declarations.add(new Declarations.Page(p.file(), p.claimLine(), p.claim(), items));
      }
    }
    List<String> ids = specs.stream().map(ExperimentSpec::id).toList();
    Map<String, Map<String, List<String>>> declared = Declarations.resolve(claims, declarations, ids);
    Path thresholdFile = paths.content().resolve("thresholds.json");
    Map<String, Thresholds> thresholds = ThresholdFile.read(paths.display(thresholdFile),
        ContentFiles.read(paths, thresholdFile), claims);
    Map<String, Object> site = ContentFiles.site(paths);
    Map<String, Object> reference = ContentFiles.json(paths, paths.content().resolve("book-reference.json"));
    return new Pipeline(paths, log, claims, pages, thresholds, declared, site, reference);
  }

  /** Runs the training (or reads the cache), timed as the training stage. */
  public Results train(Supplier<Results> training) {
    drawFormulasAhead();
    return times.time(StageTimes.TRAINING, training);
  }

  /**
   * Draws the pages' formulas as written on a daemon thread while MNIST loads and the networks train (JLaTeXMath,
   * one formula at a time, was about half of rendering the pages after the training); the pages then reuse the
   * drawings. Only work done early: a formula that fails is left to its page, which reports it as before.
   */
  private void drawFormulasAhead() {
    Daemons.start("formulas", () -> {
      try {
        math.drawAhead(pages);
      } catch (RuntimeException | StackOverflowError e) {
        // the pages draw what is missing, and report what is wrong, where they always did
      }
    });
  }

  /** Claims, pages, figures, PDF, model.json and manifest, into a staging folder swapped in at the end. */
  public Report render(Results results, String profile) {
    List<Evaluated<?>> evaluated = times.time(StageTimes.CLAIMS, () -> ClaimRegistry.evaluate(claims, results,
        declared, thresholds));
    Map<String, Figure> claimFigures = new LinkedHashMap<>();
    Map<String, List<String>> claimFigureExperiments = new LinkedHashMap<>();
    Map<String, String> figureClaim = new LinkedHashMap<>();
    Map<String, String> figureCode = new LinkedHashMap<>();
    for (Evaluated<?> e : evaluated) {
      for (Figure f : e.figures()) {
        figureCode.put(f.id(), Provenance.sourceFile(e.claim().getClass()));
        if (claimFigures.put(f.id(), f) != null) {
          throw new IllegalStateException("two claims compute figure '" + f.id() + "'");
        }
        claimFigureExperiments.put(f.id(), f.experiments());
        figureClaim.put(f.id(), e.id());
      }
    }
    // the source (git commit, tag, date) is read once, for the edition, the pages and the PDF
    SourceInfo source = SourceInfo.of(paths.root(), fallbackDate());
    Edition edition = Edition.of(source, site);
    Map<String, Object> model = model(evaluated, claimFigures, results, profile, edition);
    SiteBuilder builder = times.time(StageTimes.PAGES, () -> new SiteBuilder(paths.root(), pages, model,
        claimFigureExperiments, source).math(math).render());
    noteUnread(results, builder.figureTexts());
    List<FigureSpec> figures = times.time(StageTimes.FIGURES, () -> assemble(builder.figureTexts(), claimFigures,
        figureClaim, results));
    OutputFolder output = OutputFolder.of(paths);
    Path staged = output.stage(log);
    // one core is left to this thread and then the PDF's, the longest chain; the figures take the others (and this
    // thread, for the files the PDF needs)
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(figures.size(),
        Runtime.getRuntime().availableProcessors() - 1)), Daemons.named("figures"));
    ExecutorService pdfThread = Executors.newSingleThreadExecutor(Daemons.named("pdf"));
    ExecutorService restPool = null;
    try {
      List<String> files = new ArrayList<>();
      // the PDF is the longest chain (pages -> paper HTML -> PDF): it starts as soon as the paper HTML exists, i.e.
      // as soon as each figure's provenance (which hashes its CSV) is known, and reads each figure's print SVG when
      // it comes to it, waiting for it if it is still being written (PdfRenderer's pending files): it sees the same
      // bytes as if every file had been written first. The figures' files are written on their own threads (and
      // this one's); the pages need only each figure's names, sizes and alt text (FigureWriter.files), not its files
      long figuresStart = System.nanoTime();
      AtomicLong figuresEnd = new AtomicLong(figuresStart);
      Path dir = staged.resolve("figures");
      // the data first: cheap (no drawing), and its checksums are the figures' provenance, which the paper shows
      List<String> data = new ArrayList<>();
      for (FigureSpec f : figures) {
        data.add(FigureWriter.writeData(f, dir));
      }
      List<Future<FigureWriter.Rest>> paperFiles = new ArrayList<>();
      Map<String, Future<FigureWriter.Rest>> printSvgs = new LinkedHashMap<>();
      for (int i = 0; i < figures.size(); i++) {
        FigureSpec f = figures.get(i);
        String csv = data.get(i);
        FigureWriter.Provenance provenance = new FigureWriter.Provenance(runKeys(results, f.experiments()),
            results.dataChecksums(), wdpaper.nn.RunSpec.TRAINER_VERSION);
        Future<FigureWriter.Rest> task = pool.submit(() -> FigureWriter.writePrintSvg(f, provenance, dir, csv));
        paperFiles.add(task);
        printSvgs.put("figures/" + FigureWriter.printSvg(f), task);
      }
      // the figures' other files (web SVGs, PDF, EPS, PNG) are not on the PDF's path: they go to the cores that
      // neither the PDF nor this thread use, and those left over to this thread once it has written the pages, so
      // that the PDF keeps a core to itself (on 2 cores: all of them on this thread; three threads taking turns on
      // two cores had left the PDF about half a core until the end)
      int restThreads = Math.min(figures.size(), Runtime.getRuntime().availableProcessors() - 2);
      restPool = restThreads > 0 ? Executors.newFixedThreadPool(restThreads, Daemons.named("figures")) : null;
      List<Future<List<String>>> written = new ArrayList<>();
      for (Future<FigureWriter.Rest> rest : paperFiles) {
        FutureTask<List<String>> task = new FutureTask<>(() -> {
          List<String> names = join(List.of(rest)).get(0).write();
          figuresEnd.accumulateAndGet(System.nanoTime(), Math::max);
          return names;
        });
        written.add(task);
        if (restPool != null) {
          restPool.execute(task);
        }
      }
      String paper;
      try {
        Map<String, Object> figureProvenance = Provenance.of(figures, figureCode, edition, staged, results,
            f -> runKeys(results, f.experiments()), id -> paths.display(results.spec(id).file()));
        model.put("provenance", figureProvenance);
        builder.put("provenance", figureProvenance);
        builder.figures(figures);
        paper = times.time(StageTimes.PAGES, () -> {
          files.addAll(builder.writeAssets(staged));
          return builder.paperHtml();
        });
      } catch (RuntimeException | Error e) {
        // a figure's error comes first, as when the figures were drawn before the paper HTML was made
        helpWith(paperFiles);
        throw e;
      }
      log.accept("rendering the PDF");
      Future<byte[]> pdf = pdfThread.submit(() -> times.time(StageTimes.PDF, () -> PdfRenderer.render(paper, staged,
          pdfMetadata(source), w -> log.accept("warning: " + w), printSvgs)));
      // this thread helps with the print SVGs (they are what the PDF waits for; a task runs once, on whichever
      // thread takes it first), then writes the site's pages while the PDF is rendered
      helpWith(paperFiles);
      try {
        times.run(StageTimes.PAGES, () -> {
          files.addAll(builder.writePages(staged));
          files.addAll(Crawlers.write(staged, builder.permalinks(), builder.pageFiles()));
          files.addAll(EditionPages.placeholders(new wdpaper.site.Templates(paths.content(), paths.templates(),
              paths.root()), withPages(model, builder), staged));
          AtomicFiles.write(staged.resolve("model.json"), Json.write(withPages(model, builder)));
          files.add("model.json");
        });
      } catch (RuntimeException | Error e) {
        // a page's error comes first, as when the pages were written before the PDF
        pdf.cancel(true);
        throw e;
      }
      int pdfAt = files.size();
      // while the PDF is rendered: the figures' other files, the offline edition (it embeds their narrow SVGs) and
      // the checksums of every file but the PDF, for the manifest
      Map<String, String> sums = new TreeMap<>();
      try {
        for (List<String> names : helpWith(written)) {
          names.forEach(n -> files.add("figures/" + n));
        }
        times.add(StageTimes.FIGURES, figuresEnd.get() - figuresStart);
        AtomicFiles.write(staged.resolve("paper.html"), builder.offlineHtml(staged));
        files.add("paper.html");
        files.add(OutputFolder.MARKER);
        for (String f : files) {
          sums.put(f, Hashing.sha256(staged.resolve(f)));
        }
      } catch (IOException | RuntimeException | Error e) {
        // the PDF's error comes first, as when the PDF was written before these files
        join(List.of(pdf));
        throw e;
      }
      byte[] pdfBytes = join(List.of(pdf)).get(0);
      AtomicFiles.write(staged.resolve("paper.pdf"), pdfBytes);
      files.add(pdfAt, "paper.pdf");
      sums.put("paper.pdf", Hashing.sha256(pdfBytes));
      writeManifest(staged, sums);
      files.add("manifest.sha256");
      output.commit(staged);
      return new Report(paths.output(), builder.pages().size(), figures.size(), files, times);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdownNow();
      pdfThread.shutdownNow();
      if (restPool != null) {
        restPool.shutdownNow();
      }
      try {
        // after an error, a figure still being written must not recreate the staging folder once it is discarded
        pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        pdfThread.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        if (restPool != null) {
          restPool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      output.discard(staged);
    }
  }

  /**
   * Runs on this thread each of {@code tasks} that no other thread has taken yet, then waits for them all (in
   * order; the first one's error in that order is thrown as it was).
   */
  private static <T> List<T> helpWith(List<Future<T>> tasks) {
    for (Future<T> f : tasks) {
      if (f instanceof java.util.concurrent.RunnableFuture<T> task) {
        task.run();
      }
    }
    return join(tasks);
  }

  /** Waits for every task, in order; the first task's error (in that order) is thrown as it was. */
  private static <T> List<T> join(List<Future<T>> tasks) {
    List<T> done = new ArrayList<>();
    try {
      for (Future<T> f : tasks) {
        done.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError(wdpaper.project.ExitCodes.INTERRUPTED, "interrupted while writing the figures");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
    return done;
  }

  /**
   * The template model every page sees (also written as output/model.json): each claim's result under its id, the
   * verdicts, the thresholds, the figures' lines, the experiments' sweep groups, site.json, book-reference.json (as
   * {@code reference}), the build profile and the appendix.
   */
  private Map<String, Object> model(List<Evaluated<?>> evaluated, Map<String, Figure> claimFigures,
      Results results, String profile, Edition edition) {
    Map<String, Object> model = new LinkedHashMap<>();
    Map<String, Object> verdicts = new LinkedHashMap<>();
    Map<String, Object> thresholdModel = new LinkedHashMap<>();
    for (Evaluated<?> e : evaluated) {
      model.put(e.id(), e.result());
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("claim", e.id());
      v.put("outcome", e.outcome().slug());
      v.put("sensitivity", e.sensitivity());
      verdicts.put(e.id(), v);
      thresholdModel.put(e.id(), e.thresholds().values());
    }
    model.put("verdicts", verdicts);
    model.put("thresholds", thresholdModel);
    Map<String, Object> figures = new LinkedHashMap<>();
    claimFigures.forEach((id, f) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("experiments", f.experiments());
      m.put("lines", f.lineModel());
      figures.put(id, m);
    });
    model.put("figures", figures);
    Map<String, Object> experiments = new LinkedHashMap<>();
    for (ExperimentSpec e : results.experiments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("title", e.title());
      m.put("groups", ExperimentFigures.groups(results, e.id()));
      m.put("file", paths.display(e.file()));
      m.put("spec", Provenance.spec(paths.display(e.file()), ContentFiles.read(paths, e.file())));
      experiments.put(e.id(), m);
    }
    model.put("experiments", experiments);
    model.put("site", site);
    model.put("reference", reference);
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("profile", profile);
    build.put("quick", profile.equals("quick"));
    model.put("build", build);
    model.put("appendix", Appendix.of(paths, results));
    model.put("edition", edition.model());
    return model;
  }

  /** The PDF's metadata from site.json; its date is the source's (fallback: 1 January of the site's year). */
  private java.time.Instant fallbackDate() {
    return java.time.Instant.parse(site.getOrDefault("year", "2026") + "-01-01T00:00:00Z");
  }

  private PdfRenderer.Metadata pdfMetadata(SourceInfo source) {
    return new PdfRenderer.Metadata((String) site.get("title"), (String) site.get("subtitle"),
        SiteInfo.authorNames(site), SiteInfo.keywords(site), (String) site.get("language"), source.date());
  }

  private static Map<String, Object> withPages(Map<String, Object> model, SiteBuilder builder) {
    Map<String, Object> m = new LinkedHashMap<>(model);
    List<Object> nav = new ArrayList<>();
    for (Page p : builder.pages()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("title", p.title());
      n.put("slug", p.slug());
      nav.add(n);
    }
    m.put("pages", nav);
    return m;
  }

  /** Each placed figure's data with the page's words; every claim figure must be placed. */
  private static List<FigureSpec> assemble(List<FigureText> texts, Map<String, Figure> claimFigures,
      Map<String, String> figureClaim, Results results) {
    List<FigureSpec> specs = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (FigureText t : texts) {
      Figure data;
      if (t.experiment() != null) {
        if (claimFigures.containsKey(t.id())) {
          throw UserError.config(t.where() + ": figure '" + t.id() + "' is computed by claim '"
              + figureClaim.get(t.id()) + "'; give a figure of one experiment's runs an id of its own");
        }
        try {
          data = ExperimentFigures.figure(results, t.id(), t.experiment(), t.metric(), t.layer(), t.log());
        } catch (IllegalArgumentException e) {
          throw UserError.config(t.where() + ": figure '" + t.id() + "': " + e.getMessage());
        }
      } else {
        data = claimFigures.get(t.id());
      }
      placed.add(t.id());
      specs.add(FigureAssembler.assemble(data, t));
    }
    for (String id : claimFigures.keySet()) {
      if (!placed.contains(id)) {
        throw UserError.config("figure '" + id + "' of claim '" + figureClaim.get(id) + "' is placed by no page:"
            + " place it with <@p.figure id=\"" + id + "\" title=\"…\" x=\"…\" y=\"…\">caption</@p.figure> in the"
            + " claim's page (see docs/authoring.md)");
      }
    }
    return specs;
  }

  /** Experiments that are trained but read by no claim and no figure: reported, not an error. */
  private void noteUnread(Results results, List<FigureText> texts) {
    Set<String> read = new LinkedHashSet<>();
    declared.values().forEach(roles -> roles.values().forEach(read::addAll));
    texts.stream().filter(t -> t.experiment() != null).forEach(t -> read.add(t.experiment()));
    for (ExperimentSpec e : results.experiments()) {
      if (!read.contains(e.id())) {
        log.accept("note: experiment '" + e.id() + "' (" + paths.display(e.file()) + ") is read by no claim and no"
            + " figure; name it in a claim page's front matter or plot it with <@p.figure experiment=\"" + e.id()
            + "\" …>");
      }
    }
  }

  private static List<String> runKeys(Results results, List<String> experiments) {
    List<String> keys = new ArrayList<>();
    for (String exp : experiments) {
      results.of(exp).forEach(e -> {
        if (!keys.contains(e.record().key())) {
          keys.add(e.record().key());
        }
      });
    }
    return keys;
  }

  /**
   * {@code manifest.sha256}: "sha256  path" for every file of the output ({@code sums}: checksum by path), sorted
   * by path (sha256sum -c format).
   */
  static void writeManifest(Path dir, Map<String, String> sums) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(sums).forEach((f, h) -> sb.append(h).append("  ").append(f).append('\n'));
    AtomicFiles.write(dir.resolve("manifest.sha256"), sb.toString());
  }

  public StageTimes times() {
    return times;
  }
}
