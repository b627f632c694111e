package io.tributary.parquet;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Feeds shaped rows to Parquet's record consumer, with no intermediate object model (no Avro, no Group): the row's
 * values go straight from the {@code Object[]} into the column writers.
 *
 * <p>Rows must be {@link ValueWriter#check checked} by the caller before {@link #write}.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
  /** Recorded by Parquet as {@code writer.model.name}, so a reader of the file can tell who wrote it. */
  static final String MODEL_NAME = "tributary";

  private final MessageType schema;
  private final Map<String, String> metadata;
  private final ValueWriter.StructWriter root;
  private RecordConsumer consumer;

  RowWriteSupport(MessageType schema, Map<String, String> metadata, ValueWriter.StructWriter root) {
    this.schema = schema;
    this.metadata = Map.copyOf(metadata);
    this.root = root;
  }

  /**
   * Required by the abstract class, never called by our writer. Naming Hadoop's {@code Configuration} in a signature
   * loads nothing: the JVM resolves a parameter type only when a call passes one.
   */
  @Override
  public WriteContext init(Configuration configuration) {
    return context();
  }

  /** Overridden because the inherited version converts to a Hadoop {@code Configuration}. */
  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return context();
  }

  private WriteContext context() {
    return new WriteContext(schema, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    consumer.startMessage();
    root.writeFields(consumer, row);
    consumer.endMessage();
  }

  @Override
  public String getName() {
    return MODEL_NAME;
  }
}
