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
import dev.tocsin.template.Node.ElseNode;
import dev.tocsin.template.Node.EndNode;
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
import dev.tocsin.template.Token.Type;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.fmt.GoStrconv;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Recursive-descent parser following Go's text/template/parse: it checks function names and
 * variables at parse time and reports errors as {@code template: NAME:LINE: message}.
 */
final class Parser {
  /** Go's limit on nested parenthesised pipelines. */
  static final int MAX_PAREN_DEPTH = 10000;

  /** Thrown on the first parse error with Go's full message. */
  static final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private final String parseName;
  private final List<Token> tokens;
  private final Predicate<String> hasFunction;
  private final Map<String, ListNode> trees;
  private int idx;
  private int maxSeen;
  private List<String> vars = new ArrayList<>();
  private int actionLine;
  private int rangeDepth;
  private int parenDepth;
  private int nesting;
  private int maxNesting;
  private boolean callsTemplates;

  private Parser(String parseName, List<Token> tokens, Predicate<String> hasFunction, Map<String, ListNode> trees) {
    this.parseName = parseName;
    this.tokens = tokens;
    this.hasFunction = hasFunction;
    this.trees = trees;
    vars.add("$");
  }

  /** Parses the text into named trees: the main template under {@code name}, plus its definitions. */
  static Result parse(String name, String text, Predicate<String> hasFunction) {
    Map<String, ListNode> trees = new LinkedHashMap<>();
    Parser p = new Parser(name, Lexer.lex(text), hasFunction, trees);
    ListNode root = p.parseTop();
    p.add(name, root);
    return new Result(trees, p.maxNesting, p.callsTemplates);
  }

  /** The parsed trees and what the executor needs to know about their shape. */
  record Result(Map<String, ListNode> trees, int maxNesting, boolean callsTemplates) {}

  private void enter() {
    nesting++;
    maxNesting = Math.max(maxNesting, nesting);
  }

  // ---- token access

  private Token next() {
    Token t = tokens.get(Math.min(idx, tokens.size() - 1));
    idx++;
    maxSeen = Math.max(maxSeen, Math.min(idx - 1, tokens.size() - 1));
    return t;
  }

  private void backup() {
    idx--;
  }

  private Token peek() {
    Token t = next();
    backup();
    return t;
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  private ParseError errorf(String msg) {
    int line = tokens.get(maxSeen).line();
    return new ParseError("template: " + parseName + ":" + line + ": " + msg);
  }

  private Token expect(Type expected, String context) {
    Token t = nextNonSpace();
    if (t.type() != expected) {
      throw unexpected(t, context);
    }
    return t;
  }

  private ParseError unexpected(Token token, String context) {
    if (token.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return errorf(token + extra);
    }
    return errorf("unexpected " + token + " in " + context);
  }

  private void add(String name, ListNode root) {
    ListNode existing = trees.get(name);
    if (existing == null || isEmptyTree(existing)) {
      trees.put(name, root);
      return;
    }
    if (!isEmptyTree(root)) {
      throw errorf("template: multiple definition of template \"" + name + "\"");
    }
  }

  /** Go's {@code IsEmptyTree}: only blank text. */
  static boolean isEmptyTree(Node n) {
    if (n instanceof ListNode l) {
      for (Node c : l.nodes()) {
        if (!isEmptyTree(c)) {
          return false;
        }
      }
      return true;
    }
    if (n instanceof TextNode t) {
      return t.text().isBlank();
    }
    return false;
  }

  // ---- grammar

  private ListNode parseTop() {
    List<Node> nodes = new ArrayList<>();
    int rootPos = peek().pos();
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        int save = idx;
        next();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        idx = save;
      }
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        throw errorf("unexpected " + n.goString());
      }
      nodes.add(n);
    }
    return new ListNode(rootPos, nodes);
  }

  private void parseDefinition() {
    String context = "define clause";
    Token nameTok = nextNonSpace();
    if (nameTok.type() != Type.STRING && nameTok.type() != Type.RAW_STRING) {
      throw unexpected(nameTok, context);
    }
    String name = unquote(nameTok);
    expect(Type.RIGHT_DELIM, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    Object[] r = itemList();
    vars = saved;
    if (!(r[1] instanceof EndNode)) {
      throw errorf("unexpected " + ((Node) r[1]).goString() + " in " + context);
    }
    add(name, (ListNode) r[0]);
  }

  private String unquote(Token t) {
    try {
      return GoStrconv.unquote(t.val());
    } catch (GoStrconv.SyntaxException e) {
      throw errorf(e.getMessage());
    }
  }

  /** Returns {list, terminating else/end node}. */
  private Object[] itemList() {
    List<Node> nodes = new ArrayList<>();
    int pos = peekNonSpace().pos();
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof EndNode || n instanceof ElseNode) {
        return new Object[] {new ListNode(pos, nodes), n};
      }
      nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new TextNode(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(t, "input");
    }
  }

  private Node action() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return breakControl(t, true);
      case CONTINUE:
        return breakControl(t, false);
      case ELSE:
        return elseControl();
      case END:
        return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
      case IF:
        return control(BranchKind.IF);
      case RANGE:
        return control(BranchKind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return control(BranchKind.WITH);
      default:
        break;
    }
    backup();
    Token first = peek();
    return new ActionNode(first.pos(), first.line(), pipeline("command", Type.RIGHT_DELIM));
  }

  private Node breakControl(Token t, boolean isBreak) {
    String word = isBreak ? "{{break}}" : "{{continue}}";
    Token next = nextNonSpace();
    if (next.type() != Type.RIGHT_DELIM) {
      throw unexpected(next, word);
    }
    if (rangeDepth == 0) {
      throw errorf(word + " outside {{range}}");
    }
    return isBreak ? new BreakNode(t.pos(), t.line()) : new ContinueNode(t.pos(), t.line());
  }

  private Node elseControl() {
    Token peek = peekNonSpace();
    if (peek.type() == Type.IF || peek.type() == Type.WITH) {
      return new ElseNode(peek.pos(), peek.line());
    }
    Token t = expect(Type.RIGHT_DELIM, "else");
    return new ElseNode(t.pos(), t.line());
  }

  private BranchNode control(BranchKind kind) {
    String context = kind.name().toLowerCase(java.util.Locale.ROOT);
    int mark = vars.size();
    enter();
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (kind == BranchKind.RANGE) {
        rangeDepth++;
      }
      Object[] r = itemList();
      if (kind == BranchKind.RANGE) {
        rangeDepth--;
      }
      ListNode list = (ListNode) r[0];
      ListNode elseList = null;
      Node next = (Node) r[1];
      if (next instanceof ElseNode) {
        if (kind == BranchKind.IF && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(next.pos(), List.of(control(BranchKind.IF)));
        } else if (kind == BranchKind.WITH && peek().type() == Type.WITH) {
          next();
          elseList = new ListNode(next.pos(), List.of(control(BranchKind.WITH)));
        } else {
          Object[] e = itemList();
          elseList = (ListNode) e[0];
          if (!(e[1] instanceof EndNode)) {
            throw errorf("expected end; found " + ((Node) e[1]).goString());
          }
        }
      }
      return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, elseList);
    } finally {
      nesting--;
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private Node templateControl() {
    String context = "template clause";
    Token t = nextNonSpace();
    String name = templateName(t, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    callsTemplates = true;
    return new TemplateNode(t.pos(), t.line(), name, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Token t = nextNonSpace();
    String name = templateName(t, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = vars;
    int savedRange = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    Object[] r = itemList();
    vars = saved;
    rangeDepth = savedRange;
    if (!(r[1] instanceof EndNode)) {
      throw errorf("unexpected " + ((Node) r[1]).goString() + " in " + context);
    }
    add(name, (ListNode) r[0]);
    callsTemplates = true;
    return new TemplateNode(t.pos(), t.line(), name, pipe);
  }

  private String templateName(Token t, String context) {
    if (t.type() == Type.STRING || t.type() == Type.RAW_STRING) {
      return unquote(t);
    }
    throw unexpected(t, context);
  }

  private PipeNode pipeline(String context, Type end) {
    Token first = peekNonSpace();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>();
    List<CommandNode> cmds = new ArrayList<>();
    decls:
    while (true) {
      Token v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        break;
      }
      int save = idx;
      next();
      Token nx = peekNonSpace();
      if (nx.type() == Type.ASSIGN || nx.type() == Type.DECLARE) {
        isAssign = nx.type() == Type.ASSIGN;
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
      } else if (nx.type() == Type.CHAR && nx.val().equals(",")) {
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Type pt = peekNonSpace().type();
          if (pt == Type.VARIABLE || pt == Type.RIGHT_DELIM || pt == Type.RIGHT_PAREN) {
            continue decls;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else {
        // "$x foo": the variable is an operand, not a declaration.
        idx = save;
      }
      break;
    }
    while (true) {
      Token t = nextNonSpace();
      if (t.type() == end) {
        if (cmds.isEmpty()) {
          throw errorf("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          Node a = cmds.get(i).args().get(0);
          if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode
              || a instanceof NumberNode || a instanceof StringNode) {
            throw errorf("non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
      }
      switch (t.type()) {
        case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
            VARIABLE, LEFT_PAREN -> {
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(t, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = next();
      if (t.type() == Type.SPACE) {
        continue;
      }
      if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
        backup();
      } else if (t.type() != Type.PIPE) {
        throw unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw errorf("empty command");
    }
    return new CommandNode(pos, args);
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      int chainPos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == Type.FIELD) {
        fields.add(next().val().substring(1));
      }
      if (node instanceof FieldNode f) {
        List<String> all = new ArrayList<>(f.ident());
        all.addAll(fields);
        node = new FieldNode(chainPos, all);
      } else if (node instanceof VariableNode v) {
        List<String> all = new ArrayList<>(v.ident());
        all.addAll(fields);
        node = new VariableNode(chainPos, all);
      } else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
          || node instanceof NilNode || node instanceof DotNode) {
        throw errorf("unexpected . after term " + GoFmt.quote(node.goString()));
      } else {
        node = new ChainNode(chainPos, node, fields);
      }
    }
    return node;
  }

  private Node term() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER:
        if (!hasFunction.test(t.val())) {
          throw errorf("function " + GoFmt.quote(t.val()) + " not defined");
        }
        return new IdentifierNode(t.pos(), t.val());
      case DOT:
        return new DotNode(t.pos());
      case NIL:
        return new NilNode(t.pos());
      case VARIABLE:
        if (!vars.contains(t.val())) {
          throw errorf("undefined variable " + GoFmt.quote(t.val()));
        }
        return new VariableNode(t.pos(), List.of(t.val()));
      case FIELD:
        return new FieldNode(t.pos(), List.of(t.val().substring(1)));
      case BOOL:
        return new BoolNode(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT:
      case COMPLEX:
      case NUMBER:
        return number(t);
      case LEFT_PAREN:
        if (parenDepth >= MAX_PAREN_DEPTH) {
          throw errorf("max expression depth exceeded");
        }
        parenDepth++;
        enter();
        try {
          return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
        } finally {
          parenDepth--;
          nesting--;
        }
      case STRING:
      case RAW_STRING:
        return new StringNode(t.pos(), t.val(), unquote(t));
      default:
        backup();
        return null;
    }
  }

  private NumberNode number(Token t) {
    String text = t.val();
    if (t.type() == Type.CHAR_CONSTANT) {
      String s;
      try {
        s = GoStrconv.unquote(text);
      } catch (GoStrconv.SyntaxException e) {
        // One valid character followed by more is reported as malformed, as Go's UnquoteChar does.
        String body = text.substring(1, text.length() - 1);
        if (!body.isEmpty() && body.charAt(0) != '\\' && body.codePointCount(0, body.length()) > 1) {
          throw errorf("malformed character constant: " + text);
        }
        throw errorf(e.getMessage());
      }
      int r = s.codePointAt(0);
      return new NumberNode(t.pos(), text, true, r, true, true, r, false, 0);
    }
    if (t.type() == Type.COMPLEX || text.endsWith("i")) {
      return complexNumber(t);
    }
    boolean isInt = false;
    boolean isUint = false;
    boolean isFloat = false;
    long i64 = 0;
    double f64 = 0;
    BigInteger bi = GoStrconv.parseInteger(text);
    if (bi != null) {
      if (bi.bitLength() < 64) {
        isInt = true;
        i64 = bi.longValue();
      }
      if (bi.signum() >= 0 && bi.bitLength() <= 64 && !text.startsWith("-") && !text.startsWith("+")) {
        isUint = true;
      }
      if (isInt) {
        isFloat = true;
        f64 = i64;
      } else if (isUint) {
        isFloat = true;
        f64 = bi.doubleValue();
      }
    }
    if (!isInt && !isUint) {
      try {
        double f = GoStrconv.parseFloat(text);
        if (!text.matches(".*[.eEpP].*")) {
          throw errorf("integer overflow: " + GoFmt.quote(text));
        }
        isFloat = true;
        f64 = f;
        if (f == Math.rint(f) && Math.abs(f) < 9.2e18) {
          isInt = true;
          i64 = (long) f;
          if (f >= 0) {
            isUint = true;
          }
        }
      } catch (GoStrconv.SyntaxException e) {
        // fall through
      }
    }
    if (!isInt && !isUint && !isFloat) {
      throw errorf("illegal number syntax: " + GoFmt.quote(text));
    }
    return new NumberNode(t.pos(), text, isInt, i64, isUint, isFloat, f64, false, 0);
  }

  /** {@code 1i} or {@code 1+2i}. */
  private NumberNode complexNumber(Token t) {
    String text = t.val();
    String body = text.substring(0, text.length() - 1);
    double re = 0;
    double im;
    try {
      if (t.type() == Type.COMPLEX) {
        int split = -1;
        for (int i = body.length() - 1; i > 0; i--) {
          char c = body.charAt(i);
          char prev = Character.toLowerCase(body.charAt(i - 1));
          if ((c == '+' || c == '-') && prev != 'e' && prev != 'p') {
            split = i;
            break;
          }
        }
        if (split < 0) {
          throw errorf("illegal number syntax: " + GoFmt.quote(text));
        }
        re = GoStrconv.parseFloat(body.substring(0, split));
        im = GoStrconv.parseFloat(body.substring(split));
      } else {
        im = GoStrconv.parseFloat(body);
      }
    } catch (GoStrconv.SyntaxException e) {
      throw errorf("illegal number syntax: " + GoFmt.quote(text));
    }
    // Go keeps it complex but, with a zero imaginary part, also usable as a float or integer.
    boolean real = im == 0;
    boolean integral = real && re == Math.rint(re) && Math.abs(re) < 9.2e18;
    return new NumberNode(t.pos(), text, integral, (long) re, integral && re >= 0, real, re, true, im);
  }
}
