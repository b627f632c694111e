package io.tributary.schema;

/**
 * The type of a column: a closed set, because every reader we promise (Athena, Glue, Spark, Trino, DuckDB) must
 * read every type the same way.
 *
 * <p>Values of each type inside a shaped row:
 * <ul>
 *   <li>{@link PrimitiveType#LONG}: {@code Long}; {@link PrimitiveType#DOUBLE}: {@code Double};
 *       {@link PrimitiveType#BOOLEAN}: {@code Boolean}; {@link PrimitiveType#STRING} and
 *       {@link PrimitiveType#JSON}: {@code String}; {@link PrimitiveType#TIMESTAMP}: {@code Long} microseconds since
 *       the epoch, UTC;</li>
 *   <li>{@link StructType}: {@code Object[]}, element {@code i} the value of field {@code i}; an array shorter than
 *       the field list means null for the missing trailing fields (a row shaped under an earlier version);</li>
 *   <li>{@link ListType}: {@code java.util.List} of element values (elements may be null);</li>
 *   <li>{@link MapType}: {@code java.util.Map<String, ?>} of values (values may be null).</li>
 * </ul>
 * Any value may be null: every column is optional.
 */
public sealed interface ColumnType permits PrimitiveType, StructType, ListType, MapType {

  /** A short, stable name used in schema history files and messages: {@code long}, {@code struct}, ... */
  String typeName();
}
