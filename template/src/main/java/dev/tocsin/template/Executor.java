package dev.tocsin.template;

import dev.tocsin.template.Node.ActionNode;
import dev.tocsin.template.Node.BoolNode;
import dev.tocsin.template.Node.BranchKind;
import dev.tocsin.template.Node.BranchNode;
import dev.tocsin.template.Node.BreakNode;
import dev.tocsin.template.Node.ChainNode;
import dev.tocsin.template.Node.CommandNode;
import dev.tocsin.template.Node.ContinueNode;
import dev.tocsin.template.Node.DotNode;
import dev.tocsin.template.Node.FieldNode;
import dev.tocsin.template.Node.IdentifierNode;
import dev.tocsin.template.Node.ListNode;
import dev.tocsin.template.Node.NilNode;
import dev.tocsin.template.Node.NumberNode;
import dev.tocsin.template.Node.PipeNode;
import dev.tocsin.template.Node.StringNode;
import dev.tocsin.template.Node.TemplateNode;
import dev.tocsin.template.Node.TextNode;
import dev.tocsin.template.Node.VariableNode;
import dev.tocsin.template.fmt.GoEscape;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.value.GoComplex;
import dev.tocsin.template.value.GoHtml;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStringer;
import dev.tocsin.template.value.GoStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template against data, following Go's text/template exec.go: variable scoping,
 * {@code missingkey=zero}, Go's argument checks and error messages with {@code NAME:LINE:COL}
 * positions (columns in UTF-8 bytes, 0-based, as Go counts them).
 */
final class Executor {
  /** Go's message for runaway template recursion; the real bound is lower to protect the stack. */
  static final int MAX_DEPTH = 10000;
  static final long MAX_OUTPUT = 16L << 20;
  static final long MAX_STEPS = 20_000_000L;
  /** Wall-clock budget of one execution; checked every 1024 steps. */
  static final long MAX_NANOS = 10_000_000_000L;

  private static final Object MISSING = new Object();

  /** Carries a fully formatted execution error. */
  static final class ExecError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExecError(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Break extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Break INSTANCE = new Break();

    private Break() {
      super(null, null, false, false);
    }
  }

  private static final class Continue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Continue INSTANCE = new Continue();

    private Continue() {
      super(null, null, false, false);
    }
  }

  private final Template tmpl;
  private final FunctionSet functions;
  private final StringBuilder out;
  private String current;
  private Node node;
  private int depth;
  private long steps;
  private final long startNanos = System.nanoTime();
  private final ArrayList<String> varNames = new ArrayList<>();
  private final ArrayList<Object> varValues = new ArrayList<>();

  Executor(Template tmpl, FunctionSet functions, StringBuilder out) {
    this.tmpl = tmpl;
    this.functions = functions;
    this.out = out;
    this.current = tmpl.name();
  }

  void execute(String templateName, Object data) {
    current = templateName;
    varNames.add("$");
    varValues.add(data);
    walk(data, tmpl.tree(templateName));
  }

  // ---- errors

  private ExecError errorf(String msg) {
    String name = current;
    if (node == null) {
      return new ExecError("template: " + name + ": " + msg);
    }
    String context = node.goString();
    return new ExecError(
        "template: " + location(node.pos()) + ": executing " + GoFmt.quote(name) + " at <" + context + ">: " + msg);
  }

  private String location(int pos) {
    Template.Source source = tmpl.source(current);
    String text = source.text();
    int p = Math.min(pos, text.length());
    int lastNl = text.lastIndexOf('\n', p - 1);
    int line = 1;
    for (int i = 0; i < p; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int col = utf8Length(text, lastNl + 1, p);
    return source.name() + ":" + line + ":" + col;
  }

  private static int utf8Length(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private void at(Node n) {
    node = n;
  }

  private void step() {
    if (++steps > MAX_STEPS) {
      throw errorf("execution exceeded " + MAX_STEPS + " steps");
    }
    if ((steps & 1023) == 0 && System.nanoTime() - startNanos > MAX_NANOS) {
      throw errorf("execution exceeded " + MAX_NANOS / 1_000_000_000L + "s");
    }
  }

  // ---- variables

  private int mark() {
    return varNames.size();
  }

  private void pop(int mark) {
    for (int i = varNames.size() - 1; i >= mark; i--) {
      varNames.remove(i);
      varValues.remove(i);
    }
  }

  private void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private void setVar(String name, Object value) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        varValues.set(i, value);
        return;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private void setTopVar(int n, Object value) {
    varValues.set(varValues.size() - n, value);
  }

  private Object varValue(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw errorf("undefined variable: " + name);
  }

  // ---- walking

  private void walk(Object dot, Node n) {
    step();
    n.accept(walker, dot);
  }

  private final Walker walker = new Walker();

  /** Executes the statement-level nodes; expression nodes never appear in a list. */
  private final class Walker implements Node.Visitor<Void, Object> {
    @Override
    public Void visitList(ListNode n, Object dot) {
      for (Node c : n.nodes()) {
        walk(dot, c);
      }
      return null;
    }

    @Override
    public Void visitText(TextNode n, Object dot) {
      out.append(n.text());
      checkOutput();
      return null;
    }

    @Override
    public Void visitAction(ActionNode n, Object dot) {
      Object val = evalPipeline(dot, n.pipe());
      if (n.pipe().decl().isEmpty()) {
        printValue(n, val);
      }
      return null;
    }

    @Override
    public Void visitBranch(BranchNode n, Object dot) {
      if (n.kind() == BranchKind.RANGE) {
        walkRange(dot, n);
      } else {
        walkIfOrWith(dot, n);
      }
      return null;
    }

    @Override
    public Void visitTemplate(TemplateNode n, Object dot) {
      walkTemplate(dot, n);
      return null;
    }

    @Override
    public Void visitBreak(BreakNode n, Object dot) {
      throw Break.INSTANCE;
    }

    @Override
    public Void visitContinue(ContinueNode n, Object dot) {
      throw Continue.INSTANCE;
    }

    private Void unknown(Node n) {
      throw errorf("unknown node: " + n.goString());
    }

    @Override
    public Void visitPipe(PipeNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitCommand(CommandNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitIdentifier(IdentifierNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitVariable(VariableNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitField(FieldNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitChain(ChainNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitDot(DotNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitNil(NilNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitBool(BoolNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitNumber(NumberNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitString(StringNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitElse(Node.ElseNode n, Object dot) {
      return unknown(n);
    }

    @Override
    public Void visitEnd(Node.EndNode n, Object dot) {
      return unknown(n);
    }
  }

  private void checkOutput() {
    if (out.length() > MAX_OUTPUT) {
      throw errorf("output exceeds " + MAX_OUTPUT + " bytes");
    }
  }

  private void printValue(Node n, Object v) {
    at(n);
    if (tmpl.escapesHtml() && !(v instanceof GoHtml)) {
      StringBuilder plain = new StringBuilder();
      printTo(plain, v);
      out.append(GoEscape.html(plain.toString()));
    } else {
      printTo(out, v);
    }
    checkOutput();
  }

  private static void printTo(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("<no value>");
    } else if (v instanceof String s) {
      sb.append(s);
    } else if (v instanceof GoStruct st && st.isPointer() && !(v instanceof GoStringer)) {
      // Go prints the struct a pointer points to, without fmt's "&".
      GoFmt.print(sb, new PointeeView(st));
    } else {
      GoFmt.print(sb, v);
    }
  }

  /** A pointer-to-struct seen through {@code indirect}, so that fmt prints it without "&". */
  private record PointeeView(GoStruct target) implements GoStruct {
    @Override
    public String goType() {
      return target.goType().startsWith("*") ? target.goType().substring(1) : target.goType();
    }

    @Override
    public Object field(String name) {
      return target.field(name);
    }

    @Override
    public List<Object> fieldValues() {
      return target.fieldValues();
    }

    @Override
    public List<String> fieldNames() {
      return target.fieldNames();
    }
  }

  private void walkIfOrWith(Object dot, BranchNode b) {
    int mark = mark();
    try {
      Object val = evalPipeline(dot, b.pipe());
      if (GoValues.truth(val)) {
        walk(b.kind() == BranchKind.WITH ? val : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void walkRange(Object dot, BranchNode r) {
    at(r);
    int outer = mark();
    try {
      Object val = evalPipeline(dot, r.pipe());
      int mark = mark();
      if (val instanceof GoSlice || val instanceof List<?>) {
        List<?> items = val instanceof GoSlice s ? s.items() : (List<?>) val;
        if (!items.isEmpty()) {
          for (int i = 0; i < items.size(); i++) {
            if (!oneIteration(r, (long) i, items.get(i), mark)) {
              break;
            }
          }
          return;
        }
      } else if (val instanceof GoMap m) {
        if (m.size() > 0) {
          for (Map.Entry<String, Object> e : m.entries().entrySet()) {
            if (!oneIteration(r, e.getKey(), e.getValue(), mark)) {
              break;
            }
          }
          return;
        }
      } else if (val instanceof Long n) {
        if (r.pipe().decl().size() > 1) {
          throw errorf("can't use " + n + " to iterate over more than one variable");
        }
        if (n > 0) {
          for (long i = 0; i < n; i++) {
            if (!oneIteration(r, i, i, mark)) {
              break;
            }
          }
          return;
        }
      } else if (val != null) {
        throw errorf("range can't iterate over " + GoFmt.sprint(List.of(val)));
      }
      if (r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } finally {
      pop(outer);
    }
  }

  /** Runs the body once; returns false on {@code {{break}}}. */
  private boolean oneIteration(BranchNode r, Object index, Object elem, int mark) {
    List<VariableNode> decl = r.pipe().decl();
    if (!decl.isEmpty()) {
      if (r.pipe().isAssign()) {
        if (decl.size() > 1) {
          setVar(decl.get(0).ident().get(0), index);
        } else {
          setVar(decl.get(0).ident().get(0), elem);
        }
      } else {
        setTopVar(1, elem);
      }
    }
    if (decl.size() > 1) {
      if (r.pipe().isAssign()) {
        setVar(decl.get(1).ident().get(0), elem);
      } else {
        setTopVar(2, index);
      }
    }
    try {
      walk(elem, r.list());
    } catch (Continue c) {
      // next iteration
    } catch (Break b) {
      return false;
    } finally {
      pop(mark);
    }
    return true;
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    at(t);
    ListNode root = tmpl.tree(t.name());
    if (root == null) {
      throw errorf("template " + GoFmt.quote(t.name()) + " not defined");
    }
    if (depth >= MAX_DEPTH) {
      throw errorf("exceeded maximum template depth (100000)");
    }
    Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
    // No dynamic scoping: the called template sees only "$".
    List<String> savedNames = new ArrayList<>(varNames);
    List<Object> savedValues = new ArrayList<>(varValues);
    String savedCurrent = current;
    varNames.clear();
    varValues.clear();
    push("$", newDot);
    depth++;
    current = t.name();
    try {
      walk(newDot, root);
    } finally {
      depth--;
      current = savedCurrent;
      varNames.clear();
      varValues.clear();
      varNames.addAll(savedNames);
      varValues.addAll(savedValues);
    }
  }

  // ---- evaluation

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return null;
    }
    at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value);
    }
    for (VariableNode v : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(v.ident().get(0), value);
      } else {
        push(v.ident().get(0), value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0).goString());
    }
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    step();
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      return evalFieldNode(dot, f, cmd.args(), fin);
    } else if (first instanceof ChainNode c) {
      return evalChainNode(dot, c, cmd.args(), fin);
    } else if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    } else if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    } else if (first instanceof VariableNode v) {
      return evalVariableNode(dot, v, cmd.args(), fin);
    }
    at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof BoolNode b) {
      return b.value();
    } else if (first instanceof DotNode) {
      return dot;
    } else if (first instanceof NilNode) {
      throw errorf("nil is not a command");
    } else if (first instanceof NumberNode n) {
      return idealConstant(n);
    } else if (first instanceof StringNode s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoFmt.quote(first.goString()));
  }

  private Object idealConstant(NumberNode c) {
    at(c);
    String t = c.text();
    boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
        && !t.matches(".*[pP].*");
    boolean runeInt = t.startsWith("'");
    if (c.isComplex()) {
      return new GoComplex(c.float64(), c.imag());
    }
    if (c.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
      return c.float64();
    }
    if (c.isInt()) {
      return c.int64();
    }
    if (c.isUint()) {
      throw errorf(t + " overflows int");
    }
    return null;
  }

  private Object evalFieldNode(Object dot, FieldNode f, List<Node> args, Object fin) {
    at(f);
    return evalFieldChain(dot, dot, f, f.ident(), args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
    at(chain);
    if (chain.field().isEmpty()) {
      throw errorf("internal error: no fields in evalChainNode");
    }
    if (chain.node() instanceof NilNode) {
      throw errorf("indirection through explicit nil in " + chain.goString());
    }
    Object pipe = evalArg(dot, GoType.ANY, chain.node());
    return evalFieldChain(dot, pipe, chain, chain.field(), args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
    at(v);
    Object value = varValue(v.ident().get(0));
    if (v.ident().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
  }

  private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
    }
    return evalField(dot, ident.get(last), n, args, fin, receiver);
  }

  private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      return null;
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    if (receiver instanceof GoStruct st) {
      Object m = callMethod(dot, fieldName, n, args, fin, st::method);
      if (m != GoStruct.ABSENT) {
        return m;
      }
      Object f = st.field(fieldName);
      if (f != GoStruct.ABSENT) {
        if (hasArgs) {
          throw errorf(fieldName + " has arguments but cannot be invoked as function");
        }
        return f;
      }
    } else if (receiver instanceof GoMap m) {
      // A named map type's methods come before its keys, as Go's evalField looks them up.
      Object method = m.methods() == null ? GoStruct.ABSENT
          : callMethod(dot, fieldName, n, args, fin, (name, argv) -> m.methods().call(m, name, argv));
      if (method != GoStruct.ABSENT) {
        return method;
      }
      if (hasArgs) {
        throw errorf(fieldName + " is not a method but has arguments");
      }
      Object v = m.get(fieldName);
      if (v == null && !m.containsKey(fieldName)) {
        // missingkey=zero, as Prometheus and Loki configure their templates.
        return m.zero();
      }
      return v;
    }
    throw errorf("can't evaluate field " + fieldName + " in type " + GoFmt.typeName(receiver));
  }

  /** A method lookup and call on a receiver: the result, or {@link GoStruct#ABSENT}. */
  @FunctionalInterface
  private interface MethodCall {
    Object call(String name, List<Object> args);
  }

  private Object callMethod(Object dot, String fieldName, Node n, List<Node> args, Object fin, MethodCall method) {
    List<Object> argv = new ArrayList<>();
    if (args != null) {
      for (int i = 1; i < args.size(); i++) {
        argv.add(evalArg(dot, GoType.ANY, args.get(i)));
      }
    }
    if (fin != MISSING) {
      argv.add(fin);
    }
    try {
      return method.call(fieldName, argv);
    } catch (IllegalArgumentException e) {
      at(n);
      throw errorf("error calling " + fieldName + ": " + e.getMessage());
    }
  }

  private Object evalFunction(Object dot, IdentifierNode id, CommandNode cmd, List<Node> args, Object fin) {
    at(id);
    String name = id.ident();
    GoFunction fn = functions.lookup(name);
    if (fn == null) {
      throw errorf(GoFmt.quote(name) + " is not a defined function");
    }
    boolean builtin = functions.isBuiltin(name);
    return evalCall(dot, fn, builtin, cmd != null ? cmd : id, name, args, fin);
  }

  private Object evalCall(Object dot, GoFunction fn, boolean builtin, Node n, String name, List<Node> allArgs, Object fin) {
    List<Node> args = allArgs.subList(1, allArgs.size());
    int numIn = args.size() + (fin != MISSING ? 1 : 0);
    int numFixed = args.size();
    if (fn.variadic() != null) {
      numFixed = fn.params().size();
      if (numIn < numFixed) {
        throw errorf("wrong number of args for " + name + ": want at least " + numFixed + " got " + args.size());
      }
    } else if (numIn != fn.numIn()) {
      throw errorf("wrong number of args for " + name + ": want " + fn.numIn() + " got " + numIn);
    }
    if (builtin && (name.equals("and") || name.equals("or"))) {
      Object v = null;
      for (Node arg : args) {
        v = evalArg(dot, GoType.VALUE, arg);
        if (GoValues.truth(v) == name.equals("or")) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = fin;
      }
      return v;
    }
    List<Object> argv = new ArrayList<>(numIn);
    int i = 0;
    for (; i < numFixed && i < args.size(); i++) {
      argv.add(evalArg(dot, fn.params().get(i), args.get(i)));
    }
    if (fn.variadic() != null) {
      for (; i < args.size(); i++) {
        argv.add(evalArg(dot, fn.variadic(), args.get(i)));
      }
    }
    if (fin != MISSING) {
      GoType t;
      if (fn.variadic() != null) {
        t = numIn - 1 < numFixed ? fn.params().get(numIn - 1) : fn.variadic();
      } else {
        t = fn.params().get(fn.params().size() - 1);
      }
      argv.add(validateType(fin, t));
    }
    try {
      return fn.body().call(argv);
    } catch (FunctionException e) {
      at(n);
      throw errorf("error calling " + name + ": " + e.getMessage());
    } catch (ExecError | Break | Continue e) {
      throw e;
    } catch (StackOverflowError e) {
      throw e;
    } catch (RuntimeException e) {
      // A Go panic inside a function: text/template recovers it as the call's error.
      at(n);
      throw errorf("error calling " + name + ": " + e.getMessage());
    }
  }

  private Object validateType(Object value, GoType typ) {
    if (value == null) {
      if (typ.kind() == GoType.Kind.VALUE || typ.nilable()) {
        return null;
      }
      throw errorf("invalid value; expected " + typ.goName());
    }
    if (typ.kind() == GoType.Kind.VALUE || typ.accepts().test(value)) {
      return value;
    }
    throw errorf("wrong type for value; expected " + typ.goName() + "; got " + GoFmt.typeName(value));
  }

  private Object evalArg(Object dot, GoType typ, Node n) {
    at(n);
    if (n instanceof DotNode) {
      return validateType(dot, typ);
    } else if (n instanceof NilNode) {
      if (typ.nilable()) {
        return null;
      }
      throw errorf("cannot assign nil to " + typ.goName());
    } else if (n instanceof FieldNode f) {
      return validateType(evalFieldNode(dot, f, List.of(n), MISSING), typ);
    } else if (n instanceof VariableNode v) {
      return validateType(evalVariableNode(dot, v, List.of(n), MISSING), typ);
    } else if (n instanceof PipeNode p) {
      return validateType(evalPipeline(dot, p), typ);
    } else if (n instanceof IdentifierNode id) {
      return validateType(evalFunction(dot, id, null, List.of(n), MISSING), typ);
    } else if (n instanceof ChainNode c) {
      return validateType(evalChainNode(dot, c, List.of(n), MISSING), typ);
    }
    switch (typ.kind()) {
      case BOOL:
        if (n instanceof BoolNode b) {
          return b.value();
        }
        throw errorf("expected bool; found " + n.goString());
      case FLOAT:
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.float64();
        }
        throw errorf("expected float; found " + n.goString());
      case INT:
        if (n instanceof NumberNode num && num.isInt()) {
          return num.int64();
        }
        throw errorf("expected integer; found " + n.goString());
      case STRING:
        if (n instanceof StringNode s) {
          return s.text();
        }
        throw errorf("expected string; found " + n.goString());
      case ANY:
      case VALUE:
        if (n instanceof BoolNode b) {
          return b.value();
        } else if (n instanceof NumberNode num) {
          return idealConstant(num);
        } else if (n instanceof StringNode s) {
          return s.text();
        }
        break;
      default:
        break;
    }
    throw errorf("can't handle " + n.goString() + " for arg of type " + typ.goName());
  }
}
