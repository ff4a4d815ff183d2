package dev.tocsin.template.value;

/**
 * Go's {@code html/template.HTML}: a string marked as safe HTML, printed verbatim.
 *
 * @param value the HTML text
 */
public record GoHtml(String value) implements GoStringer {
  @Override
  public String goType() {
    return "template.HTML";
  }

  @Override
  public String goString() {
    return value;
  }
}
