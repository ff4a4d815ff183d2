package dev.tocsin.notifier.template;

import dev.tocsin.model.Labels;
import dev.tocsin.template.fmt.GoFmt;
import dev.tocsin.template.value.GoMap;
import dev.tocsin.template.value.GoSlice;
import dev.tocsin.template.value.GoStruct;
import java.util.ArrayList;
import java.util.List;

/**
 * Alertmanager's {@code template.KV}: a {@code map[string]string} of labels or annotations with the
 * methods {@code SortedPairs}, {@code Names}, {@code Values}, {@code Remove} and {@code String}.
 * Sorted order puts {@code alertname} first and the rest by name, as Alertmanager does, so a
 * subject starts with the alert's name.
 */
public final class KeyValues {
  /** Go type name of the map. */
  public static final String GO_TYPE = "template.KV";
  /** Go type name of the slices {@code Names} and {@code Values} return. */
  static final String STRING_SLICE = "[]string";

  private KeyValues() {}

  /** A {@code template.KV} holding the labels. */
  public static GoMap of(Labels labels) {
    return GoMap.named(GO_TYPE, labels, KeyValues::call);
  }

  /** The entries of a KV in Alertmanager's sorted order. */
  static Pairs sortedPairs(GoMap kv) {
    List<Pair> pairs = new ArrayList<>(kv.size());
    Object alertname = kv.get("alertname");
    if (alertname != null) {
      pairs.add(new Pair("alertname", (String) alertname));
    }
    kv.entries().forEach((k, v) -> {
      if (!k.equals("alertname")) {
        pairs.add(new Pair(k, (String) v));
      }
    });
    return new Pairs(pairs);
  }

  private static Object call(GoMap self, String name, List<Object> args) {
    switch (name) {
      case "SortedPairs", "Names", "Values", "String" -> {
        requireArgs(name, args, 0);
        Pairs pairs = sortedPairs(self);
        return name.equals("SortedPairs") ? pairs : pairs.method(name, args);
      }
      case "Remove" -> {
        requireArgs(name, args, 1);
        List<String> drop = strings(args.get(0));
        Labels.Builder b = Labels.builder();
        self.entries().forEach((k, v) -> {
          if (!drop.contains(k)) {
            b.put(k, (String) v);
          }
        });
        return of(b.build());
      }
      default -> {
        return GoStruct.ABSENT;
      }
    }
  }

  private static void requireArgs(String name, List<Object> args, int n) {
    if (args.size() != n) {
      throw new IllegalArgumentException("wrong number of args for " + name + ": want " + n + " got " + args.size());
    }
  }

  /** A {@code []string} argument, e.g. the result of {@code .GroupLabels.Names} or {@code stringSlice}. */
  static List<String> strings(Object arg) {
    List<?> items;
    if (arg instanceof GoSlice s) {
      items = s.items();
    } else if (arg instanceof List<?> l) {
      items = l;
    } else if (arg == null) {
      return List.of();
    } else {
      throw new IllegalArgumentException("wrong type for value; expected []string; got " + GoFmt.typeName(arg));
    }
    List<String> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (!(o instanceof String s)) {
        throw new IllegalArgumentException("wrong type for value; expected []string; got " + GoFmt.typeName(arg));
      }
      out.add(s);
    }
    return out;
  }
}
