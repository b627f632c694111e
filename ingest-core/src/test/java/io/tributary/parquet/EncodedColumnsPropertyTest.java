package io.tributary.parquet;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.schema.ColumnType;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.testing.DuckDb;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import org.apache.parquet.format.BoundaryOrder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnOrder;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SizeStatistics;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/**
 * Whatever the schema and the rows, a written file holds exactly the rows written and states the truth about its
 * column chunks and pages, and the trusted buffered path writes it byte for byte as the checked path does.
 *
 * <p>Everything is checked against the Parquet format, not against the encoder: DuckDB reads every row back; the
 * footer, the column and offset indexes and every page header are read as the format's raw Thrift structures and
 * compared with the levels and values shredded here from the input rows (the Dremel encoding spelled out again,
 * independently of {@link ValueWriter}): row counts, value and null counts, min and max of every chunk and page in the
 * column's declared order, level histograms, page boundaries at rows, page offsets and sizes adding up to the chunk's,
 * dictionary and data page headers, encodings. Any encoder that writes correct files passes, whatever its pages look
 * like. Pinned beyond the format are only version 1 data pages (what every reader we promise reads) and exact bounds:
 * a chunk's, and a page's but for text over {@value #TRUNCATED_BOUND_BYTES} bytes, which need only bound its values.
 *
 * <p>Schemas nest structs, lists and maps up to three groups deep over every column type; rows carry nulls at every
 * level, empty and null lists and maps, null elements and map values, short rows and structs, edge numbers, zeros of
 * both signs, non-ASCII text and text long enough for the column index to truncate its bounds. Leaves hold one value,
 * a few, many repeated, all distinct, or a few and then all distinct (a dictionary that overflows mid-file); small
 * pages and row groups make many of both. Each row comes from its own seed, so a shrunk row count keeps a prefix.
 */
class EncodedColumnsPropertyTest {
  /** Groups (structs, lists, maps) nested at most. */
  private static final int MAX_DEPTH = 3;
  /**
   * The length parquet-java truncates text bounds in column indexes to: up to this, a bound must be the value itself
   * (an encoder that cut shorter would prune fewer pages); beyond it, only a bound.
   */
  private static final int TRUNCATED_BOUND_BYTES = 64;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 80)
  void anyRowsReadBackExactlyFromTruthfullyIndexedPagesAndBothPathsWriteTheSameBytes(@ForAll long seed,
      @ForAll("rowCounts") int rows, @ForAll("smallPages") WriteOptions options) throws Exception {
    Case input = Case.generate(seed, rows);

    byte[] checked = writeChecked(input, options);
    byte[] buffered = writeBuffered(input, options);

    Reached reached = assertFaithful(input, options, checked);
    int mismatch = Arrays.mismatch(checked, buffered);
    if (mismatch >= 0) {
      // What the buffered file gets wrong, when the checks see it, says more than where it differs.
      assertFaithful(input, options, buffered);
    }
    assertThat(mismatch).as("first byte where the buffered path's file (%d bytes) differs from the checked path's "
        + "(%d bytes)", buffered.length, checked.length).isEqualTo(-1);
    reached.collect();
  }

  /** Up to 3,000 rows, uniformly: jqwik's default leans to small numbers, and the hard cases need many rows. */
  @Provide
  Arbitrary<Integer> rowCounts() {
    return Arbitraries.integers().between(1, 3_000).withDistribution(RandomDistribution.uniform());
  }

  /** Pages from the smallest allowed to 4 KiB, row groups of 1 to 64 pages: many pages, many row groups. */
  @Provide
  Arbitrary<WriteOptions> smallPages() {
    return Combinators.combine(Arbitraries.of(Compression.class),
        Arbitraries.integers().between(WriteOptions.MIN_PAGE_BYTES, 4_096),
        Arbitraries.integers().between(0, 6).withDistribution(RandomDistribution.uniform()))
        .as((compression, pageBytes, scale) -> new WriteOptions(compression, (long) pageBytes << scale, pageBytes));
  }

  /** The checked path, choosing its dictionaries from the first rows as the buffered path does. */
  private static byte[] writeChecked(Case input, WriteOptions options) throws IOException {
    List<Object[]> rows = input.rows();
    Set<String> plain = DictionaryChoice.plainColumns(input.schema().root(),
        rows.subList(0, Math.min(rows.size(), DictionaryChoice.SAMPLE_ROWS)));
    InMemoryOutputFile out = new InMemoryOutputFile("checked.parquet");
    long length;
    try (ParquetRowWriter writer = ParquetRowWriter.open(out, input.schema(), options, plain)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
      writer.close();
      length = writer.estimatedBytes();
    }
    byte[] bytes = out.toByteArray();
    assertThat(length).as("length of the checked path's file").isEqualTo(bytes.length);
    return bytes;
  }

  private static byte[] writeBuffered(Case input, WriteOptions options) throws IOException {
    InMemoryOutputFile out = new InMemoryOutputFile("buffered.parquet");
    long length = ParquetRowWriter.writeAll(out, BufferedRowsWriteTest.buffer(input.schema(), input.rows()), options);
    byte[] bytes = out.toByteArray();
    assertThat(length).as("length of the buffered path's file").isEqualTo(bytes.length);
    return bytes;
  }

  private static Reached assertFaithful(Case input, WriteOptions options, byte[] file) throws Exception {
    assertReadsBack(input, file);
    return assertTruthfulMetadata(input, options, file);
  }

  // ---- The input: a random schema and rows -------------------------------------------------------------------------

  /** One try's input: a schema, rows for it, and the rows shredded into the slots of its leaf columns. */
  private record Case(DatasetSchema schema, List<Object[]> rows, Shredded shredded) {
    static Case generate(long seed, int rowCount) {
      Random random = new Random(seed);
      StructGen root = StructGen.of(random, 0, "c", 1 + random.nextInt(6), 0);
      List<Object[]> rows = new ArrayList<>(rowCount);
      for (int i = 0; i < rowCount; i++) {
        rows.add((Object[]) root.value(new Random(seed ^ (i + 1) * 0x9E3779B97F4A7C15L), i));
      }
      DatasetSchema schema = new DatasetSchema("encoded", 1, root.type());
      return new Case(schema, rows, Shredded.of(schema.root(), rows));
    }
  }

  /** Makes the values of one column type, row by row. */
  private sealed interface Gen permits LeafGen, StructGen, ListGen, MapGen {
    ColumnType type();

    /** A value of row {@code row}, null included. */
    Object value(Random random, int row);
  }

  /** A column nested in {@code depth} groups: a leaf, or a group while there is depth left. */
  private static Gen gen(Random random, int depth) {
    return switch (depth == MAX_DEPTH ? 0 : random.nextInt(8)) {
      case 5 -> StructGen.of(random, depth + 1, "f", 1 + random.nextInt(4), anyNullPercent(random));
      case 6 -> ListGen.of(random, depth);
      case 7 -> MapGen.of(random, depth);
      default -> LeafGen.of(random, PrimitiveType.values()[random.nextInt(PrimitiveType.values().length)],
          anyNullPercent(random));
    };
  }

  /** Mostly present, sometimes null, now and then always null. */
  private static int anyNullPercent(Random random) {
    return new int[] {0, 0, 0, 0, 5, 5, 5, 30, 30, 100}[random.nextInt(10)];
  }

  private static boolean percent(Random random, int percent) {
    return random.nextInt(100) < percent;
  }

  /**
   * A leaf: values from a pool up to row {@code switchRow}, distinct values from then on. A pool of one makes a
   * constant column; a small pool keeps a dictionary; a large one, or a switch past the first rows, makes a dictionary
   * chosen on the first rows overflow mid-file; no pool at all makes distinct values, written plain from the start.
   */
  private record LeafGen(PrimitiveType type, int nullPercent, List<Object> pool, int switchRow) implements Gen {
    static LeafGen of(Random random, PrimitiveType type, int nullPercent) {
      int mode = random.nextInt(4);
      int switchRow = switch (mode) {
        case 0, 1 -> Integer.MAX_VALUE;
        case 2 -> 0;
        default -> 500 + random.nextInt(1_000);
      };
      int poolSize = switch (mode) {
        case 1 -> 100 + random.nextInt(350);
        case 2 -> 0;
        default -> random.nextInt(3) == 0 ? 1 : 2 + random.nextInt(11);
      };
      List<Object> pool = new ArrayList<>();
      for (int i = 0; i < poolSize; i++) {
        pool.add(any(random, type));
      }
      return new LeafGen(type, nullPercent, pool, switchRow);
    }

    @Override
    public Object value(Random random, int row) {
      if (percent(random, nullPercent)) {
        return null;
      }
      return row < switchRow ? pool.get(random.nextInt(pool.size())) : any(random, type);
    }
  }

  /** A struct, or the row itself; {@code shortPercent} of its values are shorter than its fields. */
  private record StructGen(StructType type, List<Gen> fields, int nullPercent, int shortPercent) implements Gen {
    /** A struct of {@code width} fields named {@code prefix} and a number, nested in {@code depth} groups. */
    static StructGen of(Random random, int depth, String prefix, int width, int nullPercent) {
      List<Gen> fields = new ArrayList<>();
      List<Field> types = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        Gen field = gen(random, depth);
        fields.add(field);
        types.add(Rows.field(prefix + i, field.type()));
      }
      return new StructGen(new StructType(types), fields, nullPercent, new int[] {0, 0, 10, 50}[random.nextInt(4)]);
    }

    @Override
    public Object value(Random random, int row) {
      if (percent(random, nullPercent)) {
        return null;
      }
      Object[] values = new Object[percent(random, shortPercent) ? random.nextInt(fields.size()) : fields.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = fields.get(i).value(random, row);
      }
      return values;
    }
  }

  private record ListGen(ListType type, Gen element, int nullPercent, int emptyPercent, int maxSize)
      implements Gen {
    static ListGen of(Random random, int depth) {
      Gen element = gen(random, depth + 1);
      return new ListGen(new ListType(element.type()), element, anyNullPercent(random), anyEmptyPercent(random),
          1 + random.nextInt(depth == 0 ? 6 : 3));
    }

    @Override
    public Object value(Random random, int row) {
      if (percent(random, nullPercent)) {
        return null;
      }
      if (percent(random, emptyPercent)) {
        return List.of();
      }
      List<Object> items = new ArrayList<>();
      for (int i = 1 + random.nextInt(maxSize); i > 0; i--) {
        items.add(element.value(random, row));
      }
      return items;
    }
  }

  private record MapGen(MapType type, LeafGen key, Gen mapValue, int nullPercent, int emptyPercent, int maxSize)
      implements Gen {
    static MapGen of(Random random, int depth) {
      Gen mapValue = gen(random, depth + 1);
      return new MapGen(new MapType(mapValue.type()), LeafGen.of(random, PrimitiveType.STRING, 0), mapValue,
          anyNullPercent(random), anyEmptyPercent(random), 1 + random.nextInt(depth == 0 ? 6 : 3));
    }

    @Override
    public Object value(Random random, int row) {
      if (percent(random, nullPercent)) {
        return null;
      }
      if (percent(random, emptyPercent)) {
        return Map.of();
      }
      Map<String, Object> entries = new LinkedHashMap<>();
      for (int i = 1 + random.nextInt(maxSize); i > 0; i--) {
        String entryKey = (String) key.value(random, row);
        Object entryValue = mapValue.value(random, row);
        if (!entries.containsKey(entryKey)) {
          entries.put(entryKey, entryValue);
        }
      }
      return entries;
    }
  }

  private static int anyEmptyPercent(Random random) {
    return new int[] {0, 10, 30, 100}[random.nextInt(4)];
  }

  private static final long[] EDGE_LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1,
      Long.MAX_VALUE};
  private static final double[] EDGE_DOUBLES = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
      -Double.MAX_VALUE, 0.1 + 0.2, -1.0, 1e-300};
  /** Code points of one to four UTF-8 bytes, the highest one, and characters that JSON and SQL escape. */
  private static final int[] CODE_POINTS = {' ', '"', '\\', '\'', '\n', 0, 0x7F, 0xE9, 0xDF, 0xFF, 0x416, 0x20AC,
      0x6771, 0x4EAC, 0x1F600, 0x10FFFF};
  /** 63 ASCII bytes then a two-byte character: strings equal in their first 64 bytes, a cut there splits one. */
  private static final String LONG_PREFIX = "p".repeat(63) + "é東京";

  private static Object any(Random random, PrimitiveType type) {
    return switch (type) {
      case LONG, TIMESTAMP -> switch (random.nextInt(4)) {
        case 0 -> EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
        case 1 -> random.nextInt(2_001) - 1_000L;
        default -> random.nextLong();
      };
      case DOUBLE -> switch (random.nextInt(5)) {
        case 0 -> EDGE_DOUBLES[random.nextInt(EDGE_DOUBLES.length)];
        case 1 -> random.nextInt(2_001) / 8.0 - 125;
        case 2 -> {
          double bits = Double.longBitsToDouble(random.nextLong());
          yield Double.isFinite(bits) ? bits : random.nextGaussian();
        }
        default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(41) - 20);
      };
      case BOOLEAN -> random.nextBoolean();
      case STRING, JSON -> switch (random.nextInt(8)) {
        case 0 -> "";
        case 1 -> LONG_PREFIX + text(random, random.nextInt(6));
        case 2, 3 -> text(random, 30 + random.nextInt(150));
        default -> text(random, 1 + random.nextInt(12));
      };
    };
  }

  private static String text(Random random, int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(random.nextInt(3) > 0 ? 'a' + random.nextInt(26)
          : CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
    }
    return text.toString();
  }

  // ---- The reference: leaves, slots and what the file must say about them -----------------------------------------

  /** A leaf column as the Parquet schema lays it out: dotted path, type and maximum levels. */
  private record Leaf(String path, PrimitiveType type, int maxD, int maxR) {}

  /** One slot of a leaf column: its levels and, when defined down to the leaf, its value (UTF-8 bytes for text). */
  private record Slot(int r, int d, Object value) {}

  /** The input's slots, leaf by leaf, with where each row's slots start. */
  private record Shredded(List<Leaf> leaves, List<List<Slot>> slots, int[][] rowStarts) {
    static Shredded of(StructType root, List<Object[]> rows) {
      List<Leaf> leaves = new ArrayList<>();
      for (Field field : root.fields()) {
        addLeaves(field.type(), field.name(), 0, 0, leaves);
      }
      List<List<Slot>> slots = new ArrayList<>();
      int[][] rowStarts = new int[leaves.size()][rows.size() + 1];
      for (int leaf = 0; leaf < leaves.size(); leaf++) {
        slots.add(new ArrayList<>());
      }
      for (int row = 0; row <= rows.size(); row++) {
        for (int leaf = 0; leaf < leaves.size(); leaf++) {
          rowStarts[leaf][row] = slots.get(leaf).size();
        }
        if (row < rows.size()) {
          shred(root, rows.get(row), 0, -1, 0, slots, 0);
        }
      }
      return new Shredded(leaves, slots, rowStarts);
    }

    /** The slots of leaf {@code leaf} for rows {@code from} (inclusive) to {@code to} (exclusive). */
    List<Slot> slots(int leaf, long from, long to) {
      return slots.get(leaf).subList(rowStarts[leaf][(int) from], rowStarts[leaf][(int) to]);
    }
  }

  /**
   * Adds the leaves of {@code type}, an optional field called {@code path} whose parent is defined at level
   * {@code d} inside {@code r} repeated groups, as {@link ParquetSchemas} lays them out.
   */
  private static void addLeaves(ColumnType type, String path, int d, int r, List<Leaf> out) {
    if (type instanceof PrimitiveType primitive) {
      out.add(new Leaf(path, primitive, d + 1, r));
    } else if (type instanceof StructType struct) {
      for (Field field : struct.fields()) {
        addLeaves(field.type(), path + "." + field.name(), d + 1, r, out);
      }
    } else if (type instanceof ListType list) {
      addLeaves(list.element(), path + ".list.element", d + 2, r + 1, out);
    } else {
      out.add(new Leaf(path + ".key_value.key", PrimitiveType.STRING, d + 2, r + 1));
      addLeaves(((MapType) type).value(), path + ".key_value.value", d + 2, r + 1, out);
    }
  }

  /**
   * Adds the slots of {@code value} of {@code type} to its leaves, the first being {@code leaf}: the Dremel encoding,
   * with {@code r} the repetition level of its first slot, {@code d} the level its parent is defined at (-1 for the
   * row, the message) and {@code depth} the repeated groups around it. Returns the leaf after the type's.
   */
  private static int shred(ColumnType type, Object value, int r, int d, int depth, List<List<Slot>> slots,
      int leaf) {
    if (value == null) {
      return nulls(type, r, d, slots, leaf);
    }
    if (type instanceof PrimitiveType primitive) {
      slots.get(leaf).add(new Slot(r, d + 1, value instanceof String s ? s.getBytes(UTF_8) : value));
      return leaf + 1;
    }
    if (type instanceof StructType struct) {
      Object[] values = (Object[]) value;
      int next = leaf;
      for (int i = 0; i < struct.fields().size(); i++) {
        next = shred(struct.fields().get(i).type(), i < values.length ? values[i] : null, r, d + 1, depth, slots,
            next);
      }
      return next;
    }
    if (type instanceof ListType list) {
      List<?> items = (List<?>) value;
      if (items.isEmpty()) {
        return nulls(type, r, d + 1, slots, leaf);
      }
      int next = leaf;
      for (int i = 0; i < items.size(); i++) {
        next = shred(list.element(), items.get(i), i == 0 ? r : depth + 1, d + 2, depth + 1, slots, leaf);
      }
      return next;
    }
    Map<?, ?> entries = (Map<?, ?>) value;
    if (entries.isEmpty()) {
      return nulls(type, r, d + 1, slots, leaf);
    }
    int next = leaf;
    int at = r;
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      slots.get(leaf).add(new Slot(at, d + 2, ((String) entry.getKey()).getBytes(UTF_8)));
      next = shred(((MapType) type).value(), entry.getValue(), at, d + 2, depth + 1, slots, leaf + 1);
      at = depth + 1;
    }
    return next;
  }

  /** Adds an undefined slot at levels {@code r} and {@code d} to every leaf of {@code type}. */
  private static int nulls(ColumnType type, int r, int d, List<List<Slot>> slots, int leaf) {
    int end = leaf + leafCount(type);
    for (int i = leaf; i < end; i++) {
      slots.get(i).add(new Slot(r, d, null));
    }
    return end;
  }

  private static int leafCount(ColumnType type) {
    if (type instanceof StructType struct) {
      return struct.fields().stream().mapToInt(field -> leafCount(field.type())).sum();
    } else if (type instanceof ListType list) {
      return leafCount(list.element());
    } else if (type instanceof MapType map) {
      return 1 + leafCount(map.value());
    }
    return 1;
  }

  /**
   * What a run of a leaf's slots holds, as a file must state it: slots, nulls, bounds (and those of the deprecated
   * statistics' order), level histograms, text bytes, distinct values.
   */
  private record Summary(long values, long nulls, Object min, Object max, Object legacyMin, Object legacyMax,
      List<Long> definitionLevels, List<Long> repetitionLevels, long textBytes, int distinct) {
    static Summary of(Leaf leaf, List<Slot> slots) {
      Comparator<Object> order = valueOrder(leaf.type());
      Comparator<Object> legacy = legacyOrder(leaf.type());
      long nulls = 0;
      long textBytes = 0;
      Object min = null;
      Object max = null;
      Object legacyMin = null;
      Object legacyMax = null;
      long[] definitionLevels = new long[leaf.maxD() + 1];
      long[] repetitionLevels = new long[leaf.maxR() + 1];
      Set<Object> distinct = new HashSet<>();
      for (Slot slot : slots) {
        definitionLevels[slot.d()]++;
        repetitionLevels[slot.r()]++;
        Object value = slot.value();
        if (value == null) {
          nulls++;
          continue;
        }
        min = min == null || order.compare(value, min) < 0 ? value : min;
        max = max == null || order.compare(value, max) > 0 ? value : max;
        legacyMin = legacyMin == null || legacy.compare(value, legacyMin) < 0 ? value : legacyMin;
        legacyMax = legacyMax == null || legacy.compare(value, legacyMax) > 0 ? value : legacyMax;
        if (value instanceof byte[] bytes) {
          textBytes += bytes.length;
          distinct.add(ByteBuffer.wrap(bytes));
        } else {
          distinct.add(value instanceof Double x ? (Object) Double.doubleToRawLongBits(x) : value);
        }
      }
      return new Summary(slots.size(), nulls, min, max, legacyMin, legacyMax,
          LongStream.of(definitionLevels).boxed().toList(), LongStream.of(repetitionLevels).boxed().toList(),
          textBytes, distinct.size());
    }
  }

  /** The order of values: signed for integers, false before true, unsigned bytes for text, IEEE 754 total order. */
  private static Comparator<Object> valueOrder(PrimitiveType type) {
    return switch (type) {
      case LONG, TIMESTAMP -> Comparator.comparingLong(value -> (Long) value);
      case DOUBLE -> Comparator.comparingDouble(value -> (Double) value);
      case BOOLEAN -> Comparator.comparing(value -> (Boolean) value);
      case STRING, JSON -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    };
  }

  /**
   * The order a column's bounds are held to, as the column order the footer gives it defines: the values' own, but for
   * a double under the type-defined order, whose zero bound may be either sign (the format asks writers for -0.0 as a
   * min and +0.0 as a max, and has readers take a zero bound of either sign for both, since older writers did not).
   * IEEE 754 total order, which parquet-java declares for doubles, tells -0.0 from +0.0.
   */
  private static Comparator<Object> boundOrder(PrimitiveType type, ColumnOrder columnOrder) {
    return type == PrimitiveType.DOUBLE && columnOrder.isSetTYPE_ORDER()
        ? Comparator.comparingDouble(value -> (Double) value + 0.0) : valueOrder(type);
  }

  /** The order of the deprecated min and max: signed comparison, of bytes for text, of the value for doubles. */
  private static Comparator<Object> legacyOrder(PrimitiveType type) {
    return switch (type) {
      case DOUBLE -> Comparator.comparingDouble(value -> (Double) value + 0.0);
      case STRING, JSON -> (a, b) -> Arrays.compare((byte[]) a, (byte[]) b);
      default -> valueOrder(type);
    };
  }

  /** A bound as the format writes it: plain encoding, without a length for text. */
  private static Object decode(String what, PrimitiveType type, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case LONG, TIMESTAMP, DOUBLE -> {
        assertThat(bytes).as("%s: bytes of an 8-byte bound", what).hasSize(8);
        yield type == PrimitiveType.DOUBLE ? (Object) buffer.getDouble() : (Object) buffer.getLong();
      }
      case BOOLEAN -> {
        assertThat(bytes).as("%s: bytes of a boolean bound", what).hasSize(1);
        yield bytes[0] != 0;
      }
      case STRING, JSON -> bytes;
    };
  }

  private static Type physicalType(PrimitiveType type) {
    return switch (type) {
      case LONG, TIMESTAMP -> Type.INT64;
      case DOUBLE -> Type.DOUBLE;
      case BOOLEAN -> Type.BOOLEAN;
      case STRING, JSON -> Type.BYTE_ARRAY;
    };
  }

  private static String show(Object value) {
    return value instanceof byte[] bytes ? TextNode.valueOf(new String(bytes, UTF_8)) + " (" + bytes.length
        + " bytes)" : String.valueOf(value);
  }

  /** How a written bound must relate to the values' own. */
  private enum Bound {
    EXACT, LOWER, UPPER;

    void assertHolds(String what, Comparator<Object> order, Object written, Object values) {
      int c = order.compare(written, values);
      boolean holds = this == EXACT ? c == 0 : this == LOWER ? c <= 0 : c >= 0;
      assertThat(holds).as("%s: written %s, but the values' is %s", what, show(written), show(values)).isTrue();
    }
  }

  // ---- The file's own account of itself ----------------------------------------------------------------------------

  /** The hard cases a file reached; required of the tries, so that the generator cannot quietly stop reaching them. */
  private static final class Reached {
    boolean severalRowGroups;
    boolean manyPages;
    boolean dictionaryFallback;
    boolean truncatedBound;
    boolean nullPage;

    void collect() {
      require("several row groups", severalRowGroups);
      require("a chunk of 5 pages or more", manyPages);
      require("a dictionary falling back to plain mid-chunk", dictionaryFallback);
      require("a truncated text bound in a column index", truncatedBound);
      require("an all-null page", nullPage);
    }

    private static void require(String label, boolean reached) {
      Statistics.label(label).collect(reached).coverage(coverage -> coverage.check(true).count(n -> n >= 1));
    }
  }

  private static Reached assertTruthfulMetadata(Case input, WriteOptions options, byte[] file) throws IOException {
    assertThat(new String(file, 0, 4, US_ASCII) + new String(file, file.length - 4, 4, US_ASCII))
        .as("magic at both ends").isEqualTo("PAR1PAR1");
    int footerLength = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - footerLength,
        footerLength));
    Shredded shredded = input.shredded();
    Reached reached = new Reached();
    assertThat(footer.getNum_rows()).as("rows in the footer").isEqualTo(input.rows().size());
    assertThat(footer.getColumn_orders()).as("column orders, without which bounds mean nothing")
        .hasSameSizeAs(shredded.leaves());
    reached.severalRowGroups = footer.getRow_groupsSize() > 1;
    long firstRow = 0;
    for (int g = 0; g < footer.getRow_groupsSize(); g++) {
      RowGroup group = footer.getRow_groups().get(g);
      assertThat(group.getNum_rows()).as("rows of row group %d", g).isPositive();
      assertThat(group.getColumns()).as("column chunks of row group %d", g).hasSameSizeAs(shredded.leaves());
      for (int leaf = 0; leaf < shredded.leaves().size(); leaf++) {
        Leaf column = shredded.leaves().get(leaf);
        Chunk chunk = new Chunk("row group " + g + " column " + column.path(), file, group.getColumns().get(leaf),
            column, boundOrder(column, footer.getColumn_orders().get(leaf)), shredded, leaf, firstRow,
            group.getNum_rows());
        chunk.assertTruthful(options.compression(), reached);
      }
      assertSizes(g, group);
      firstRow += group.getNum_rows();
    }
    assertThat(firstRow).as("rows of all row groups").isEqualTo(input.rows().size());
    return reached;
  }

  /** The order of {@code leaf}'s bounds: the type-defined order, or for a double IEEE 754 total order. */
  private static Comparator<Object> boundOrder(Leaf leaf, ColumnOrder columnOrder) {
    assertThat(columnOrder.isSetTYPE_ORDER() || leaf.type() == PrimitiveType.DOUBLE
        && columnOrder.isSetIEEE_754_TOTAL_ORDER()).as("column order of %s: %s", leaf.path(), columnOrder).isTrue();
    return boundOrder(leaf.type(), columnOrder);
  }

  /** The row group's sizes add up from its chunks'. */
  private static void assertSizes(int g, RowGroup group) {
    List<ColumnMetaData> chunks = group.getColumns().stream().map(ColumnChunk::getMeta_data).toList();
    assertThat(group.getTotal_byte_size()).as("uncompressed bytes of row group %d", g)
        .isEqualTo(chunks.stream().mapToLong(ColumnMetaData::getTotal_uncompressed_size).sum());
    if (group.isSetTotal_compressed_size()) {
      assertThat(group.getTotal_compressed_size()).as("compressed bytes of row group %d", g)
          .isEqualTo(chunks.stream().mapToLong(ColumnMetaData::getTotal_compressed_size).sum());
    }
    if (group.isSetOrdinal()) {
      assertThat(group.getOrdinal()).as("ordinal of row group %d", g).isEqualTo((short) g);
    }
  }

  /** A page header where a page starts, with the header's own length. */
  private record Page(PageHeader header, int headerBytes) {
    static Page at(byte[] file, long offset) throws IOException {
      ByteArrayInputStream in = new ByteArrayInputStream(file, (int) offset, file.length - (int) offset);
      int available = in.available();
      PageHeader header = Util.readPageHeader(in);
      return new Page(header, available - in.available());
    }

    long bytes() {
      return headerBytes + header.getCompressed_page_size();
    }

    long uncompressedBytes() {
      return headerBytes + header.getUncompressed_page_size();
    }
  }

  /** One column chunk of the file and the input rows it must hold. */
  private record Chunk(String where, byte[] file, ColumnChunk chunk, Leaf leaf, Comparator<Object> order,
      Shredded shredded, int leafIndex, long firstRow, long rows) {

    void assertTruthful(Compression compression, Reached reached) throws IOException {
      ColumnMetaData meta = chunk.getMeta_data();
      assertThat(String.join(".", meta.getPath_in_schema())).as("%s: path", where).isEqualTo(leaf.path());
      assertThat(meta.getType()).as("%s: physical type", where).isEqualTo(physicalType(leaf.type()));
      assertThat(meta.getCodec().name()).as("%s: codec", where).isEqualTo(compression.codecName().name());
      Summary expected = Summary.of(leaf, shredded.slots(leafIndex, firstRow, firstRow + rows));
      assertThat(meta.getNum_values()).as("%s: values (slots, nulls included)", where).isEqualTo(expected.values());
      assertStatistics(where + " statistics", meta.getStatistics(), expected);
      assertSizeStatistics(meta.getSize_statistics(), expected);

      assertThat(chunk.isSetOffset_index_offset() && chunk.isSetColumn_index_offset())
          .as("%s: has an offset index and a column index", where).isTrue();
      OffsetIndex offsets = Util.readOffsetIndex(new ByteArrayInputStream(file, (int) chunk.getOffset_index_offset(),
          chunk.getOffset_index_length()));
      ColumnIndex index = Util.readColumnIndex(new ByteArrayInputStream(file, (int) chunk.getColumn_index_offset(),
          chunk.getColumn_index_length()));
      List<Summary> pages = pages(offsets.getPage_locations());
      reached.manyPages |= pages.size() >= 5;
      if (offsets.isSetUnencoded_byte_array_data_bytes()) {
        assertThat(offsets.getUnencoded_byte_array_data_bytes()).as("%s: text bytes of the pages", where)
            .isEqualTo(pages.stream().map(Summary::textBytes).toList());
      }
      assertColumnIndex(index, pages, reached);
      reached.dictionaryFallback |= assertPageLayout(meta, offsets.getPage_locations(), pages, expected);
    }

    void assertStatistics(String what, org.apache.parquet.format.Statistics statistics, Summary expected) {
      assertThat(statistics).as("%s", what).isNotNull();
      assertThat(statistics.isSetNull_count()).as("%s: null count set", what).isTrue();
      assertThat(statistics.getNull_count()).as("%s: null count", what).isEqualTo(expected.nulls());
      if (expected.min() == null) {
        assertThat(statistics.isSetMin_value() || statistics.isSetMax_value()).as("%s: bounds of no values", what)
            .isFalse();
      } else {
        assertThat(statistics.isSetMin_value() && statistics.isSetMax_value()).as("%s: bounds set", what).isTrue();
        Bound.EXACT.assertHolds(what + " min", order, decode(what, leaf.type(), statistics.getMin_value()),
            expected.min());
        Bound.EXACT.assertHolds(what + " max", order, decode(what, leaf.type(), statistics.getMax_value()),
            expected.max());
      }
      if (statistics.isSetMin() || statistics.isSetMax()) {
        Comparator<Object> legacy = legacyOrder(leaf.type());
        Bound.EXACT.assertHolds(what + " deprecated min", legacy, decode(what, leaf.type(), statistics.getMin()),
            expected.legacyMin());
        Bound.EXACT.assertHolds(what + " deprecated max", legacy, decode(what, leaf.type(), statistics.getMax()),
            expected.legacyMax());
      }
      if (leaf.type() == PrimitiveType.DOUBLE) {
        assertThat(statistics.isSetNan_count()).as("%s: NaN count, which the format requires of doubles", what)
            .isTrue();
      }
      if (statistics.isSetNan_count()) {
        assertThat(statistics.getNan_count()).as("%s: NaN count", what).isZero();
      }
    }

    void assertSizeStatistics(SizeStatistics size, Summary expected) {
      if (size == null) {
        return;
      }
      if (size.isSetUnencoded_byte_array_data_bytes()) {
        assertThat(size.getUnencoded_byte_array_data_bytes()).as("%s: text bytes", where)
            .isEqualTo(expected.textBytes());
      }
      if (size.isSetDefinition_level_histogram()) {
        assertThat(size.getDefinition_level_histogram()).as("%s: definition levels", where)
            .isEqualTo(expected.definitionLevels());
      }
      if (size.isSetRepetition_level_histogram()) {
        assertThat(size.getRepetition_level_histogram()).as("%s: repetition levels", where)
            .isEqualTo(expected.repetitionLevels());
      }
    }

    /** The input's slots of each page, pages being the rows from one first row index to the next. */
    List<Summary> pages(List<PageLocation> locations) {
      assertThat(locations).as("%s: pages in the offset index", where).isNotEmpty();
      assertThat(locations.get(0).getFirst_row_index()).as("%s: first row of the first page", where).isZero();
      List<Summary> pages = new ArrayList<>();
      for (int p = 0; p < locations.size(); p++) {
        long from = locations.get(p).getFirst_row_index();
        long to = p + 1 < locations.size() ? locations.get(p + 1).getFirst_row_index() : rows;
        assertThat(from).as("%s page %d: first row, before the next page's and the row group's end", where, p)
            .isLessThan(to);
        pages.add(Summary.of(leaf, shredded.slots(leafIndex, firstRow + from, firstRow + to)));
      }
      return pages;
    }

    void assertColumnIndex(ColumnIndex index, List<Summary> pages, Reached reached) {
      int count = pages.size();
      assertThat(List.of(index.getNull_pagesSize(), index.getMin_valuesSize(), index.getMax_valuesSize()))
          .as("%s: column index entries (null pages, mins, maxes) for %d pages", where, count)
          .containsOnly(count);
      if (index.isSetNull_counts()) {
        assertThat(index.getNull_counts()).as("%s: null counts of the pages", where)
            .isEqualTo(pages.stream().map(Summary::nulls).toList());
      }
      if (index.isSetDefinition_level_histograms()) {
        assertThat(index.getDefinition_level_histograms()).as("%s: definition levels of the pages", where)
            .isEqualTo(pages.stream().flatMap(page -> page.definitionLevels().stream()).toList());
      }
      if (index.isSetRepetition_level_histograms()) {
        assertThat(index.getRepetition_level_histograms()).as("%s: repetition levels of the pages", where)
            .isEqualTo(pages.stream().flatMap(page -> page.repetitionLevels().stream()).toList());
      }
      if (index.isSetNan_counts()) {
        assertThat(index.getNan_counts()).as("%s: NaN counts of the pages", where).containsOnly(0L);
      }
      List<Object> mins = new ArrayList<>();
      List<Object> maxes = new ArrayList<>();
      for (int p = 0; p < count; p++) {
        String page = where + " page " + p;
        Summary expected = pages.get(p);
        byte[] min = bytes(index.getMin_values().get(p));
        byte[] max = bytes(index.getMax_values().get(p));
        assertThat(index.getNull_pages().get(p)).as("%s: null page flag", page).isEqualTo(expected.min() == null);
        if (expected.min() == null) {
          reached.nullPage = true;
          assertThat(min).as("%s: min of a null page", page).isEmpty();
          assertThat(max).as("%s: max of a null page", page).isEmpty();
          continue;
        }
        mins.add(decode(page, leaf.type(), min));
        maxes.add(decode(page, leaf.type(), max));
        pageBound(expected.min(), Bound.LOWER, reached).assertHolds(page + " min", order, mins.get(mins.size() - 1),
            expected.min());
        pageBound(expected.max(), Bound.UPPER, reached).assertHolds(page + " max", order,
            maxes.get(maxes.size() - 1), expected.max());
      }
      assertBoundaryOrder(index.getBoundary_order(), mins, maxes);
    }

    /** Exact, but for text longer than a truncated bound, which need only bound the page's values. */
    private static Bound pageBound(Object value, Bound truncated, Reached reached) {
      if (value instanceof byte[] bytes && bytes.length > TRUNCATED_BOUND_BYTES) {
        reached.truncatedBound = true;
        return truncated;
      }
      return Bound.EXACT;
    }

    void assertBoundaryOrder(BoundaryOrder boundaryOrder, List<Object> mins, List<Object> maxes) {
      assertThat(boundaryOrder).as("%s: boundary order", where).isNotNull();
      if (boundaryOrder == BoundaryOrder.UNORDERED) {
        return;
      }
      int sign = boundaryOrder == BoundaryOrder.ASCENDING ? 1 : -1;
      for (int p = 1; p < mins.size(); p++) {
        assertThat(sign * order.compare(mins.get(p), mins.get(p - 1)) >= 0
            && sign * order.compare(maxes.get(p), maxes.get(p - 1)) >= 0)
            .as("%s: bounds of the %dth non-null page (%s..%s) follow the previous (%s..%s) in %s order", where, p,
                show(mins.get(p)), show(maxes.get(p)), show(mins.get(p - 1)), show(maxes.get(p - 1)), boundaryOrder)
            .isTrue();
      }
    }

    /**
     * Walks the chunk's pages as the offset index places them: an optional dictionary page, then data pages one after
     * the other, adding up to the chunk's sizes, each holding its rows' slots. Returns whether a dictionary fell back
     * to plain within the chunk.
     */
    boolean assertPageLayout(ColumnMetaData meta, List<PageLocation> locations, List<Summary> pages,
        Summary expected) throws IOException {
      long start = meta.isSetDictionary_page_offset() ? meta.getDictionary_page_offset() : meta.getData_page_offset();
      long at = start;
      List<PageHeader> headers = new ArrayList<>();
      long uncompressed = 0;
      if (meta.isSetDictionary_page_offset()) {
        Page page = Page.at(file, at);
        assertThat(page.header().getType()).as("%s: page at the dictionary offset", where)
            .isEqualTo(PageType.DICTIONARY_PAGE);
        assertThat(page.header().getDictionary_page_header().getNum_values())
            .as("%s: dictionary entries, for %d distinct values", where, expected.distinct())
            .isBetween(1, expected.distinct());
        headers.add(page.header());
        at += page.bytes();
        uncompressed += page.uncompressedBytes();
      }
      assertThat(meta.getData_page_offset()).as("%s: data page offset, after any dictionary page", where)
          .isEqualTo(at);
      for (int p = 0; p < locations.size(); p++) {
        assertThat(locations.get(p).getOffset()).as("%s page %d: offset, where the previous page ends", where, p)
            .isEqualTo(at);
        Page page = Page.at(file, at);
        assertDataPage(where + " page " + p, page, locations.get(p), pages.get(p), meta.isSetDictionary_page_offset());
        headers.add(page.header());
        at += page.bytes();
        uncompressed += page.uncompressedBytes();
      }
      assertThat(at - start).as("%s: compressed size (headers included)", where)
          .isEqualTo(meta.getTotal_compressed_size());
      assertThat(uncompressed).as("%s: uncompressed size (headers included)", where)
          .isEqualTo(meta.getTotal_uncompressed_size());
      assertEncodings(meta, headers);
      List<Boolean> dictionaryEncoded = headers.stream().filter(header -> header.getType() == PageType.DATA_PAGE)
          .map(header -> isDictionary(header.getData_page_header().getEncoding())).distinct().toList();
      return dictionaryEncoded.size() == 2;
    }

    void assertDataPage(String page, Page data, PageLocation location, Summary expected, boolean hasDictionary) {
      assertThat(data.header().getType()).as("%s: type (version 1 data pages, which every reader we promise reads)",
          page).isEqualTo(PageType.DATA_PAGE);
      assertThat(data.bytes()).as("%s: size with header", page).isEqualTo(location.getCompressed_page_size());
      DataPageHeader header = data.header().getData_page_header();
      assertThat((long) header.getNum_values()).as("%s: values (slots, nulls included)", page)
          .isEqualTo(expected.values());
      if (header.isSetStatistics()) {
        assertStatistics(page + " header statistics", header.getStatistics(), expected);
      }
      assertThat(!isDictionary(header.getEncoding()) || hasDictionary)
          .as("%s: dictionary-encoded page in a chunk without a dictionary", page).isTrue();
    }

    /** The chunk's encodings include every one its pages use; its encoding stats, if any, count its pages. */
    void assertEncodings(ColumnMetaData meta, List<PageHeader> headers) {
      Set<Encoding> used = EnumSet.noneOf(Encoding.class);
      Map<String, Integer> counted = new TreeMap<>();
      for (PageHeader header : headers) {
        Encoding encoding;
        if (header.getType() == PageType.DICTIONARY_PAGE) {
          encoding = header.getDictionary_page_header().getEncoding();
        } else {
          encoding = header.getData_page_header().getEncoding();
          used.add(header.getData_page_header().getDefinition_level_encoding());
          if (leaf.maxR() > 0) {
            used.add(header.getData_page_header().getRepetition_level_encoding());
          }
        }
        used.add(encoding);
        counted.merge(header.getType() + " " + encoding, 1, Integer::sum);
      }
      assertThat(meta.getEncodings()).as("%s: encodings", where).containsAll(used);
      if (meta.isSetEncoding_stats()) {
        Map<String, Integer> stated = new TreeMap<>();
        for (PageEncodingStats stats : meta.getEncoding_stats()) {
          stated.merge(stats.getPage_type() + " " + stats.getEncoding(), stats.getCount(), Integer::sum);
        }
        assertThat(stated).as("%s: encoding stats", where).isEqualTo(counted);
      }
    }
  }

  private static boolean isDictionary(Encoding encoding) {
    return encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  // ---- The values, as DuckDB reads them ----------------------------------------------------------------------------

  private static void assertReadsBack(Case input, byte[] file) throws Exception {
    StructType root = input.schema().root();
    Path path = Files.createTempFile("encoded-columns", ".parquet");
    try (DuckDb duck = DuckDb.open()) {
      Files.write(path, file);
      List<List<Object>> read = duck.rows("SELECT to_json(" + exactStruct(root, "", 0) + ")::VARCHAR FROM "
          + "read_parquet(" + DuckDb.literal(path) + ", file_row_number = true) ORDER BY file_row_number");
      assertThat(read).as("rows DuckDB reads").hasSameSizeAs(input.rows());
      for (int i = 0; i < read.size(); i++) {
        Object back = fromJson(root, JSON.readTree((String) read.get(i).get(0)));
        assertThat(canonical(root, back)).as("row %d as DuckDB reads it", i)
            .isEqualTo(canonical(root, input.rows().get(i)));
      }
    } finally {
      Files.delete(path);
    }
  }

  /**
   * A DuckDB expression for {@code column}, of {@code type}, that {@code to_json} renders exactly: timestamps as their
   * microseconds, the extreme ones included, which DuckDB reads as infinite timestamps without an epoch.
   */
  private static String exact(ColumnType type, String column, int depth) {
    if (!holdsTimestamps(type)) {
      return column;
    }
    if (type == PrimitiveType.TIMESTAMP) {
      return "CASE WHEN " + column + " = 'infinity'::TIMESTAMPTZ THEN " + Long.MAX_VALUE + " WHEN " + column
          + " = '-infinity'::TIMESTAMPTZ THEN " + -Long.MAX_VALUE + " ELSE epoch_us(" + column + ") END";
    }
    if (type instanceof StructType struct) {
      return "CASE WHEN " + column + " IS NULL THEN NULL ELSE " + exactStruct(struct, column + ".", depth) + " END";
    }
    String e = "e" + depth;
    if (type instanceof ListType list) {
      return "list_transform(" + column + ", " + e + " -> " + exact(list.element(), e, depth + 1) + ")";
    }
    return "map_from_entries(list_transform(map_entries(" + column + "), " + e + " -> struct_pack(key := " + e
        + ".key, value := " + exact(((MapType) type).value(), e + ".value", depth + 1) + ")))";
  }

  private static String exactStruct(StructType struct, String prefix, int depth) {
    StringJoiner fields = new StringJoiner(", ", "struct_pack(", ")");
    for (Field field : struct.fields()) {
      String name = "\"" + field.name() + "\"";
      fields.add(name + " := " + exact(field.type(), prefix + name, depth));
    }
    return fields.toString();
  }

  private static boolean holdsTimestamps(ColumnType type) {
    if (type instanceof StructType struct) {
      return struct.fields().stream().anyMatch(field -> holdsTimestamps(field.type()));
    } else if (type instanceof ListType list) {
      return holdsTimestamps(list.element());
    } else if (type instanceof MapType map) {
      return holdsTimestamps(map.value());
    }
    return type == PrimitiveType.TIMESTAMP;
  }

  /** A value of {@code type} from DuckDB's JSON; a JSON value of the wrong kind comes back as its text. */
  private static Object fromJson(ColumnType type, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (type instanceof StructType struct) {
      Object[] values = new Object[struct.fields().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = fromJson(struct.fields().get(i).type(), node.get(struct.fields().get(i).name()));
      }
      return values;
    }
    if (type instanceof ListType list) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJson(list.element(), item)));
      return items;
    }
    if (type instanceof MapType map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      node.properties().forEach(entry -> entries.put(entry.getKey(), fromJson(map.value(), entry.getValue())));
      return entries;
    }
    return switch ((PrimitiveType) type) {
      case LONG, TIMESTAMP -> node.isIntegralNumber() ? node.longValue() : node.toString();
      case DOUBLE -> node.isNumber() ? node.doubleValue() : node.toString();
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : node.toString();
      case STRING, JSON -> node.isTextual() ? node.textValue() : node.toString();
    };
  }

  /**
   * {@code value} of {@code type} as text that tells all values apart: a short struct as its fields, nulls included;
   * null and empty lists and maps; map entries in order; -0.0 and 0.0; strings quoted.
   */
  private static String canonical(ColumnType type, Object value) {
    if (value == null) {
      return "null";
    }
    if (type instanceof StructType struct) {
      Object[] values = (Object[]) value;
      StringJoiner fields = new StringJoiner(", ", "{", "}");
      for (int i = 0; i < struct.fields().size(); i++) {
        fields.add(struct.fields().get(i).name() + "=" + canonical(struct.fields().get(i).type(),
            i < values.length ? values[i] : null));
      }
      return fields.toString();
    }
    if (type instanceof ListType list) {
      StringJoiner items = new StringJoiner(", ", "[", "]");
      ((List<?>) value).forEach(item -> items.add(canonical(list.element(), item)));
      return items.toString();
    }
    if (type instanceof MapType map) {
      StringJoiner entries = new StringJoiner(", ", "map{", "}");
      ((Map<?, ?>) value).forEach((key, item) -> entries.add(TextNode.valueOf((String) key) + ": "
          + canonical(map.value(), item)));
      return entries.toString();
    }
    return value instanceof String text ? TextNode.valueOf(text).toString() : value + " (" + value.getClass()
        .getSimpleName() + ")";
  }
}
