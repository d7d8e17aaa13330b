package wdpaper.site;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import wdpaper.project.UserError;

/**
 * The two FreeMarker configurations: one for the Markdown pages in {@code content/} (plain text, with the macros
 * of {@code templates/macros.ftl} imported as {@code p}, and numbers from the model marked as data, see
 * {@link DataNumbers}), one for the HTML layouts in {@code templates/} (.ftlh: auto-escaping on). Both are
 * locale-independent, rethrow errors, and have the unsafe built-ins off.
 */
public final class Templates {
  private final Configuration content;
  private final Configuration layout;
  private final Path root;

  public Templates(Path contentDir, Path templatesDir, Path root) {
    this.root = root;
    try {
      this.content = configure(new MultiTemplateLoader(new TemplateLoader[] {
          new ProjectLoader(contentDir, root), new ProjectLoader(templatesDir, root)}));
      // numbers from the model are marked so that NumberCheck can tell them from typed ones (see DataNumbers)
      this.content.setObjectWrapper(new DataNumbers.Wrapper());
      this.content.setCustomNumberFormats(Map.of("data", new DataNumbers.Format()));
      this.content.setNumberFormat("@data");
      this.content.setSharedVariable("numbers", DataNumbers.functions(this.content));
      this.content.addAutoImport("p", "macros.ftl");
      this.layout = configure(new ProjectLoader(templatesDir, root));
    } catch (IOException e) {
      throw UserError.config("cannot read templates in " + templatesDir + ": " + wdpaper.project.IoErrors.reason(e));
    }
  }

  private static Configuration configure(TemplateLoader loader) {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(loader);
    c.setDefaultEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    return c;
  }

  /** Renders a content page (Markdown with FreeMarker expressions); {@code name} is relative to content/. */
  public String renderContent(String name, Map<String, Object> model) {
    return render(content, name, model, "content/");
  }

  /** Renders an HTML layout or partial from templates/. */
  public String renderLayout(String name, Map<String, Object> model) {
    return render(layout, name, model, "templates/");
  }

  private String render(Configuration c, String name, Map<String, Object> model, String folder) {
    try {
      Template t = c.getTemplate(name);
      StringWriter w = new StringWriter();
      t.process(model, w);
      return w.toString();
    } catch (freemarker.core.ParseException e) {
      throw UserError.config(where(e.getTemplateName(), name, folder) + ":" + e.getLineNumber() + ":"
          + e.getColumnNumber() + ": template syntax error: " + firstLine(e.getEditorMessage()));
    } catch (TemplateException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof UserError u) {
          throw u;
        }
      }
      String expr = e.getBlamedExpressionString();
      String reason = "";
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          reason = " " + wdpaper.project.IoErrors.reason(io);
          break;
        }
      }
      String at = where(e.getTemplateSourceName(), name, folder) + ":" + e.getLineNumber() + ":"
          + e.getColumnNumber();
      String caller = caller(e, name, folder);
      throw UserError.config((caller != null ? caller + " (in " + at + ")" : at) + ": "
          + (expr != null ? "cannot evaluate '" + expr + "': " : "")
          + firstLine(e.getMessageWithoutStackTop()).replaceAll("\\s+", " ").strip() + reason);
    } catch (IOException e) {
      throw UserError.config(folder + name + ": cannot read template: " + wdpaper.project.IoErrors.reason(e));
    } catch (StackOverflowError e) {
      throw UserError.config(folder + name + ": the template recursion is too deep (does a macro, function or"
          + " include call itself without end?)");
    }
  }

  private static final java.util.regex.Pattern FRAME = java.util.regex.Pattern.compile(
      "in template \"([^\"]+)\" at line (\\d+), column (\\d+)");

  /**
   * When the error is inside a macro or function of templates/ (say p.f given a missing value), the place in the
   * page that called it: the first frame of FreeMarker's instruction stack outside templates/; null if none.
   */
  private static String caller(TemplateException e, String name, String folder) {
    String source = e.getTemplateSourceName();
    if (source == null || !where(source, name, folder).startsWith("templates/") || folder.equals("templates/")) {
      return null;
    }
    String stack = e.getFTLInstructionStack();
    if (stack == null) {
      return null;
    }
    java.util.regex.Matcher m = FRAME.matcher(stack);
    while (m.find()) {
      String w = where(m.group(1), name, folder);
      if (!w.startsWith("templates/")) {
        return w + ":" + m.group(2) + ":" + m.group(3);
      }
    }
    return null;
  }

  private static String where(String source, String name, String folder) {
    String s = source == null ? name : source;
    if (s.equals("macros.ftl") || s.startsWith("partials/") || s.endsWith(".ftlh")) {
      return "templates/" + s;
    }
    return folder + s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "error";
    }
    String line = s.lines().filter(l -> !l.isBlank()).findFirst().orElse(s).strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  /**
   * A file loader whose templates read with Windows line ends normalised (CRLF and CR become LF), and that refuses,
   * with a clear error, a template that is a symbolic link out of the project (FreeMarker's own check would throw a
   * bare SecurityException, and also for links that stay inside the project).
   */
  private static final class ProjectLoader implements TemplateLoader {
    private final FileTemplateLoader files;
    private final Path dir;
    private final Path root;

    ProjectLoader(Path dir, Path root) throws IOException {
      this.files = new FileTemplateLoader(dir.toFile(), true);
      this.dir = dir;
      this.root = wdpaper.project.ProjectPaths.real(root);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
      Object source = files.findTemplateSource(name);
      if (source instanceof java.io.File f) {
        Path real = f.toPath().toRealPath();
        if (!real.startsWith(root)) {
          throw UserError.config(dir.getFileName() + "/" + name + ": is a symbolic link to " + real + ", outside the"
              + " project; refusing to read it (copy the file into the project instead)");
        }
      }
      return source;
    }

    @Override
    public long getLastModified(Object source) {
      return files.getLastModified(source);
    }

    @Override
    public java.io.Reader getReader(Object source, String encoding) throws IOException {
      StringWriter text = new StringWriter();
      try (java.io.Reader r = files.getReader(source, encoding)) {
        r.transferTo(text);
      }
      return new java.io.StringReader(wdpaper.project.Text.normalize(text.toString()));
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
      files.closeTemplateSource(source);
    }
  }

  public Path root() {
    return root;
  }
}
