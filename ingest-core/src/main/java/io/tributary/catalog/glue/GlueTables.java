package io.tributary.catalog.glue;

import io.tributary.catalog.hive.HiveColumn;
import io.tributary.catalog.hive.HiveTable;
import io.tributary.catalog.hive.HiveTables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The four Glue requests the catalog makes, on one database. Each throws the SDK's exception; the caller decides
 * what a failure means ({@link GlueFailure}).
 */
final class GlueTables {
  private final GlueClient glue;
  private final String database;

  GlueTables(GlueClient glue, String database) {
    this.glue = glue;
    this.database = database;
  }

  String database() {
    return database;
  }

  void checkDatabase() {
    call("GetDatabase", "database " + database, () -> glue.getDatabase(r -> r.name(database)));
  }

  /** The table, or empty when Glue has none of that name. */
  Optional<Table> get(String name) {
    return call("GetTable", resource(name), () -> {
      try {
        return Optional.of(glue.getTable(r -> r.databaseName(database).name(name)).table());
      } catch (EntityNotFoundException e) {
        return Optional.empty();
      }
    });
  }

  void create(HiveTable table) {
    call("CreateTable", resource(table.name()),
        () -> glue.createTable(r -> r.databaseName(database).tableInput(input(table))));
  }

  /** Replaces the table, if it is still at {@code versionId} (Glue's optimistic lock). */
  void update(HiveTable table, String versionId) {
    call("UpdateTable", resource(table.name()),
        () -> glue.updateTable(r -> r.databaseName(database).tableInput(input(table)).versionId(versionId)));
  }

  /** {@code table db.orders}: how messages name a table. */
  String resource(String table) {
    return "table " + database + "." + table;
  }

  private static <T> T call(String operation, String resource, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      throw new Failed(GlueFailure.of(operation, resource, e), e);
    }
  }

  /** A failed request, with what it means. */
  static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient GlueFailure failure;

    Failed(GlueFailure failure, SdkException cause) {
      super(failure.detail(), cause);
      this.failure = failure;
    }

    GlueFailure failure() {
      return failure;
    }
  }

  /** The schema version a table declares; 0 when it has none (a table made by hand). */
  static int schemaVersion(Table table) {
    String value = table.parameters() == null ? null : table.parameters().get(HiveTables.SCHEMA_VERSION_PARAMETER);
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static TableInput input(HiveTable table) {
    return TableInput.builder()
        .name(table.name())
        .tableType("EXTERNAL_TABLE")
        .parameters(withExternal(table.parameters()))
        .partitionKeys(columns(table.partitionKeys()))
        .storageDescriptor(StorageDescriptor.builder()
            .location(table.location())
            .columns(columns(table.columns()))
            .inputFormat(HiveTable.INPUT_FORMAT)
            .outputFormat(HiveTable.OUTPUT_FORMAT)
            .serdeInfo(SerDeInfo.builder()
                .serializationLibrary(HiveTable.SERDE)
                .parameters(Map.of("serialization.format", "1"))
                .build())
            .build())
        .build();
  }

  private static Map<String, String> withExternal(Map<String, String> parameters) {
    Map<String, String> out = new java.util.LinkedHashMap<>(parameters);
    out.put("EXTERNAL", "TRUE");
    return out;
  }

  private static List<Column> columns(List<HiveColumn> columns) {
    return columns.stream().map(c -> Column.builder().name(c.name()).type(c.type()).build()).toList();
  }
}
