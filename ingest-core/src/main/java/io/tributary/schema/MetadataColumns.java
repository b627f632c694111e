package io.tributary.schema;

import java.util.List;

/**
 * The columns Tributary adds to every dataset, first in every schema. {@code ColumnNames} never gives a data column
 * one of these names (a field called {@code _rescued} becomes {@code _rescued_}), so they can never collide.
 */
public final class MetadataColumns {
  /** When Tributary took the record in: TIMESTAMP (UTC micros). */
  public static final String INGEST_TIME = "_ingest_time";
  /** The topic or stream the record came from. */
  public static final String SOURCE = "_source";
  /** The partition or shard the record came from. */
  public static final String PARTITION = "_partition";
  /** The offset or sequence number of the record: a string, since Kinesis sequence numbers exceed 64 bits. */
  public static final String OFFSET = "_offset";
  /**
   * Values that did not fit their column, as one JSON object: keys are JSON Pointers (RFC 6901) to the value in the
   * original event, with the original field names; values are the original JSON values. Null when nothing was
   * rescued.
   */
  public static final String RESCUED = "_rescued";

  public static final int INGEST_TIME_INDEX = 0;
  public static final int SOURCE_INDEX = 1;
  public static final int PARTITION_INDEX = 2;
  public static final int OFFSET_INDEX = 3;
  public static final int RESCUED_INDEX = 4;
  /** The number of metadata columns: data columns start at this index of the root struct. */
  public static final int COUNT = 5;

  private static final List<Field> FIELDS = List.of(
      new Field(INGEST_TIME, INGEST_TIME, PrimitiveType.TIMESTAMP),
      new Field(SOURCE, SOURCE, PrimitiveType.STRING),
      new Field(PARTITION, PARTITION, PrimitiveType.STRING),
      new Field(OFFSET, OFFSET, PrimitiveType.STRING),
      new Field(RESCUED, RESCUED, PrimitiveType.STRING));

  private MetadataColumns() {}

  /** The metadata fields, in their fixed order. */
  public static List<Field> fields() {
    return FIELDS;
  }

  /** The root struct of a dataset with no data columns yet. */
  public static StructType emptyRoot() {
    return new StructType(FIELDS);
  }
}
