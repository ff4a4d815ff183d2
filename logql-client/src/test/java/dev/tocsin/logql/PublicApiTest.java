package dev.tocsin.logql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tocsin.logql.parser.LogqlParser;
import dev.tocsin.logql.parser.LogqlPrinter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser's public API speaks in AST types only; ANTLR's generated types stay inside. */
class PublicApiTest {
  @Test
  void publicMethodsDoNotExposeGeneratedOrAntlrTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : List.of(LogqlParser.class, LogqlPrinter.class)) {
      for (Method m : c.getMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
          continue;
        }
        List<Class<?>> types = new ArrayList<>(List.of(m.getParameterTypes()));
        types.add(m.getReturnType());
        for (Class<?> t : types) {
          String n = t.getName();
          if (n.startsWith("dev.tocsin.logql.grammar") || n.startsWith("org.antlr")) {
            leaks.add(c.getSimpleName() + "." + m.getName() + " uses " + n);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
