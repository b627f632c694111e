package io.tributary.schema;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One persisted schema version with what it changed.
 *
 * @param schema the version
 * @param changes the columns it added to the version before (all columns for version 1)
 * @param createdAt when it was published
 * @param createdBy the instance that published it
 */
public record HistoryEntry(DatasetSchema schema, List<SchemaChange> changes, Instant createdAt, String createdBy) {
  public HistoryEntry {
    Objects.requireNonNull(schema, "schema may not be null");
    changes = List.copyOf(changes);
    Objects.requireNonNull(createdAt, "createdAt may not be null");
    Objects.requireNonNull(createdBy, "createdBy may not be null");
  }
}
