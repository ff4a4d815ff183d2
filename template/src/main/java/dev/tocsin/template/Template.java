package dev.tocsin.template;

import dev.tocsin.template.fmt.GoFmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A parsed Go text/template: parse once, execute many times from any thread. Errors carry Go's
 * exact wording, e.g. {@code template: t:1: function "nosuchfunc" not defined}.
 */
public final class Template {
  /** Stack for parsing or executing templates too deeply nested for the caller's stack. */
  private static final long BIG_STACK = 1L << 30;

  /** Nesting above which execution moves to a thread with a large stack. */
  private static final int DEEP = 64;

  private final String name;
  private final String text;
  private final FunctionSet functions;
  private final Map<String, Node.ListNode> trees;
  /** The text each tree was parsed from, for error positions; a set may join several files. */
  private final Map<String, Source> sources;
  private final int maxNesting;
  private final boolean callsTemplates;
  private final boolean escapeHtml;
  private final boolean deep;

  /** The name (Go's ParseName) and text a tree's node positions refer to. */
  record Source(String name, String text) {}

  private Template(String name, String text, FunctionSet functions, Parser.Result parsed) {
    this(name, text, functions, parsed.trees(), sourcesOf(parsed.trees(), new Source(name, text)),
        parsed.maxNesting(), parsed.callsTemplates(), false);
  }

  private Template(String name, String text, FunctionSet functions, Map<String, Node.ListNode> trees,
      Map<String, Source> sources, int maxNesting, boolean callsTemplates, boolean escapeHtml) {
    this.name = name;
    this.text = text;
    this.functions = functions;
    this.trees = Map.copyOf(trees);
    this.sources = Map.copyOf(sources);
    this.maxNesting = maxNesting;
    this.callsTemplates = callsTemplates;
    this.escapeHtml = escapeHtml;
    this.deep = maxNesting > DEEP
        || (callsTemplates && (recursive(this.trees) || this.trees.size() * (maxNesting + 1) > DEEP));
  }

  private static Map<String, Source> sourcesOf(Map<String, Node.ListNode> trees, Source source) {
    Map<String, Source> m = new HashMap<>();
    trees.keySet().forEach(k -> m.put(k, source));
    return m;
  }

  /**
   * Parses more text into a copy of this set, as Go's {@code t.New(name).Parse(text)} does: the new
   * text's definitions replace same-named ones (an empty body never replaces a defined one), and
   * the result executes {@code name} by default. This is how Alertmanager layers user template
   * files over its defaults.
   *
   * @throws TemplateException with Go's message, positioned in {@code name}
   */
  public Template parseAssociated(String name, String text) throws TemplateException {
    Parser.Result parsed;
    try {
      parsed = Parser.parse(name, text, functions::has);
    } catch (Parser.ParseError e) {
      throw new TemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new TemplateException("template: " + name + ": max expression depth exceeded");
    }
    Map<String, Node.ListNode> merged = new HashMap<>(trees);
    Map<String, Source> mergedSources = new HashMap<>(sources);
    Source source = new Source(name, text);
    for (Map.Entry<String, Node.ListNode> e : parsed.trees().entrySet()) {
      Node.ListNode old = merged.get(e.getKey());
      if (old == null || Parser.isEmptyTree(old) || !Parser.isEmptyTree(e.getValue())) {
        merged.put(e.getKey(), e.getValue());
        mergedSources.put(e.getKey(), source);
      }
    }
    return new Template(name, text, functions, merged, mergedSources, Math.max(maxNesting, parsed.maxNesting()),
        callsTemplates || parsed.callsTemplates(), escapeHtml);
  }

  /**
   * This set, executing with every printed value HTML-escaped unless it is marked safe ({@code
   * safeHtml}'s {@code template.HTML}); literal template text is written as is. This stands in for
   * Go's html/template, whose escaping depends on the HTML context; escaping every value is
   * stricter but never lets a label value such as {@code <script>} through as markup.
   */
  public Template escapingHtml() {
    return new Template(name, text, functions, trees, sources, maxNesting, callsTemplates, true);
  }

  boolean escapesHtml() {
    return escapeHtml;
  }

  /** The source of a tree, for positions in error messages. */
  Source source(String treeName) {
    Source s = sources.get(treeName);
    return s != null ? s : new Source(name, text);
  }

  /** Whether some template can reach itself through {@code template} calls (or calls an unknown one). */
  private static boolean recursive(Map<String, Node.ListNode> trees) {
    Map<String, Set<String>> calls = new HashMap<>();
    for (Map.Entry<String, Node.ListNode> e : trees.entrySet()) {
      Set<String> called = new HashSet<>();
      Deque<Node> todo = new ArrayDeque<>();
      todo.push(e.getValue());
      while (!todo.isEmpty()) {
        Node n = todo.pop();
        if (n instanceof Node.ListNode l) {
          l.nodes().forEach(todo::push);
        } else if (n instanceof Node.BranchNode b) {
          todo.push(b.list());
          if (b.elseList() != null) {
            todo.push(b.elseList());
          }
        } else if (n instanceof Node.TemplateNode t) {
          called.add(t.name());
        }
      }
      calls.put(e.getKey(), called);
    }
    // Depth-first search for a cycle, iteratively: 0 = unvisited, 1 = on the path, 2 = done.
    Map<String, Integer> state = new HashMap<>();
    for (String start : calls.keySet()) {
      if (state.getOrDefault(start, 0) != 0) {
        continue;
      }
      Deque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {start, calls.get(start).iterator()});
      state.put(start, 1);
      while (!stack.isEmpty()) {
        Object[] top = stack.peek();
        @SuppressWarnings("unchecked")
        java.util.Iterator<String> it = (java.util.Iterator<String>) top[1];
        if (!it.hasNext()) {
          state.put((String) top[0], 2);
          stack.pop();
          continue;
        }
        String next = it.next();
        Set<String> nextCalls = calls.get(next);
        if (nextCalls == null) {
          continue;
        }
        int st = state.getOrDefault(next, 0);
        if (st == 1) {
          return true;
        }
        if (st == 0) {
          state.put(next, 1);
          stack.push(new Object[] {next, nextCalls.iterator()});
        }
      }
    }
    return false;
  }

  /**
   * Parses template text with Go's function-existence and variable checks.
   *
   * @throws TemplateException with Go's message, e.g. {@code template: NAME:1: unclosed action}
   */
  public static Template parse(String name, String text, FunctionSet functions) throws TemplateException {
    if (looksDeep(text)) {
      return onBigStack(() -> parseHere(name, text, functions), "max expression depth exceeded", name);
    }
    return parseHere(name, text, functions);
  }

  private static Template parseHere(String name, String text, FunctionSet functions) throws TemplateException {
    try {
      return new Template(name, text, functions, Parser.parse(name, text, functions::has));
    } catch (Parser.ParseError e) {
      throw new TemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new TemplateException("template: " + name + ": max expression depth exceeded");
    }
  }

  private static boolean looksDeep(String text) {
    int opens = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '{') {
        if (++opens > 200) {
          return true;
        }
      }
    }
    return false;
  }

  /** The names of the main template and of every {@code define}d or {@code block} template. */
  public Set<String> templateNames() {
    return trees.keySet();
  }

  /**
   * Executes one named template of this set, as Go's {@code ExecuteTemplate} does (notification
   * templates call their {@code define}s this way).
   *
   * @throws TemplateException {@code template: no template "x" associated with template "t"} when
   *     there is no such template, or any execution error
   */
  public String executeTemplate(String templateName, Object data, FunctionSet functionsForCall)
      throws TemplateException {
    if (!trees.containsKey(templateName)) {
      throw new TemplateException(
          "template: no template " + GoFmt.quote(templateName) + " associated with template "
              + GoFmt.quote(name));
    }
    Object goData = GoValues.of(data);
    if (deep) {
      return onBigStack(() -> executeHere(templateName, goData, functionsForCall), "exceeded maximum template depth (100000)", name);
    }
    return executeHere(templateName, goData, functionsForCall);
  }

  /** The template's name, as used in error messages. */
  public String name() {
    return name;
  }

  String text() {
    return text;
  }

  FunctionSet functions() {
    return functions;
  }

  Node.ListNode tree(String templateName) {
    return trees.get(templateName);
  }

  /**
   * Executes the template with {@code data} as dot; plain Java maps, lists and numbers are
   * converted to their Go forms first.
   *
   * @throws TemplateException with Go's message, e.g. {@code template: t:1:3: executing "t" at
   *     <first>: error calling first: ...}
   */
  public String execute(Object data) throws TemplateException {
    return execute(data, functions);
  }

  /**
   * Executes with another function set that binds the same names differently, e.g. Prometheus'
   * functions for one evaluation's time and query engine, so one parse serves every evaluation.
   */
  public String execute(Object data, FunctionSet functionsForCall) throws TemplateException {
    Object goData = GoValues.of(data);
    if (deep) {
      return onBigStack(() -> executeHere(name, goData, functionsForCall), "exceeded maximum template depth (100000)", name);
    }
    return executeHere(name, goData, functionsForCall);
  }

  private String executeHere(String templateName, Object data, FunctionSet fns) throws TemplateException {
    StringBuilder out = new StringBuilder(64);
    try {
      new Executor(this, fns, out).execute(templateName, data);
    } catch (Executor.ExecError e) {
      throw new TemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new TemplateException("template: " + name + ": exceeded maximum template depth (100000)");
    }
    return out.toString();
  }

  @FunctionalInterface
  private interface Work<T> {
    T run() throws TemplateException;
  }

  private static <T> T onBigStack(Work<T> work, String overflowMessage, String name) throws TemplateException {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(work.run());
              } catch (TemplateException e) {
                result.set(e);
              } catch (StackOverflowError e) {
                result.set(new TemplateException("template: " + name + ": " + overflowMessage));
              } catch (RuntimeException e) {
                result.set(e);
              }
            },
            "template-" + name,
            BIG_STACK);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemplateException("template: " + name + ": interrupted");
    }
    Object r = result.get();
    if (r instanceof TemplateException e) {
      throw new TemplateException(e.getMessage());
    }
    if (r instanceof RuntimeException e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T value = (T) r;
    return value;
  }
}
