package io.tributary.iceberg;

import io.tributary.commit.TableFormat;
import io.tributary.commit.TableFormatFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.Catalog;

/**
 * The table-format factory of a service with Iceberg datasets: each landing gets an {@link IcebergTableFormat} over
 * the one catalog (opened lazily, so a catalog that is down at start is back-pressure like any outage, not a failed
 * start) and its own schema history. Says why the catalog last failed, for the readiness probe.
 */
public final class IcebergFormats implements TableFormatFactory {
  private final Supplier<Catalog> catalog;
  private final IcebergSettings settings;
  private final String catalogName;
  private final IcebergCommitMetrics metrics;
  private final SinkRoute elsewhere;
  private volatile IcebergTableFormat last;

  /**
   * @param catalog the catalog, asked at each use ({@link IcebergCatalogs#lazy})
   * @param catalogName how operators know it (its URL), named in failures
   */
  public IcebergFormats(Supplier<Catalog> catalog, IcebergSettings settings, String catalogName) {
    this(catalog, settings, catalogName, IcebergCommitMetrics.unpublished(), SinkRoute.NONE);
  }

  /**
   * @param metrics where every landing's Iceberg commits are timed
   * @param elsewhere the datasets that go to a sink of their own (Firehose) in every landing, beside the tables
   */
  public IcebergFormats(Supplier<Catalog> catalog, IcebergSettings settings, String catalogName,
      IcebergCommitMetrics metrics, SinkRoute elsewhere) {
    this.metrics = Objects.requireNonNull(metrics, "metrics may not be null");
    this.catalog = Objects.requireNonNull(catalog, "catalog may not be null");
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.catalogName = Objects.requireNonNull(catalogName, "catalogName may not be null");
    this.elsewhere = Objects.requireNonNull(elsewhere, "elsewhere may not be null");
  }

  @Override
  public TableFormat open(Context context) {
    IcebergTableFormat format = new IcebergTableFormat(catalog, context.store(), context.layout(), settings,
        context::versions, context.owner(), context.clock(), context.parquet(), catalogName, metrics,
        elsewhere);
    last = format;
    return format;
  }

  /** Why the catalog last failed (e.g. {@code iceberg catalog unreachable: jdbc:sqlite:...}), empty when it works. */
  public Optional<String> problem() {
    IcebergTableFormat format = last;
    return format == null ? Optional.empty() : format.problem();
  }
}
