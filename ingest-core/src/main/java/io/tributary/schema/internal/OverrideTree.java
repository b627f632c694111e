package io.tributary.schema.internal;

import io.tributary.schema.PathOverride;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured overrides as a tree keyed by column name, so that walking an event carries a node (usually null)
 * instead of building path strings for every field.
 */
public final class OverrideTree {
  private static final OverrideTree EMPTY = new OverrideTree();

  private final Map<String, OverrideTree> children = new HashMap<>();
  private PathOverride override;

  private OverrideTree() {}

  /** The tree of {@code overrides}; two overrides of one path are a config error. */
  public static OverrideTree of(List<PathOverride> overrides) {
    if (overrides.isEmpty()) {
      return EMPTY;
    }
    OverrideTree root = new OverrideTree();
    for (PathOverride o : overrides) {
      OverrideTree node = root;
      for (String step : o.steps()) {
        node = node.children.computeIfAbsent(step, s -> new OverrideTree());
      }
      if (node.override != null) {
        throw new IllegalArgumentException("Invalid overrides: path '" + o.path() + "' is pinned twice ('"
            + node.override.path() + "')");
      }
      node.override = o;
    }
    return root;
  }

  /** The node below {@code node} for column {@code name}, or null; null-safe on {@code node}. */
  public static OverrideTree child(OverrideTree node, String name) {
    return node == null || node.children.isEmpty() ? null : node.children.get(name);
  }

  /** The node for the elements of the array at {@code node}, or null. */
  public static OverrideTree element(OverrideTree node) {
    return child(node, PathOverride.ELEMENT);
  }

  /** The override pinned at {@code node}, or null; null-safe. */
  public static PathOverride at(OverrideTree node) {
    return node == null ? null : node.override;
  }
}
