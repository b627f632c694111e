package io.tributary.iceberg.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * A catalog whose tables answer their next commits with {@link CommitStateUnknownException}, the way a catalog
 * whose answer was lost does: {@link #commitThenFail} commits make the commit and then throw ("it happened, the
 * caller cannot know"), {@link #failWithoutCommit} commits throw without making it ("it did not happen, the caller
 * cannot know"). Each counter is taken down by one per commit it affects. Thread-safe.
 */
public final class UnknownOutcomeCatalog extends DelegatingCatalog {
  /** How many of the next commits are made and then answered with an unknown outcome. */
  public final AtomicInteger commitThenFail = new AtomicInteger();
  /** How many of the next commits are not made, yet answered with an unknown outcome. */
  public final AtomicInteger failWithoutCommit = new AtomicInteger();

  public UnknownOutcomeCatalog(Catalog delegate) {
    super(delegate);
  }

  @Override
  public Table loadTable(TableIdentifier identifier) {
    Table table = super.loadTable(identifier);
    return new BaseTable(new Operations(((HasTableOperations) table).operations()), table.name());
  }

  private final class Operations implements TableOperations {
    private final TableOperations delegate;

    Operations(TableOperations delegate) {
      this.delegate = delegate;
    }

    @Override
    public TableMetadata current() {
      return delegate.current();
    }

    @Override
    public TableMetadata refresh() {
      return delegate.refresh();
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
      if (failWithoutCommit.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new CommitStateUnknownException(new RuntimeException("injected: no answer, commit not made"));
      }
      delegate.commit(base, metadata);
      if (commitThenFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new CommitStateUnknownException(new RuntimeException("injected: commit made, answer lost"));
      }
    }

    @Override
    public FileIO io() {
      return delegate.io();
    }

    @Override
    public EncryptionManager encryption() {
      return delegate.encryption();
    }

    @Override
    public String metadataFileLocation(String fileName) {
      return delegate.metadataFileLocation(fileName);
    }

    @Override
    public LocationProvider locationProvider() {
      return delegate.locationProvider();
    }

    @Override
    public long newSnapshotId() {
      return delegate.newSnapshotId();
    }
  }
}
