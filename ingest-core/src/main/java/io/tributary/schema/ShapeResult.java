package io.tributary.schema;

/**
 * What the schema layer made of one event: a row of a schema version (as objects, or left in the event's tape), or
 * a refusal under the strict policy.
 */
public sealed interface ShapeResult {

  /**
   * A row ready to encode.
   *
   * @param schema the version the row is shaped for (rows of a version are valid under every later version)
   * @param row the values: see {@link ColumnType} for each type's Java value
   * @param rescuedValues how many values went to {@code _rescued}
   * @param newVersion true when this event made the dataset publish a new version
   * @param waiting true when the row holds values in {@code _rescued} that wait for their column's type: its buffer
   *     must be decided before it is written ({@link DatasetSchemas#decide})
   */
  record Shaped(DatasetSchema schema, Object[] row, int rescuedValues, boolean newVersion, boolean waiting)
      implements ShapeResult {
    /** A row with no value waiting for its type. */
    public Shaped(DatasetSchema schema, Object[] row, int rescuedValues, boolean newVersion) {
      this(schema, row, rescuedValues, newVersion, false);
    }
  }

  /**
   * An event whose every value fits its column as it is: the row is written from the event's tape
   * ({@link FittedRow}), nothing rescued, no version published, nothing waiting.
   *
   * @param schema the version the row fits
   * @param row the tape nodes of the values, valid until the tape is filled again
   */
  record Fitted(DatasetSchema schema, FittedRow row) implements ShapeResult {}

  /**
   * The dataset is strict and the event would change or break its schema: the record belongs in the error prefix
   * with type {@code SCHEMA}.
   *
   * @param reason what did not fit, naming the field by its JSON Pointer
   */
  record Rejected(String reason) implements ShapeResult {}
}
