package dev.tocsin.logql.logqltest;

import dev.tocsin.logql.engine.MemoryLogStore;
import dev.tocsin.model.Labels;
import java.util.List;

/**
 * Fills a {@link MemoryLogStore} from load lines, as rule unit tests ({@code input_streams}) and
 * stream files give them: a stream selector such as {@code {app="a", env="prod"}} and lines in
 * {@link LoadLine} notation.
 */
public final class StreamLoader {
  private StreamLoader() {}

  /**
   * Appends the entries of every load line to the stream the selector names.
   *
   * @param selector equality matchers only, e.g. {@code {app="a"}}
   * @throws ScriptSyntaxException when the selector or a line is malformed, naming the line
   */
  public static void load(MemoryLogStore store, String selector, List<String> loadLines) {
    Labels stream = ScriptText.labels(selector);
    for (int i = 0; i < loadLines.size(); i++) {
      try {
        store.appendAll(stream, LoadLine.parse(loadLines.get(i)));
      } catch (ScriptSyntaxException e) {
        throw new ScriptSyntaxException(selector + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
  }
}
