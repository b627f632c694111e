package io.tributary.iceberg.maintain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.commit.CommitOutcome;
import io.tributary.commit.DurableRange;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.FlushFiles;
import io.tributary.iceberg.IcebergSchemas;
import io.tributary.iceberg.IcebergSettings;
import io.tributary.iceberg.IcebergTableFormat;
import io.tributary.iceberg.ObjectStoreFileIO;
import io.tributary.layout.LakeLayout;
import io.tributary.parquet.WriteOptions;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MapType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.tributary.source.Position;
import io.tributary.source.SourcePartition;
import io.tributary.store.LocalFileStore;
import io.tributary.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * A lake with one Iceberg table, {@code orders}, on a real JdbcCatalog (SQLite) over a local folder, fed through
 * {@link IcebergTableFormat} as the engine feeds it, and read back independently with Iceberg's generic reader.
 * Schema version 2 adds a list, a struct and a map, so files of both versions meet in a partition.
 */
final class TableFixture implements AutoCloseable {
  static final String DATASET = "orders";
  static final String NAMESPACE = "tributary";
  static final long HOUR = 3_600_000_000L;
  static final long T0 = 1_773_000_000_000_000L / HOUR * HOUR;

  final Path dir;
  final ObjectStore store;
  final ObjectStoreFileIO io;
  final LakeLayout layout = new LakeLayout("lake", "errors");
  final ShiftedClock clock = new ShiftedClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<DatasetSchema> history = new ArrayList<>();
  private final List<JdbcCatalog> catalogs = new ArrayList<>();

  TableFixture(Path dir) {
    this.dir = dir;
    this.store = new LocalFileStore(dir.resolve("store"));
    this.io = new ObjectStoreFileIO(store, "file:" + dir.resolve("store"));
    StructType v1 = MetadataColumns.emptyRoot()
        .withAppended(new Field("user", "user", PrimitiveType.STRING))
        .withAppended(new Field("n", "n", PrimitiveType.LONG));
    StructType v2 = v1.withAppended(new Field("tags", "tags", new ListType(PrimitiveType.STRING)))
        .withAppended(new Field("ctx", "ctx", StructType.of(new Field("ip", "ip", PrimitiveType.STRING),
            new Field("ok", "ok", PrimitiveType.BOOLEAN))))
        .withAppended(new Field("counts", "counts", new MapType(PrimitiveType.DOUBLE)));
    history.add(new DatasetSchema(DATASET, 1, v1));
    history.add(new DatasetSchema(DATASET, 2, v2));
    catalog().createNamespace(Namespace.of(NAMESPACE));
  }

  /** A catalog client of its own, as another task would have (same catalog name: the rows are keyed by it). */
  JdbcCatalog catalog() {
    JdbcCatalog catalog = new JdbcCatalog(props -> io, props -> new JdbcClientPool(props.get("uri"), props), true);
    catalog.initialize("tributary", Map.of("uri", "jdbc:sqlite:" + dir.resolve("catalog.db"),
        "warehouse", io.root(), "jdbc.schema-version", "V1"));
    synchronized (catalogs) {
      catalogs.add(catalog);
    }
    return catalog;
  }

  IcebergTableFormat format(String owner) {
    return new IcebergTableFormat(catalog(), store, io, layout, IcebergSettings.allDatasets(NAMESPACE),
        d -> List.copyOf(history), owner, Clock.systemUTC());
  }

  /** The maintenance of this lake, on the test's clock. */
  LakeMaintenance maintenance(MaintenanceSettings settings) {
    return new LakeMaintenance(catalog(), NAMESPACE, new LakeMaintenance.Lake(store, io, layout),
        d -> List.copyOf(history), d -> settings, WriteOptions.defaults(), new MaintenanceMetrics(registry), clock);
  }

  /** As {@link #maintenance(MaintenanceSettings)}, through a catalog whose every loaded table passes {@code tables}. */
  LakeMaintenance maintenance(MaintenanceSettings settings, UnaryOperator<Table> tables) {
    Catalog seen = proxy(Catalog.class, catalog(),
        (method, result) -> method.getName().equals("loadTable") ? tables.apply((Table) result) : result);
    return new LakeMaintenance(seen, NAMESPACE, new LakeMaintenance.Lake(store, io, layout),
        d -> List.copyOf(history), d -> settings, WriteOptions.defaults(), new MaintenanceMetrics(registry), clock);
  }

  /**
   * A proxy of {@code target}: results pass {@code results} (builder calls returning the target return the proxy),
   * and {@code commit()}, when {@code commit} is given, runs it instead.
   */
  static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object, Object> results, Runnable... commit) {
    Object[] self = new Object[1];
    // Every interface of the target (a table is also HasTableOperations, which Iceberg's utilities cast to).
    Set<Class<?>> interfaces = new LinkedHashSet<>(List.of(type));
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      interfaces.addAll(List.of(c.getInterfaces()));
    }
    self[0] = Proxy.newProxyInstance(type.getClassLoader(), interfaces.toArray(Class<?>[]::new),
        (proxy, method, args) -> {
          if (commit.length > 0 && method.getName().equals("commit") && method.getParameterCount() == 0) {
            commit[0].run();
            return null;
          }
          Object result = invoke(target, method, args);
          return result == target ? self[0] : results.apply(method, result);
        });
    return type.cast(self[0]);
  }

  /** Calls {@code method} on {@code target}, unwrapping what it throws. */
  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Settings that compact at once, keep snapshots a week and orphans three days. */
  static MaintenanceSettings now() {
    return new MaintenanceSettings(java.time.Duration.ZERO, 128L << 20, java.time.Duration.ofDays(7),
        java.time.Duration.ofDays(3));
  }

  Table table() {
    return catalog().loadTable(TableIdentifier.of(NAMESPACE, DATASET));
  }

  /**
   * Lands offsets {@code first..last} of {@code source} as flush {@code seq}, all in hour {@code hour} after T0,
   * under schema {@code version}.
   */
  CommitOutcome land(IcebergTableFormat format, SourcePartition source, long seq, long first, long last, int hour,
      int version) {
    EncodedFile file = encode(format, source, first, last, hour, version);
    return format.commit(source, new FlushFiles(seq, Position.of(last), List.of(file), List.of()));
  }

  /** The file of offsets {@code first..last} of {@code source}, in hour {@code hour} after T0, not committed. */
  EncodedFile encode(IcebergTableFormat format, SourcePartition source, long first, long last, int hour,
      int version) {
    List<Object[]> rows = new ArrayList<>();
    long[] times = new long[(int) (last - first + 1)];
    for (long o = first; o <= last; o++) {
      Object[] row = new Object[history.get(version - 1).root().fields().size()];
      row[MetadataColumns.INGEST_TIME_INDEX] = T0;
      row[MetadataColumns.SOURCE_INDEX] = source.stream();
      row[MetadataColumns.PARTITION_INDEX] = source.partition();
      row[MetadataColumns.OFFSET_INDEX] = Long.toString(o);
      row[MetadataColumns.COUNT] = "u" + o;
      row[MetadataColumns.COUNT + 1] = o;
      if (version >= 2) {
        row[MetadataColumns.COUNT + 2] = o % 3 == 0 ? null : List.of("t" + o, "x");
        row[MetadataColumns.COUNT + 3] = o % 5 == 0 ? null : new Object[] {"10.0.0." + o % 256, o % 2 == 0};
        row[MetadataColumns.COUNT + 4] = Map.of("k" + o % 4, o / 2.0);
      }
      rows.add(row);
      times[(int) (o - first)] = T0 + hour * HOUR + o % 3_600 * 1_000_000L;
    }
    DurableRange range = new DurableRange(layout.dataFolder(DATASET, "hour=" + hour), Position.of(first),
        Position.of(last));
    return format.encode(range, history.get(version - 1), rows, times, WriteOptions.defaults());
  }

  /** Every row of the current snapshot, keyed by source partition and offset, as text (values and nesting). */
  Map<String, String> rows() {
    return rows(table());
  }

  static Map<String, String> rows(Table table) {
    Map<String, String> out = new TreeMap<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record r : records) {
        add(out, r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Adds a row, failing on a second row with the same source coordinates: nothing may be read twice. */
  static void add(Map<String, String> out, Record r) {
    String key = r.getField(IcebergSchemas.SOURCE_PARTITION) + "/" + r.getField(MetadataColumns.OFFSET);
    if (out.put(key, r.toString()) != null) {
      throw new AssertionError("row " + key + " read twice");
    }
  }

  /** Data files per partition path of the current snapshot. */
  static Map<String, Integer> filesPerPartition(Table table) {
    Map<String, Integer> out = new TreeMap<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        out.merge(table.spec().partitionToPath(file.partition()), 1, Integer::sum);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  Map<String, Long> counts(Map<String, String> rows) {
    Map<String, Long> out = new HashMap<>();
    rows.keySet().forEach(k -> out.merge(k.substring(0, k.indexOf('/')), 1L, Long::sum));
    return out;
  }

  @Override
  public void close() throws Exception {
    synchronized (catalogs) {
      for (JdbcCatalog catalog : catalogs) {
        catalog.close();
      }
    }
  }
}
