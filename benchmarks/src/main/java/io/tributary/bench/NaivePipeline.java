package io.tributary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.parquet.InMemoryOutputFile;
import io.tributary.parquet.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The pipeline Tributary is compared with: what one writes first with the usual libraries. Each payload is read into
 * a Jackson {@link JsonNode} tree, copied into an Avro {@link GenericRecord} of a fixed schema (derived once from a
 * sample event: no evolution, no rescue), and written with {@link AvroParquetWriter} (Hadoop configuration and
 * codecs, its defaults) to an in-memory file with the same compression, row group and page sizes as Tributary's.
 * One instance per thread.
 */
public final class NaivePipeline {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Schema schema;
  private final WriteOptions options;

  /** A pipeline whose fixed schema is that of {@code sample}. */
  public NaivePipeline(byte[] sample) {
    this(sample, WriteOptions.defaults());
  }

  public NaivePipeline(byte[] sample, WriteOptions options) {
    this.options = options;
    try {
      this.schema = recordSchema("event", mapper.readTree(sample));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixed Avro schema. */
  public Schema schema() {
    return schema;
  }

  /** Lands {@code events} as one Parquet file and returns its bytes. */
  public byte[] land(byte[][] events) {
    InMemoryOutputFile out = new InMemoryOutputFile();
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(out)
        .withSchema(schema)
        .withCompressionCodec(CompressionCodecName.valueOf(options.compression().name()))
        .withRowGroupSize(options.rowGroupBytes())
        .withPageSize(options.pageBytes())
        .withDictionaryPageSize(options.pageBytes())
        .build()) {
      for (byte[] payload : events) {
        writer.write(toRecord(mapper.readTree(payload)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One payload's tree as a record of the fixed schema. */
  public GenericRecord toRecord(JsonNode tree) {
    return (GenericRecord) convert(schema, tree);
  }

  private static Object convert(Schema type, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    Schema t = type.getType() == Schema.Type.UNION ? type.getTypes().get(1) : type;
    switch (t.getType()) {
      case RECORD: {
        GenericData.Record record = new GenericData.Record(t);
        for (Schema.Field field : t.getFields()) {
          record.put(field.pos(), convert(field.schema(), node.get(field.name())));
        }
        return record;
      }
      case ARRAY: {
        List<Object> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
          items.add(convert(t.getElementType(), item));
        }
        return items;
      }
      case LONG:
        return node.asLong();
      case DOUBLE:
        return node.asDouble();
      case BOOLEAN:
        return node.asBoolean();
      default:
        return node.asText();
    }
  }

  private static Schema recordSchema(String name, JsonNode object) {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).fields();
    Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      fields = fields.name(entry.getKey()).type(nullable(typeOf(entry.getKey(), entry.getValue()))).withDefault(null);
    }
    return fields.endRecord();
  }

  private static Schema typeOf(String name, JsonNode value) {
    if (value.isObject()) {
      return recordSchema(name, value);
    }
    if (value.isArray()) {
      return Schema.createArray(nullable(typeOf(name + "_item", value.get(0))));
    }
    if (value.isIntegralNumber()) {
      return Schema.create(Schema.Type.LONG);
    }
    if (value.isNumber()) {
      return Schema.create(Schema.Type.DOUBLE);
    }
    if (value.isBoolean()) {
      return Schema.create(Schema.Type.BOOLEAN);
    }
    return Schema.create(Schema.Type.STRING);
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }
}
