package dev.tocsin.model.yaml;

import dev.tocsin.model.source.Position;
import dev.tocsin.model.source.ScalarSource;
import dev.tocsin.model.source.SourceText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML file read into SnakeYAML Engine's node tree, which keeps every node's line and column.
 * Only the first document is used, as Prometheus does; {@link #hasMoreDocuments()} tells whether
 * others were ignored.
 */
public final class YamlDocument {
  private final SourceText source;
  private final Node root;
  private final boolean moreDocuments;

  private YamlDocument(SourceText source, Node root, boolean moreDocuments) {
    this.source = source;
    this.root = root;
    this.moreDocuments = moreDocuments;
  }

  /**
   * Reads a document from raw bytes.
   *
   * @throws YamlException for files over the size limit, invalid UTF-8, and YAML syntax errors
   */
  public static YamlDocument parse(byte[] bytes, YamlLimits limits) throws YamlException {
    return parse(bytes, limits, true);
  }

  /**
   * Reads a document from raw bytes, with or without node positions: without them every node
   * reports 1:1, for callers that use positions only to report errors and read the file again
   * when there are any.
   *
   * @throws YamlException for files over the size limit, invalid UTF-8, and YAML syntax errors
   */
  public static YamlDocument parse(byte[] bytes, YamlLimits limits, boolean positions) throws YamlException {
    if (bytes.length > limits.maxFileBytes()) {
      throw new YamlException(null, "file is " + bytes.length + " bytes, over the limit of " + limits.maxFileBytes()
          + " bytes");
    }
    String text = decodeUtf8(bytes);
    return parse(text, limits, positions);
  }

  /** Reads a document from text. */
  public static YamlDocument parse(String text, YamlLimits limits) throws YamlException {
    return parse(text, limits, true);
  }

  private static YamlDocument parse(String text, YamlLimits limits, boolean positions) throws YamlException {
    SourceText source = new SourceText(text);
    if (text.indexOf('\0') >= 0) {
      int at = text.indexOf('\0');
      throw new YamlException(positionOfOffset(text, at, source), "yaml: control characters are not allowed (binary file?)");
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel("rules")
        .setUseMarks(positions)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(limits.maxAliases())
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .build();
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Iterator<Node> docs = composer;
      Node root = docs.hasNext() ? docs.next() : null;
      boolean more = false;
      try {
        more = docs.hasNext();
      } catch (YamlEngineException e) {
        // Prometheus ignores whatever follows the first document, errors included.
        more = true;
      }
      return new YamlDocument(source, root, more);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
      Position p = mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(null);
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String ctx = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new YamlException(p, "yaml: " + ctx + oneLine(problem));
    } catch (YamlEngineException e) {
      throw new YamlException(null, "yaml: " + oneLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new YamlException(null, "yaml: document nested too deeply");
    }
  }

  private static String oneLine(String s) {
    return s == null ? "invalid document" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }

  private static Position positionOfOffset(String text, int offset, SourceText source) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return source.position(line, offset - lineStart);
  }

  private static String decodeUtf8(byte[] bytes) throws YamlException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String prefix = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
      int col = prefix.codePointCount(0, prefix.length()) + 1;
      throw new YamlException(new Position(line, col), "yaml: invalid UTF-8 at byte offset " + bad);
    }
  }

  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n;
      if (c < 0x80) {
        n = 0;
      } else if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
      } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
      } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
      } else {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return b.length;
  }

  /** The root node of the first document, or {@code null} for an empty file. */
  public Node root() {
    return root;
  }

  /** Whether the file had more than one document. */
  public boolean hasMoreDocuments() {
    return moreDocuments;
  }

  /** The file's text. */
  public SourceText source() {
    return source;
  }

  /** The position where a node starts. */
  public Position positionOf(Node node) {
    return node.getStartMark()
        .map(m -> new Position(m.getLine() + 1, m.getColumn() + 1))
        .orElse(new Position(1, 1));
  }

  /** The source mapping of a scalar's value, for positions inside it. */
  public ScalarSource scalarSource(ScalarNode node) {
    int line = node.getStartMark().map(Mark::getLine).orElse(0);
    int col = node.getStartMark().map(Mark::getColumn).orElse(0);
    ScalarSource.Style style = switch (node.getScalarStyle()) {
      case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> ScalarSource.Style.DOUBLE_QUOTED;
      case SINGLE_QUOTED -> ScalarSource.Style.SINGLE_QUOTED;
      case LITERAL -> ScalarSource.Style.LITERAL;
      case FOLDED -> ScalarSource.Style.FOLDED;
      case PLAIN -> ScalarSource.Style.PLAIN;
    };
    return new ScalarSource(source, line, source.charIndex(line, col), style, node.getValue());
  }
}
