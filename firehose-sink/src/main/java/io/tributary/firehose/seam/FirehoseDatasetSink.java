package io.tributary.firehose.seam;

import io.tributary.firehose.Delivery;
import io.tributary.firehose.FirehoseException;
import io.tributary.firehose.FirehoseSink;
import io.tributary.firehose.ShapedRow;
import io.tributary.buffer.RowBuffer;
import io.tributary.catalog.CatalogSync;
import io.tributary.commit.DatasetSink;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.StagedFile;
import io.tributary.source.SourcePartition;
import io.tributary.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The {@link DatasetSink} of the datasets whose {@code sink} is {@code firehose}: the rows of a rolled buffer are
 * sent to the dataset's delivery stream ({@link FirehoseSink#send}) before the ledger record of the flush is tried,
 * and {@link #write} returns empty (no file to publish). A crash between the send and the ledger record re-sends the
 * rows at the next start: at-least-once, never a loss (docs/design/firehose.md, "Connection").
 *
 * <p>The encoded form is the rows themselves: {@link #encode} keeps the {@link ShapedRow}s of an
 * {@link EncodedFile} (whose bytes are empty: the JSON is made once, by the delivery) until {@link #write} has sent
 * them. A failed send keeps them for the retried flush; an abandoned flush's rows go with its file (weak keys).
 *
 * <p>Schema ahead of records: with a catalog that keeps tables (Glue), the rows of a file are sent only once the
 * catalog's table has their schema version. A row whose JSON is over Firehose's record limit stops the flush (not
 * retryable; it cannot reach the error prefix through this seam, and is never dropped). Thread-safe.
 */
public final class FirehoseDatasetSink implements DatasetSink {

  /** How long a flush waits for the catalog's table to have its schema version before it is held and retried. */
  public static final Duration SCHEMA_WAIT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 100;

  private final FirehoseSink firehose;
  private final CatalogSync catalog;
  private final Duration schemaWait;
  private final Map<EncodedFile, List<ShapedRow>> encoded = Collections.synchronizedMap(new WeakHashMap<>());

  /** @param firehose the delivery the rows are sent with; no catalog kept ahead of the rows */
  public FirehoseDatasetSink(FirehoseSink firehose) {
    this(firehose, CatalogSync.none());
  }

  /**
   * @param firehose the delivery the rows are sent with
   * @param catalog the catalog whose table Firehose converts with ({@code catalog.type: glue}): rows are sent only
   *     once it holds their schema version, because Firehose drops every field its table lacks
   */
  public FirehoseDatasetSink(FirehoseSink firehose, CatalogSync catalog) {
    this(firehose, catalog, SCHEMA_WAIT);
  }

  /** @param schemaWait how long a flush waits for the catalog before it is held (retryable) */
  public FirehoseDatasetSink(FirehoseSink firehose, CatalogSync catalog, Duration schemaWait) {
    this.firehose = Objects.requireNonNull(firehose, "firehose may not be null");
    this.catalog = Objects.requireNonNull(catalog, "catalog may not be null");
    this.schemaWait = Objects.requireNonNull(schemaWait, "schemaWait may not be null");
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    Iterator<RowBuffer.BufferedRow> it = rows.positioned();
    if (it == null) {
      throw new IllegalArgumentException("Cannot send rows of " + rows.schema().dataset() + " to Firehose: they are "
          + "not in a buffer, so their source positions are unknown");
    }
    List<ShapedRow> shaped = new ArrayList<>((int) rows.records());
    long[] eventTimes = rows.eventTimes();
    for (int i = 0; it.hasNext(); i++) {
      RowBuffer.BufferedRow row = it.next();
      shaped.add(new ShapedRow(rows.schema(), row.row(), eventTimes[i], row.position()));
    }
    // A fresh empty array per file: EncodedFile's equality compares it by reference, so each file is its own key.
    EncodedFile file = new EncodedFile(rows.range(), rows.schema(), rows.records(), new byte[0]);
    encoded.put(file, List.copyOf(shaped));
    return file;
  }

  /**
   * Sends the rows of {@code file}; returns empty once Firehose acknowledged them all (a row over Firehose's record limit fails the flush, not retryable: see below).
   *
   * @throws StoreException retryable when Firehose still throttled or failed after the delivery's retries (the
   *     flush is retried, positions stay); not retryable when Firehose refused the call (stream missing, access)
   */
  @Override
  public Optional<StagedFile> write(SourcePartition partition, EncodedFile file) {
    List<ShapedRow> rows = encoded.get(file);
    if (rows == null) {
      throw new IllegalStateException("Cannot send " + file.folder() + " to Firehose: it was not encoded by this sink");
    }
    awaitSchema(partition, file);
    Delivery delivery;
    try {
      delivery = firehose.send(partition, rows);
    } catch (FirehoseException.Unavailable e) {
      throw new StoreException("Cannot send " + rows.size() + " rows of " + file.folder() + " from " + partition
          + " to Firehose: " + e.getMessage(), true, e);
    } catch (FirehoseException.Rejected e) {
      throw new StoreException("Cannot send rows of " + file.folder() + " to Firehose: " + e.getMessage(), false, e);
    }
    if (!delivery.oversize().isEmpty()) {
      // Never drop a record: the seam cannot turn a shaped row back into an error row (it no longer has the raw
      // record), so stop here, before the ledger record, with the position unmoved. The rows sent already are sent
      // again on the retry (at least once). The fix is the decoder's limit: a record over it is an OVERSIZE error row.
      Delivery.Oversize first = delivery.oversize().get(0);
      throw new StoreException("Cannot send a row of " + first.row().dataset() + " at " + first.row().position()
          + " of " + partition + " to Firehose: " + first.reason() + " (" + delivery.oversize().size()
          + " such rows in this flush); set limits.max-record-bytes to 900 KiB or less so that such records go to "
          + "the error prefix as OVERSIZE", false);
    }
    encoded.remove(file);
    return Optional.empty();
  }

  /**
   * Schema ahead of records: waits (a little) until the catalog's table has the file's schema version, the newest of
   * its rows; else the flush is held (retryable) and nothing is sent.
   */
  private void awaitSchema(SourcePartition partition, EncodedFile file) {
    long deadline = System.nanoTime() + schemaWait.toNanos();
    while (!catalog.holds(file.schema())) {
      if (System.nanoTime() > deadline) {
        throw new StoreException("Cannot send rows of " + file.folder() + " from " + partition + " to Firehose yet: "
            + "the catalog's table of " + file.schema().dataset() + " does not have schema version "
            + file.schema().version() + " (Firehose would drop its new fields); held until it does", true);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("Cannot send rows of " + file.folder() + " to Firehose: interrupted", true, e);
      }
    }
  }
}
