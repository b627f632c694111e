package io.tributary.firehose.seam;

import io.tributary.firehose.Delivery;
import io.tributary.firehose.FirehoseException;
import io.tributary.firehose.FirehoseSink;
import io.tributary.firehose.ShapedRow;
import io.tributary.buffer.RowBuffer;
import io.tributary.commit.DatasetSink;
import io.tributary.commit.EncodedFile;
import io.tributary.commit.RolledRows;
import io.tributary.commit.StagedFile;
import io.tributary.source.SourcePartition;
import io.tributary.store.StoreException;
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
 * <p>Rows whose JSON is over Firehose's record limit are not sent and cannot reach the error prefix through this
 * seam (a sink writes at most one file per buffer and the shaped row no longer holds the raw record): they are
 * counted in the delivery's metrics and logged with their source coordinates at ERROR. Thread-safe.
 */
public final class FirehoseDatasetSink implements DatasetSink {

  private final FirehoseSink firehose;
  private final Map<EncodedFile, List<ShapedRow>> encoded = Collections.synchronizedMap(new WeakHashMap<>());

  /** @param firehose the delivery the rows are sent with */
  public FirehoseDatasetSink(FirehoseSink firehose) {
    this.firehose = Objects.requireNonNull(firehose, "firehose may not be null");
  }

  @Override
  public EncodedFile encode(RolledRows rows) {
    RowBuffer buffer = rows.buffer();
    if (buffer == null) {
      throw new IllegalArgumentException("Cannot send rows of " + rows.schema().dataset() + " to Firehose: they are "
          + "not in a buffer, so their source positions are unknown");
    }
    List<ShapedRow> shaped = new ArrayList<>((int) rows.records());
    long[] eventTimes = rows.eventTimes();
    Iterator<RowBuffer.BufferedRow> it = buffer.rows();
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
}
