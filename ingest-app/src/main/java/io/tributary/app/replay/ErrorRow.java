package io.tributary.app.replay;

import io.tributary.source.Position;
import io.tributary.source.SourceRecord;
import java.util.List;
import java.util.Objects;

/**
 * One row of an error file, as replay reads it back: why the record failed, where it came from, and the record's
 * bytes (decoded from the file's base64 columns, see {@link io.tributary.errors.ErrorRows}).
 *
 * @param folder the folder of the row's file, relative to the prefix it was read under
 *     ({@code orders/error_type=OVERSIZE/year=2026/month=12/day=06/hour=10})
 * @param type the error type's name
 * @param message why it failed
 * @param dataset the dataset it was routed to, null when unrouted
 * @param stream the topic or stream
 * @param partition the partition or shard (for a row of a replay, the replay partition)
 * @param position the offset or sequence number
 * @param sourceMillis the source timestamp in epoch milliseconds
 * @param key the key bytes, null when the record had none
 * @param headers the headers
 * @param payload the payload bytes, exactly
 */
public record ErrorRow(String folder, String type, String message, String dataset, String stream, String partition,
    Position position, long sourceMillis, byte[] key, List<SourceRecord.Header> headers, byte[] payload) {

  public ErrorRow {
    Objects.requireNonNull(folder, "folder may not be null");
    Objects.requireNonNull(type, "type may not be null");
    Objects.requireNonNull(stream, "stream may not be null");
    Objects.requireNonNull(partition, "partition may not be null");
    Objects.requireNonNull(position, "position may not be null");
    headers = List.copyOf(headers);
    Objects.requireNonNull(payload, "payload may not be null");
  }

  /** The record again, as its source handed it over, but under {@code replayPartition}. */
  public SourceRecord record(String replayPartition) {
    return new SourceRecord(stream, replayPartition, position, key, headers, sourceMillis, payload);
  }

  /** The dataset's folder name in the error prefix: the dataset, or {@code _unrouted}. */
  public String datasetFolder() {
    return dataset == null ? io.tributary.errors.ErrorRows.UNROUTED : dataset;
  }
}
