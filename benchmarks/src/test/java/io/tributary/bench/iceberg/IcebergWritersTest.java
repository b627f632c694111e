package io.tributary.bench.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.bench.EventShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Iceberg writer benchmark compares like with like: on every shape, Tributary's writer and Iceberg's generic
 * writer are given the same rows and produce data files that Iceberg reads back as the same records, described by
 * {@code DataFile}s with the same partition and the same column metrics.
 */
class IcebergWritersTest {
  private static final int ROWS = 500;

  @ParameterizedTest
  @EnumSource(EventShape.class)
  void bothWritersWriteTheSameRecordsWithTheSameDataFileDescription(EventShape shape) {
    IcebergWriters writers = new IcebergWriters(BenchRows.of(shape, ROWS));
    GenericRows converter = new GenericRows(writers.schema());

    IcebergWriters.Written ours = writers.tributary();
    IcebergWriters.Written theirs = writers.iceberg(converter);

    DataFile a = ours.file();
    DataFile b = theirs.file();
    assertThat(a.recordCount()).isEqualTo(ROWS);
    assertThat(b.recordCount()).isEqualTo(ROWS);
    assertThat(a.fileSizeInBytes()).isEqualTo(ours.bytes().length);
    assertThat(b.fileSizeInBytes()).isEqualTo(theirs.bytes().length);
    assertThat(a.partition()).isEqualTo(b.partition());
    assertThat(a.valueCounts()).isEqualTo(b.valueCounts());
    assertThat(a.nullValueCounts()).isEqualTo(b.nullValueCounts());
    assertThat(a.lowerBounds()).isEqualTo(b.lowerBounds());
    assertThat(a.upperBounds()).isEqualTo(b.upperBounds());

    List<Record> read = read(ours.bytes(), writers.schema());
    assertThat(read).hasSize(ROWS).isEqualTo(read(theirs.bytes(), writers.schema()));
    assertThat(read).isEqualTo(writers.records(converter));
    assertThat(writers.tributaryTyped().bytes()).as("the typed path writes the same file").isEqualTo(ours.bytes());
  }

  @Test
  void theNestedRowsHaveAMapAndAListOfStructs() {
    IcebergWriters writers = new IcebergWriters(BenchRows.of(EventShape.NESTED, ROWS));

    Schema schema = writers.schema();
    assertThat(schema.findType(BenchRows.MAP_COLUMN).isMapType()).isTrue();
    assertThat(schema.findType("items").asListType().elementType().isStructType()).isTrue();
    Record first = writers.records(new GenericRows(schema)).get(0);
    assertThat((Map<?, ?>) first.getField(BenchRows.MAP_COLUMN)).hasSizeBetween(2, 5);
    assertThat((List<?>) first.getField("items")).hasSizeBetween(2, 3);
  }

  private static List<Record> read(byte[] bytes, Schema schema) {
    List<Record> out = new ArrayList<>();
    try (CloseableIterable<Record> records = Parquet.read(new InMemoryInputFile(bytes)).project(schema)
        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema)).build()) {
      records.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
