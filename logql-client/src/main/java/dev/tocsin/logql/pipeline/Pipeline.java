package dev.tocsin.logql.pipeline;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.tocsin.logql.ast.Decolorize;
import dev.tocsin.logql.ast.DropLabels;
import dev.tocsin.logql.ast.JsonParser;
import dev.tocsin.logql.ast.KeepLabels;
import dev.tocsin.logql.ast.LabelExtraction;
import dev.tocsin.logql.ast.LabelFilterStage;
import dev.tocsin.logql.ast.LabelFormat;
import dev.tocsin.logql.ast.LabelFormatting;
import dev.tocsin.logql.ast.LabelSelection;
import dev.tocsin.logql.ast.LineFilter;
import dev.tocsin.logql.ast.LineFilterOp;
import dev.tocsin.logql.ast.LineFilterOperand;
import dev.tocsin.logql.ast.LineFormat;
import dev.tocsin.logql.ast.LogfmtParser;
import dev.tocsin.logql.ast.PatternParser;
import dev.tocsin.logql.ast.RegexpParser;
import dev.tocsin.logql.ast.Stage;
import dev.tocsin.logql.ast.StageVisitor;
import dev.tocsin.logql.ast.UnpackParser;
import dev.tocsin.model.Labels;
import dev.tocsin.template.FunctionSet;
import dev.tocsin.template.Template;
import dev.tocsin.template.TemplateException;
import dev.tocsin.template.funcs.LokiFunctions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A compiled LogQL pipeline ({@code log/pipeline.go}): the stages run left to right on each line,
 * each seeing the line and labels as the previous stage left them, and the first stage that
 * rejects the line ends processing. Errors are attached to the line, which keeps going. A pipeline
 * is single-threaded: compile one per query and thread.
 */
public final class Pipeline {
  /** {@code __error__} of the JSON parsers. */
  public static final String JSON_PARSER_ERR = "JSONParserErr";

  /** {@code __error__} of {@code logfmt --strict}. */
  public static final String LOGFMT_PARSER_ERR = "LogfmtParserErr";

  /** {@code __error__} of a failing {@code line_format} or {@code label_format} template. */
  public static final String TEMPLATE_FORMAT_ERR = "TemplateFormatErr";

  /** Loki's ANSI escape sequence pattern for {@code decolorize}. */
  private static final Pattern ANSI =
      Pattern.compile(
          "[\\x{1b}\\x{9b}][\\[\\]()#;?]*(?:(?:(?:[a-zA-Z\\d]*(?:;[a-zA-Z\\d]*)*)?\\x{07})|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PRZcf-ntqry=><~]))");

  private final List<StageProcessor> stages;
  private final LineContext ctx = new LineContext();

  private Pipeline(List<StageProcessor> stages) {
    this.stages = stages;
  }

  /**
   * Compiles stages; fails with Loki's message for what its parser accepts but its pipeline
   * rejects (ip() patterns and operations, pattern filters with captures, templates, JSON paths).
   *
   * @throws PipelineException when a stage cannot be built
   */
  public static Pipeline compile(List<Stage> stages) {
    Compiler c = new Compiler();
    List<StageProcessor> out = new ArrayList<>(stages.size());
    for (Stage s : stages) {
      out.add(s.accept(c));
    }
    return new Pipeline(out);
  }

  /** Runs the stages over an entry; returns the context holding the result, or null when a stage dropped it. */
  public LineContext process(long timestampNanos, String line, Labels stream, Labels metadata) {
    ctx.reset(timestampNanos, line, stream, metadata);
    for (StageProcessor s : stages) {
      if (!s.process(ctx)) {
        return null;
      }
    }
    return ctx;
  }

  /** The per-line binding of Loki's template functions {@code __line__} and {@code __timestamp__}. */
  private static final class TemplateEntry implements LokiFunctions.Entry {
    private String line = "";
    private long ts;

    @Override
    public String line() {
      return line;
    }

    @Override
    public long timestampNanos() {
      return ts;
    }
  }

  private static final class Compiler implements StageVisitor<StageProcessor> {
    private final TemplateEntry entry = new TemplateEntry();
    private final FunctionSet functions = LokiFunctions.create(entry);

    @Override
    public StageProcessor visitLineFilter(LineFilter stage) {
      List<Predicate<String>> ops = new ArrayList<>();
      for (LineFilterOperand o : stage.operands()) {
        ops.add(operand(stage.op(), o));
      }
      boolean negated = stage.op().negated();
      if (ops.size() == 1) {
        Predicate<String> p = ops.get(0);
        return ctx -> p.test(ctx.line()) != negated;
      }
      return ctx -> {
        String line = ctx.line();
        for (Predicate<String> p : ops) {
          if (p.test(line)) {
            return !negated;
          }
        }
        return negated;
      };
    }

    private Predicate<String> operand(LineFilterOp op, LineFilterOperand o) {
      if (o.ip()) {
        if (op != LineFilterOp.CONTAINS && op != LineFilterOp.NOT_CONTAINS) {
          throw new PipelineException("ip: invalid operation");
        }
        IpMatcher ip = IpMatcher.compile(o.value());
        return ip::matchesWithin;
      }
      return switch (op) {
        case CONTAINS, NOT_CONTAINS -> {
          String needle = o.value();
          yield needle.isEmpty() ? line -> true : line -> line.contains(needle);
        }
        case MATCHES_REGEX, NOT_MATCHES_REGEX -> {
          Pattern re = regex(o.value());
          yield line -> re.matcher(line).find();
        }
        case MATCHES_PATTERN, NOT_MATCHES_PATTERN -> {
          LinePattern p = LinePattern.parse(o.value());
          if (!p.names().isEmpty()) {
            throw new PipelineException("named captures are not allowed");
          }
          yield p::test;
        }
      };
    }

    private static Pattern regex(String re) {
      try {
        return Pattern.compile(re);
      } catch (PatternSyntaxException e) {
        throw new PipelineException("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
      }
    }

    @Override
    public StageProcessor visitLogfmtParser(LogfmtParser stage) {
      boolean strict = stage.strict();
      boolean keepEmpty = stage.keepEmpty();
      if (stage.extractions().isEmpty()) {
        return ctx -> {
          LabelState labels = ctx.labels();
          Logfmt.scan(
              ctx.line(),
              new Logfmt.Handler() {
                @Override
                public void pair(String key, String value) {
                  if (value.isEmpty() && !keepEmpty) {
                    return;
                  }
                  String name = LabelNameSanitizer.sanitize(key);
                  if (!name.isEmpty()) {
                    labels.addParsed(name, value);
                  }
                }

                @Override
                public boolean error(int pos, String message) {
                  if (strict) {
                    labels.setError(LOGFMT_PARSER_ERR, "logfmt syntax error at pos " + pos + " : " + message);
                    return false;
                  }
                  return true;
                }
              });
          return true;
        };
      }
      Map<String, List<String>> byKey = new HashMap<>();
      List<String> requested = new ArrayList<>();
      for (LabelExtraction x : stage.extractions()) {
        byKey.computeIfAbsent(x.expression(), k -> new ArrayList<>()).add(x.label());
        requested.add(x.label());
      }
      return ctx -> {
        LabelState labels = ctx.labels();
        Logfmt.scan(
            ctx.line(),
            new Logfmt.Handler() {
              @Override
              public void pair(String key, String value) {
                List<String> targets = byKey.get(key);
                if (targets == null || (value.isEmpty() && !keepEmpty)) {
                  return;
                }
                for (String t : targets) {
                  labels.addParsed(t, value);
                }
              }

              @Override
              public boolean error(int pos, String message) {
                if (strict) {
                  labels.setError(LOGFMT_PARSER_ERR, "logfmt syntax error at pos " + pos + " : " + message);
                  return false;
                }
                return true;
              }
            });
        // Loki creates every requested label up front, so a missing key yields an empty value.
        for (String r : requested) {
          if (!labels.parsed(r)) {
            labels.addParsed(r, "");
          }
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitJsonParser(JsonParser stage) {
      if (stage.extractions().isEmpty()) {
        return ctx -> {
          LabelState labels = ctx.labels();
          try {
            Json.flatten(ctx.line(), labels::addParsed);
          } catch (Json.JsonException e) {
            labels.setError(JSON_PARSER_ERR, e.getMessage());
          }
          return true;
        };
      }
      List<String> names = new ArrayList<>();
      List<JsonPath> paths = new ArrayList<>();
      for (LabelExtraction x : stage.extractions()) {
        names.add(x.label());
        paths.add(JsonPath.parse(x.expression()));
      }
      return ctx -> {
        LabelState labels = ctx.labels();
        String line = ctx.line();
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i >= line.length() || "{[\"".indexOf(line.charAt(i)) < 0) {
          labels.setError(JSON_PARSER_ERR, "");
          return true;
        }
        Json.Value root;
        try {
          root = Json.parse(line);
        } catch (Json.JsonException e) {
          labels.setError(JSON_PARSER_ERR, e.getMessage());
          return true;
        }
        for (int k = 0; k < names.size(); k++) {
          labels.addParsed(names.get(k), paths.get(k).select(root));
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitRegexpParser(RegexpParser stage) {
      Pattern re = regex(stage.regex());
      List<String> names = new ArrayList<>(re.namedGroups().keySet());
      names.sort((a, b) -> Integer.compare(re.namedGroups().get(a), re.namedGroups().get(b)));
      if (names.isEmpty()) {
        throw new PipelineException("at least one named capture must be supplied");
      }
      return ctx -> {
        com.google.re2j.Matcher m = re.matcher(ctx.line());
        if (!m.find()) {
          return true;
        }
        for (String name : names) {
          String v = m.group(name);
          String label = LabelNameSanitizer.sanitize(name);
          if (!label.isEmpty()) {
            ctx.labels().addParsed(label, v == null ? "" : v);
          }
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitPatternParser(PatternParser stage) {
      LinePattern p = LinePattern.parse(stage.pattern());
      List<String> names = p.names();
      if (names.isEmpty()) {
        throw new PipelineException("at least one capture is required");
      }
      return ctx -> {
        List<String> values = p.extract(ctx.line());
        for (int i = 0; i < values.size() && i < names.size(); i++) {
          ctx.labels().addParsed(names.get(i), values.get(i));
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitUnpackParser(UnpackParser stage) {
      return ctx -> {
        LabelState labels = ctx.labels();
        String line = ctx.line();
        if (line.isEmpty() || line.charAt(0) != '{') {
          labels.setError(JSON_PARSER_ERR, "expecting json object(6), but it is not");
          return true;
        }
        Json.Value root;
        try {
          root = Json.parse(line);
        } catch (Json.JsonException e) {
          labels.setError(JSON_PARSER_ERR, e.getMessage());
          return true;
        }
        if (!(root instanceof Json.ObjectValue o)) {
          labels.setError(JSON_PARSER_ERR, "expecting json object(6), but it is not");
          return true;
        }
        // Loki's unpack only promotes fields of a line written by `pack`, i.e. one with `_entry`.
        if (!(o.fields().get("_entry") instanceof Json.StringValue entryValue)) {
          return true;
        }
        for (Map.Entry<String, Json.Value> f : o.fields().entrySet()) {
          if (f.getKey().equals("_entry") || !(f.getValue() instanceof Json.StringValue s)) {
            continue;
          }
          String name = LabelNameSanitizer.sanitize(f.getKey());
          if (!name.isEmpty()) {
            labels.addParsed(name, s.value());
          }
        }
        ctx.setLine(entryValue.value());
        return true;
      };
    }

    @Override
    public StageProcessor visitLabelFilter(LabelFilterStage stage) {
      LabelPredicate p = LabelPredicate.compile(stage.filter());
      return ctx -> p.test(ctx.labels());
    }

    @Override
    public StageProcessor visitLineFormat(LineFormat stage) {
      Template t;
      try {
        t = Template.parse("line", stage.template(), functions);
      } catch (TemplateException e) {
        throw new PipelineException("invalid line template: " + e.getMessage());
      }
      TemplateEntry e = entry;
      return ctx -> {
        e.line = ctx.line();
        e.ts = ctx.timestampNanos();
        try {
          ctx.setLine(t.execute(LokiFunctions.data(ctx.labels().asMap())));
        } catch (TemplateException x) {
          ctx.labels().setError(TEMPLATE_FORMAT_ERR, x.getMessage());
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitLabelFormat(LabelFormat stage) {
      List<LabelFormatting> fs = stage.formattings();
      List<Template> templates = new ArrayList<>();
      for (LabelFormatting f : fs) {
        if (f.name().equals(LabelState.ERROR) || f.name().equals(LabelState.ERROR_DETAILS)) {
          throw new PipelineException(f.name() + " cannot be formatted");
        }
        if (f.rename()) {
          templates.add(null);
          continue;
        }
        try {
          templates.add(Template.parse("label", f.value(), functions));
        } catch (TemplateException e) {
          throw new PipelineException("invalid template for label '" + f.name() + "': " + e.getMessage());
        }
      }
      TemplateEntry e = entry;
      return ctx -> {
        LabelState labels = ctx.labels();
        e.line = ctx.line();
        e.ts = ctx.timestampNanos();
        Object data = null;
        for (int i = 0; i < fs.size(); i++) {
          LabelFormatting f = fs.get(i);
          if (f.rename()) {
            String v = labels.getLabel(f.value());
            if (v != null) {
              labels.remove(f.value());
              labels.set(f.name(), v);
            }
            continue;
          }
          if (data == null) {
            // Every template of one stage sees the labels as they were when its first template ran.
            data = LokiFunctions.data(labels.asMap());
          }
          try {
            labels.set(f.name(), templates.get(i).execute(data));
          } catch (TemplateException x) {
            labels.setError(TEMPLATE_FORMAT_ERR, x.getMessage());
          }
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitDecolorize(Decolorize stage) {
      return ctx -> {
        String line = ctx.line();
        if (line.indexOf('\u001b') >= 0 || line.indexOf('\u009b') >= 0) {
          ctx.setLine(ANSI.matcher(line).replaceAll(""));
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitDropLabels(DropLabels stage) {
      List<LabelSelection> sel = stage.labels();
      return ctx -> {
        LabelState labels = ctx.labels();
        for (LabelSelection s : sel) {
          if (s.matcher().isEmpty()) {
            labels.remove(s.name());
            continue;
          }
          String v = labels.get(s.name());
          if (v != null && s.matcher().get().matches(v)) {
            labels.remove(s.name());
          }
        }
        return true;
      };
    }

    @Override
    public StageProcessor visitKeepLabels(KeepLabels stage) {
      List<LabelSelection> sel = stage.labels();
      return ctx -> {
        LabelState labels = ctx.labels();
        for (String name : labels.names()) {
          boolean keep = false;
          for (LabelSelection s : sel) {
            if (s.name().equals(name) && (s.matcher().isEmpty() || s.matcher().get().matches(labels.getLabel(name)))) {
              keep = true;
              break;
            }
          }
          if (!keep) {
            labels.remove(name);
          }
        }
        return true;
      };
    }
  }
}
