package dev.tocsin.notifier.template;

import dev.tocsin.template.FunctionSet;
import dev.tocsin.template.GoFunction;
import dev.tocsin.template.GoType;
import dev.tocsin.template.funcs.PrometheusFunctions;
import dev.tocsin.template.value.GoSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's template functions ({@code DefaultFuncs}): {@code toUpper}, {@code toLower},
 * {@code title}, {@code join}, {@code match}, {@code safeHtml}, {@code reReplaceAll}, {@code
 * stringSlice}, and {@code trimSpace} from later versions. Alertmanager 0.25 has no {@code date}
 * or {@code tz}.
 */
public final class NotificationFunctions {
  /** The function set. */
  public static final FunctionSet FUNCTIONS = create();

  private NotificationFunctions() {}

  private static FunctionSet create() {
    // The functions Alertmanager shares with Prometheus behave identically; reuse them.
    FunctionSet prometheus = PrometheusFunctions.forParsing();
    List<GoFunction> f = new ArrayList<>();
    for (String shared : List.of("toUpper", "toLower", "match", "safeHtml", "reReplaceAll")) {
      f.add(prometheus.lookup(shared));
    }
    GoType s = GoType.STRING;
    f.add(GoFunction.of("title", args -> title((String) args.get(0)), s));
    f.add(GoFunction.of("trimSpace", args -> ((String) args.get(0)).strip(), s));
    f.add(GoFunction.of("join", args -> String.join((String) args.get(0), KeyValues.strings(args.get(1))), s,
        GoType.of("[]string", v -> v instanceof GoSlice || v instanceof List<?>, true)));
    f.add(GoFunction.variadic("stringSlice", args -> new GoSlice(KeyValues.STRING_SLICE, args), s));
    return FunctionSet.of(f);
  }

  /**
   * Alertmanager's {@code title} ({@code cases.Title} for American English): the first letter of
   * each word upper case, the rest lower case, unlike Prometheus' {@code strings.Title}.
   */
  static String title(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean letter = Character.isLetterOrDigit(c) || (inWord && c == '\'');
      sb.appendCodePoint(!letter ? c : inWord ? Character.toLowerCase(c) : Character.toTitleCase(c));
      inWord = letter;
    }
    return sb.toString();
  }
}
