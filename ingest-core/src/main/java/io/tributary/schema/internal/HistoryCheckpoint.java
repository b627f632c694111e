package io.tributary.schema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged schema history of a dataset up to one version, in one file, so that reading the history costs one
 * request plus the versions after it. Versions only ever append columns, so the history is compact: the columns of
 * the last version, the version each column (at any depth) appeared in, and each version's metadata; version N is
 * the last version's columns restricted to those that appeared by N.
 *
 * <pre>{"format": 1, "dataset": "clicks", "version": 50, "columns": [...], "since": {"user": 1, "user.email": 7},
 *  "versions": [{"version": 1, "created_at": ..., "created_by": ..., "changes": [...]}, ...]}</pre>
 */
public final class HistoryCheckpoint {
  private HistoryCheckpoint() {}

  /** The checkpoint of {@code entries}: versions 1 to N of one dataset, in order. */
  public static byte[] write(List<HistoryEntry> entries) {
    DatasetSchema last = entries.get(entries.size() - 1).schema();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).schema().version() != i + 1) {
        throw new IllegalArgumentException("Cannot checkpoint the schema history of " + last.dataset()
            + ": version " + entries.get(i).schema().version() + " at position " + (i + 1));
      }
    }
    Map<String, Integer> since = new LinkedHashMap<>();
    ArrayNode versions = SchemaJson.object().arrayNode();
    for (HistoryEntry entry : entries) {
      collect(entry.schema().root(), "", entry.schema().version(), since);
      versions.add(SchemaJson.metadata(entry));
    }
    ObjectNode root = SchemaJson.object();
    root.put("format", SchemaJson.FORMAT);
    root.put("dataset", last.dataset());
    root.put("version", last.version());
    root.set("columns", SchemaJson.fields(last.root()));
    ObjectNode sinceNode = root.putObject("since");
    since.forEach(sinceNode::put);
    root.set("versions", versions);
    return SchemaJson.bytes(root);
  }

  /** Every version the checkpoint holds, oldest first. */
  public static List<HistoryEntry> read(byte[] bytes, String source) {
    return SchemaJson.parse(bytes, source, root -> {
      String dataset = SchemaJson.text(root, "dataset", source);
      StructType last = new StructType(SchemaJson.fieldsOf(root.get("columns"), source));
      Map<String, Integer> since = new LinkedHashMap<>();
      root.path("since").properties().forEach(e -> since.put(e.getKey(), e.getValue().asInt()));
      List<HistoryEntry> entries = new ArrayList<>();
      for (JsonNode version : root.path("versions")) {
        int number = version.path("version").asInt();
        DatasetSchema schema = new DatasetSchema(dataset, number, prune(last, "", number, since, source));
        entries.add(SchemaJson.metadataOf(version, schema, source));
      }
      return entries;
    });
  }

  private static void collect(StructType struct, String prefix, int version, Map<String, Integer> since) {
    for (Field field : struct.fields()) {
      String path = prefix + field.name();
      since.putIfAbsent(path, version);
      collectType(field.type(), path, version, since);
    }
  }

  private static void collectType(ColumnType type, String path, int version, Map<String, Integer> since) {
    if (type instanceof StructType s) {
      collect(s, path + ".", version, since);
    } else if (type instanceof ListType l) {
      collectType(l.element(), path + "[]", version, since);
    } else if (type instanceof MapType m) {
      collectType(m.value(), path + "[]", version, since);
    }
  }

  private static StructType prune(StructType struct, String prefix, int version, Map<String, Integer> since,
      String source) {
    List<Field> kept = new ArrayList<>();
    for (Field field : struct.fields()) {
      String path = prefix + field.name();
      Integer first = since.get(path);
      if (first == null) {
        throw new IllegalStateException("Cannot read schema version " + source + ": no 'since' for " + path);
      }
      if (first <= version) {
        kept.add(field.withType(pruneType(field.type(), path, version, since, source)));
      }
    }
    return new StructType(kept);
  }

  private static ColumnType pruneType(ColumnType type, String path, int version, Map<String, Integer> since,
      String source) {
    if (type instanceof StructType s) {
      return prune(s, path + ".", version, since, source);
    }
    if (type instanceof ListType l) {
      return new ListType(pruneType(l.element(), path + "[]", version, since, source));
    }
    if (type instanceof MapType m) {
      return new MapType(pruneType(m.value(), path + "[]", version, since, source));
    }
    return type;
  }
}
