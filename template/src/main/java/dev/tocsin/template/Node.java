package dev.tocsin.template;

import dev.tocsin.template.fmt.GoFmt;
import java.util.List;

/**
 * A node of a parsed template, mirroring Go's text/template/parse nodes. Every node carries its
 * character offset in the template text; {@link #goString()} renders it the way Go's {@code
 * String()} does, which error messages quote as {@code at <...>}.
 */
sealed interface Node {
  int pos();

  String goString();

  /** Dispatches to the visitor method for this node's type. */
  <R, C> R accept(Visitor<R, C> visitor, C context);

  /**
   * A whole-tree operation over template nodes, one method per node type and no defaults, so a new
   * node type fails to compile wherever it is not handled.
   *
   * @param <R> the result type
   * @param <C> the context passed down, e.g. the executor's dot
   */
  interface Visitor<R, C> {
    R visitList(ListNode n, C context);

    R visitText(TextNode n, C context);

    R visitAction(ActionNode n, C context);

    R visitPipe(PipeNode n, C context);

    R visitCommand(CommandNode n, C context);

    R visitIdentifier(IdentifierNode n, C context);

    R visitVariable(VariableNode n, C context);

    R visitField(FieldNode n, C context);

    R visitChain(ChainNode n, C context);

    R visitDot(DotNode n, C context);

    R visitNil(NilNode n, C context);

    R visitBool(BoolNode n, C context);

    R visitNumber(NumberNode n, C context);

    R visitString(StringNode n, C context);

    R visitBranch(BranchNode n, C context);

    R visitTemplate(TemplateNode n, C context);

    R visitBreak(BreakNode n, C context);

    R visitContinue(ContinueNode n, C context);

    R visitElse(ElseNode n, C context);

    R visitEnd(EndNode n, C context);
  }

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitList(this, context);
    }

    public ListNode {
      nodes = List.copyOf(nodes);
    }

    @Override
    public String goString() {
      StringBuilder sb = new StringBuilder();
      for (Node n : nodes) {
        sb.append(n.goString());
      }
      return sb.toString();
    }
  }

  /** Plain text outside actions. */
  record TextNode(int pos, String text) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitText(this, context);
    }

    @Override
    public String goString() {
      return GoFmt.quote(text);
    }
  }

  /** An action that prints its pipeline's value unless the pipeline declares variables. */
  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitAction(this, context);
    }

    @Override
    public String goString() {
      return "{{" + pipe.goString() + "}}";
    }
  }

  /** A pipeline of commands, optionally declaring or assigning variables. */
  record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
      implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitPipe(this, context);
    }

    public PipeNode {
      decl = List.copyOf(decl);
      cmds = List.copyOf(cmds);
    }

    @Override
    public String goString() {
      StringBuilder sb = new StringBuilder();
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          if (i > 0) {
            sb.append(", ");
          }
          sb.append(decl.get(i).goString());
        }
        sb.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        sb.append(cmds.get(i).goString());
      }
      return sb.toString();
    }
  }

  /** A command: an operand followed by arguments. */
  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitCommand(this, context);
    }

    public CommandNode {
      args = List.copyOf(args);
    }

    @Override
    public String goString() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        Node a = args.get(i);
        if (a instanceof PipeNode) {
          sb.append('(').append(a.goString()).append(')');
        } else {
          sb.append(a.goString());
        }
      }
      return sb.toString();
    }
  }

  /** A function name. */
  record IdentifierNode(int pos, String ident) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitIdentifier(this, context);
    }

    @Override
    public String goString() {
      return ident;
    }
  }

  /** A variable with optional field chain: {@code $x.a.b}. */
  record VariableNode(int pos, List<String> ident) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitVariable(this, context);
    }

    public VariableNode {
      ident = List.copyOf(ident);
    }

    @Override
    public String goString() {
      return String.join(".", ident);
    }
  }

  /** A field chain on dot: {@code .a.b}. */
  record FieldNode(int pos, List<String> ident) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitField(this, context);
    }

    public FieldNode {
      ident = List.copyOf(ident);
    }

    @Override
    public String goString() {
      StringBuilder sb = new StringBuilder();
      for (String f : ident) {
        sb.append('.').append(f);
      }
      return sb.toString();
    }
  }

  /** Fields applied to a term: {@code (pipeline).a.b}. */
  record ChainNode(int pos, Node node, List<String> field) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitChain(this, context);
    }

    public ChainNode {
      field = List.copyOf(field);
    }

    @Override
    public String goString() {
      StringBuilder sb = new StringBuilder();
      if (node instanceof PipeNode) {
        sb.append('(').append(node.goString()).append(')');
      } else {
        sb.append(node.goString());
      }
      for (String f : field) {
        sb.append('.').append(f);
      }
      return sb.toString();
    }
  }

  /** The cursor, {@code .}. */
  record DotNode(int pos) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitDot(this, context);
    }

    @Override
    public String goString() {
      return ".";
    }
  }

  /** The untyped {@code nil}. */
  record NilNode(int pos) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitNil(this, context);
    }

    @Override
    public String goString() {
      return "nil";
    }
  }

  /** {@code true} or {@code false}. */
  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitBool(this, context);
    }

    @Override
    public String goString() {
      return value ? "true" : "false";
    }
  }

  /** A numeric constant with Go's ideal-constant interpretations. */
  record NumberNode(
      int pos,
      String text,
      boolean isInt,
      long int64,
      boolean isUint,
      boolean isFloat,
      double float64,
      boolean isComplex,
      double imag)
      implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitNumber(this, context);
    }

    @Override
    public String goString() {
      return text;
    }
  }

  /** A string constant. */
  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitString(this, context);
    }

    @Override
    public String goString() {
      return quoted;
    }
  }

  /** Which control structure a {@link BranchNode} is. */
  enum BranchKind {
    IF,
    RANGE,
    WITH
  }

  /** {@code if}, {@code range} or {@code with} with optional else list. */
  record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitBranch(this, context);
    }

    @Override
    public String goString() {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      StringBuilder sb = new StringBuilder("{{").append(name).append(' ').append(pipe.goString()).append("}}");
      sb.append(list.goString());
      if (elseList != null) {
        sb.append("{{else}}").append(elseList.goString());
      }
      return sb.append("{{end}}").toString();
    }
  }

  /** {@code {{template "name" pipeline}}}. */
  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitTemplate(this, context);
    }

    @Override
    public String goString() {
      if (pipe == null) {
        return "{{template " + GoFmt.quote(name) + "}}";
      }
      return "{{template " + GoFmt.quote(name) + " " + pipe.goString() + "}}";
    }
  }

  /** {@code {{break}}} inside a range. */
  record BreakNode(int pos, int line) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitBreak(this, context);
    }

    @Override
    public String goString() {
      return "{{break}}";
    }
  }

  /** {@code {{continue}}} inside a range. */
  record ContinueNode(int pos, int line) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitContinue(this, context);
    }

    @Override
    public String goString() {
      return "{{continue}}";
    }
  }

  /** {@code {{else}}}, only seen by the parser. */
  record ElseNode(int pos, int line) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitElse(this, context);
    }

    @Override
    public String goString() {
      return "{{else}}";
    }
  }

  /** {@code {{end}}}, only seen by the parser. */
  record EndNode(int pos) implements Node {
    @Override
    public <R, C> R accept(Visitor<R, C> visitor, C context) {
      return visitor.visitEnd(this, context);
    }

    @Override
    public String goString() {
      return "{{end}}";
    }
  }
}
