package dev.tocsin.template;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set of template functions (Go's {@code FuncMap}); Go's builtins are always
 * available in addition and can be overridden by name.
 */
public final class FunctionSet {
  /** No functions beyond Go's builtins. */
  public static final FunctionSet EMPTY = new FunctionSet(Map.of());

  private final Map<String, GoFunction> functions;

  private FunctionSet(Map<String, GoFunction> functions) {
    this.functions = functions;
  }

  /** A set of the given functions; later ones replace earlier ones of the same name. */
  public static FunctionSet of(Collection<GoFunction> functions) {
    Map<String, GoFunction> m = new LinkedHashMap<>();
    for (GoFunction f : functions) {
      m.put(f.name(), f);
    }
    return new FunctionSet(Map.copyOf(m));
  }

  /** This set plus the given functions, which replace same-named ones. */
  public FunctionSet with(Collection<GoFunction> more) {
    Map<String, GoFunction> m = new LinkedHashMap<>(functions);
    for (GoFunction f : more) {
      m.put(f.name(), f);
    }
    return new FunctionSet(Map.copyOf(m));
  }

  /** The function of that name, user functions first, then builtins; null if none. */
  public GoFunction lookup(String name) {
    GoFunction f = functions.get(name);
    return f != null ? f : Builtins.get(name);
  }

  /** Whether a template may call this name. */
  public boolean has(String name) {
    return lookup(name) != null;
  }

  /** Whether the name resolves to a Go builtin (not overridden). */
  boolean isBuiltin(String name) {
    return !functions.containsKey(name) && Builtins.get(name) != null;
  }
}
