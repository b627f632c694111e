package io.tributary.schema;

import io.tributary.decode.BigNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates events of a random "service": a tree of fields, each with the kinds of value it may carry. With one kind
 * per field the events drift only by adding fields (any order must then give one final schema); with several kinds
 * per field they also change types (nothing may be lost, whatever the order).
 */
final class DriftingEvents {
  enum Kind { LONG, DOUBLE, FRACTION_OR_INT, BOOL, STRING, STRUCT, LIST, LIST_OF_STRUCT, HUGE }

  /** Names whose sanitized forms are distinct: one of each troublesome family, plus plain ones. */
  private static final String[] NAMES = {
    "id", "name", "user-id", "Amount", "1st", "a.b", "first name", "Café", "名前", "tags", "x", "y", "z", "meta",
    "_id", "emoji😀", "k/1", "t~2"
  };

  private final Random random;
  private final Node root;

  DriftingEvents(long seed, boolean conflictingTypes) {
    this.random = new Random(seed);
    this.root = struct(0, conflictingTypes);
  }

  List<Map<String, Object>> events(int count) {
    List<Map<String, Object>> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(object(root));
    }
    return events;
  }

  private static final class Node {
    final Map<String, List<Kind>> kinds = new LinkedHashMap<>();
    final Map<String, Node> children = new LinkedHashMap<>();
  }

  private Node struct(int depth, boolean conflicting) {
    Node node = new Node();
    int fields = 1 + random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      String name = NAMES[random.nextInt(NAMES.length)];
      if (node.kinds.containsKey(name)) {
        continue;
      }
      List<Kind> kinds = new ArrayList<>();
      int count = conflicting ? 1 + random.nextInt(3) : 1;
      for (int k = 0; k < count; k++) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        if (depth >= 2 && (kind == Kind.STRUCT || kind == Kind.LIST_OF_STRUCT)) {
          kind = Kind.STRING;
        }
        if (!conflicting && kind == Kind.FRACTION_OR_INT) {
          kind = Kind.DOUBLE;
        }
        kinds.add(kind);
        if ((kind == Kind.STRUCT || kind == Kind.LIST_OF_STRUCT) && !node.children.containsKey(name)) {
          node.children.put(name, struct(depth + 1, conflicting));
        }
      }
      node.kinds.put(name, kinds);
    }
    return node;
  }

  private Map<String, Object> object(Node node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Kind>> field : node.kinds.entrySet()) {
      int roll = random.nextInt(10);
      if (roll < 3) {
        continue;
      }
      if (roll == 3) {
        out.put(field.getKey(), null);
        continue;
      }
      List<Kind> kinds = field.getValue();
      out.put(field.getKey(), value(kinds.get(random.nextInt(kinds.size())), node.children.get(field.getKey())));
    }
    return out;
  }

  private Object value(Kind kind, Node child) {
    return switch (kind) {
      case LONG -> (long) random.nextInt(1000) - 500;
      case DOUBLE -> random.nextInt(10_000) / 8.0 + 0.125;
      case FRACTION_OR_INT -> random.nextBoolean() ? (Object) (long) random.nextInt(100) : random.nextInt(100) + 0.5;
      case BOOL -> random.nextBoolean();
      case STRING -> "s" + random.nextInt(100) + (random.nextBoolean() ? "é" : "");
      case STRUCT -> object(child);
      case LIST -> {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          list.add(random.nextInt(6) == 0 ? null : "v" + random.nextInt(10));
        }
        yield list;
      }
      case LIST_OF_STRUCT -> {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          list.add(object(child));
        }
        yield list;
      }
      case HUGE -> new BigNumber(random.nextBoolean() ? "18446744073709551616" : "18446744073709551617");
    };
  }
}
