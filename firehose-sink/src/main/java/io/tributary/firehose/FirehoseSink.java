package io.tributary.firehose;

import io.tributary.source.SourcePartition;
import java.util.List;

/**
 * Where the landing hands the shaped rows of a dataset whose sink is Firehose ({@code sink: firehose}). The landing
 * moves a source partition's position past a row only when {@link #send} has returned normally for it: that is the
 * at-least-once guarantee (a crash between the return and the checkpoint sends the rows again).
 */
public interface FirehoseSink extends AutoCloseable {

  /**
   * Sends {@code rows} of one source partition, each as its JSON line, in order. Returns only when Firehose has
   * acknowledged every row but those returned as {@link Delivery#oversize()}, which were not sent: the caller routes
   * them to the error prefix as {@code OVERSIZE}.
   *
   * @param partition the source partition the rows come from (rows of one partition are sent one call at a time)
   * @param rows the rows, in source order; may span datasets (each goes to its dataset's delivery stream)
   * @throws FirehoseException.Unavailable when Firehose still throttled or failed after the retries: nothing may
   *     be assumed delivered, so the caller keeps its position and sends the rows again later (back-pressure)
   * @throws FirehoseException.Rejected when Firehose refused the call for a reason retrying cannot fix (the stream
   *     does not exist, access denied): the caller stops and reports it
   */
  Delivery send(SourcePartition partition, List<ShapedRow> rows);

  @Override
  void close();
}
