package io.tributary.kinesis.testing;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.kpl.Messages;

/**
 * Builds KPL aggregated records the way the Kinesis Producer Library writes them: the magic bytes, an
 * {@code AggregatedRecord} protobuf (the message classes KCL ships for reading them), then the MD5 of the protobuf.
 */
public final class KplAggregates {

  private KplAggregates() {}

  /** One aggregate of {@code payloads}, all under {@code partitionKey}. */
  public static byte[] aggregate(String partitionKey, List<byte[]> payloads) {
    Messages.AggregatedRecord.Builder aggregate = Messages.AggregatedRecord.newBuilder()
        .addPartitionKeyTable(partitionKey);
    for (byte[] payload : payloads) {
      aggregate.addRecords(Messages.Record.newBuilder().setPartitionKeyIndex(0).setData(ByteString.copyFrom(payload)));
    }
    byte[] body = aggregate.build().toByteArray();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(AggregatorUtil.AGGREGATED_RECORD_MAGIC);
      out.write(body);
      out.write(MessageDigest.getInstance("MD5").digest(body));
      return out.toByteArray();
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
