package io.tributary.commit;

import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.HistoryEntry;
import io.tributary.schema.SchemaHistory;
import io.tributary.store.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link TableFormat} of a landing from what the landing owns (its store, layout, schema history), so
 * that the caller chooses the format (Hive for every dataset, or some datasets as Iceberg tables) without
 * ingest-core knowing the choices.
 */
@FunctionalInterface
public interface TableFormatFactory {

  /** Builds the format; called once per landing. */
  TableFormat open(Context context);

  /** Every dataset as Hive-partitioned Parquet ({@link HiveTableFormat}): the default. */
  static TableFormatFactory hive() {
    return context -> new HiveTableFormat(context.store(), context.layout(), context.owner(), context.clock(),
        context.parquet());
  }

  /**
   * What a landing hands its factory.
   *
   * @param owner this instance, recorded in each commit it wins
   * @param history the schema history the landing evolves datasets in
   * @param parquet how Parquet files are encoded
   */
  record Context(ObjectStore store, LakeLayout layout, String owner, Clock clock, SchemaHistory history,
      WriteOptions parquet) {
    public Context {
      Objects.requireNonNull(store, "store may not be null");
      Objects.requireNonNull(layout, "layout may not be null");
      Objects.requireNonNull(owner, "owner may not be null");
      Objects.requireNonNull(clock, "clock may not be null");
      Objects.requireNonNull(history, "history may not be null");
      Objects.requireNonNull(parquet, "parquet may not be null");
    }

    /** Every version of {@code dataset}'s schema, oldest first (empty when it has none). */
    public List<DatasetSchema> versions(String dataset) {
      return history.entries(dataset).stream().map(HistoryEntry::schema).toList();
    }
  }
}
