package io.tributary.catalog.glue;

import io.tributary.schema.DatasetSchema;

/**
 * What the catalog wants of one table and what Glue is known to hold. Guarded by its own lock: the calls write it,
 * the catalog's thread reads it.
 */
final class TableState {
  /** A snapshot of what is wanted, taken when a run starts. */
  record Wanted(DatasetSchema schema, boolean mayCreate) {}

  final String dataset;
  private DatasetSchema wanted;
  private boolean mayCreate;
  private int synced;
  private int attempts;
  private boolean scheduled;
  private boolean dirty;
  private String lastFailure;

  TableState(String dataset) {
    this.dataset = dataset;
  }

  /** Records a wanted schema; true when that gives the table something new to do. */
  synchronized boolean want(DatasetSchema schema, boolean filesCommitted) {
    boolean changed = false;
    if (wanted == null || schema.version() > wanted.version()) {
      wanted = schema;
      changed = true;
    }
    if (filesCommitted && !mayCreate) {
      mayCreate = true;
      changed = true;
    }
    boolean due = changed && wanted.version() > synced;
    dirty |= due;
    return due;
  }

  /** A dataset was seen for the first time (errors table): true when the table exists or may be made. */
  synchronized boolean wantDatasets() {
    boolean due = wanted != null && (mayCreate || synced > 0);
    dirty |= due;
    return due;
  }

  synchronized Wanted startRun() {
    dirty = false;
    return new Wanted(wanted, mayCreate);
  }

  synchronized void succeeded(int version) {
    synced = Math.max(synced, version);
    attempts = 0;
    lastFailure = null;
  }

  /** Counts a failed attempt; returns the failures in a row. */
  synchronized int failed(String message) {
    lastFailure = message;
    return ++attempts;
  }

  synchronized java.util.Optional<String> lastFailure() {
    return java.util.Optional.ofNullable(lastFailure);
  }

  /** Whether something new arrived during the last run. */
  synchronized boolean stillWanted() {
    return dirty;
  }

  synchronized boolean markScheduled() {
    if (scheduled) {
      return false;
    }
    scheduled = true;
    return true;
  }

  synchronized void unmarkScheduled() {
    scheduled = false;
  }

  /** Versions behind: 0 while no table exists or may be made. */
  /** Whether the table was seen at {@code version} or newer. */
  synchronized boolean holds(int version) {
    return synced >= version;
  }

  synchronized int behind() {
    if (wanted == null || !mayCreate && synced == 0) {
      return 0;
    }
    return Math.max(0, wanted.version() - synced);
  }
}
