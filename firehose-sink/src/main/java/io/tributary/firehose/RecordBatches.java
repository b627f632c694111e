package io.tributary.firehose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits JSON lines into {@code PutRecordBatch} calls within Firehose's limits: at most {@value #MAX_RECORDS}
 * records and {@value #MAX_BATCH_BYTES} bytes of record data a call, each record at most {@value #MAX_RECORD_BYTES}
 * bytes. Sizes are of the data before the base64 encoding of the wire, as Firehose's quotas count them.
 */
final class RecordBatches {
  /** Records per PutRecordBatch call. */
  static final int MAX_RECORDS = 500;
  /** Record data per PutRecordBatch call: 4 MiB. */
  static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
  /** One record's data: 1,000 KiB. */
  static final int MAX_RECORD_BYTES = 1000 * 1024;

  private RecordBatches() {}

  /**
   * Consecutive runs of {@code records} (none over {@link #MAX_RECORD_BYTES}), in order, each within the limits of
   * one call.
   */
  static List<List<Line>> split(List<Line> records) {
    List<List<Line>> batches = new ArrayList<>();
    List<Line> batch = new ArrayList<>();
    long bytes = 0;
    for (Line record : records) {
      if (record.data().length > MAX_RECORD_BYTES) {
        throw new IllegalArgumentException("Cannot batch a record of " + record.data().length + " bytes: over "
            + MAX_RECORD_BYTES);
      }
      if (batch.size() == MAX_RECORDS || bytes + record.data().length > MAX_BATCH_BYTES) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(record);
      bytes += record.data().length;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /**
   * One row's JSON line.
   *
   * @param index the row's place in the rows of its {@code send}
   * @param data the JSON line
   */
  record Line(int index, byte[] data) {}
}
