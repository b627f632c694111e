package io.tributary.app.chaos;

import io.tributary.kinesis.KinesisPositions;
import io.tributary.kinesis.testing.KplAggregates;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A producer that is not ours — the AWS SDK's plain {@code PutRecords}, up to 10 calls a second — writing events to a
 * Kinesis stream at a steady rate from its own thread, about 1% of them broken JSON ({@link Load#isBroken}), and one
 * entry in ten a KPL aggregate of {@value #PER_AGGREGATE} events ({@link KplAggregates}, the Kinesis Producer
 * Library's format). Entries Kinesis refused (throttled) are sent again in the next call. It remembers what Kinesis
 * acknowledged as {@code stream/shard/position} (a sub-record's position carries its index in the aggregate); what
 * the lake must hold is read back from the stream itself ({@link KinesisLake#log}).
 */
final class KinesisLoad implements AutoCloseable {

  static final int PER_AGGREGATE = 5;
  private static final long HOUR = 1_763_704_800_000L;

  private final String stream;
  private final int perSecond;
  private final KinesisAsyncClient client;
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean running = true;

  private KinesisLoad(URI endpoint, String stream, int perSecond) {
    this.stream = stream;
    this.perSecond = perSecond;
    this.client = KinesisAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("load", "load"))).build();
    this.thread = new Thread(this::run, "kinesis-load");
  }

  /** Starts writing about {@code perSecond} events a second to {@code stream} until {@link #stop()}. */
  static KinesisLoad start(URI endpoint, String stream, int perSecond) {
    KinesisLoad load = new KinesisLoad(endpoint, stream, perSecond);
    load.thread.start();
    return load;
  }

  /** Stops writing and waits for the last call. */
  KinesisLoad stop() throws InterruptedException {
    running = false;
    thread.join();
    if (failure.get() != null) {
      System.out.printf("CHAOS kinesis load: a call failed (%s); the stream is the truth%n", failure.get());
    }
    return this;
  }

  /** Events written so far (acknowledged or not). */
  long sent() {
    return sent.get();
  }

  /** The acknowledged coordinates so far. */
  Set<String> acked() {
    return Set.copyOf(acked);
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.close();
  }

  private void run() {
    Random random = new Random(stream.hashCode());
    long started = System.nanoTime();
    long event = 0;
    List<Entry> pending = new ArrayList<>();
    for (long call = 0; running; call++) {
      long due = started + call * 100_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      // Events due by now, by the clock: a PutRecords call to kinesis-local on a loaded machine can take longer than
      // the 100 ms between calls, and then the next carries more entries (counted by call, the rate fell with them).
      long target = (System.nanoTime() - started) * perSecond / 1_000_000_000L;
      while (event < target && pending.size() < 500) {
        if (pending.size() % 10 == 9) {
          List<byte[]> events = new ArrayList<>();
          for (int k = 0; k < PER_AGGREGATE; k++) {
            events.add(json(event++, random));
          }
          pending.add(new Entry("k" + event % 64, KplAggregates.aggregate("k" + event % 64, events), PER_AGGREGATE));
        } else {
          pending.add(new Entry("k" + event % 64, json(event, random), 1));
          event++;
        }
      }
      if (!pending.isEmpty()) {
        pending = put(pending);
      }
    }
  }

  /** One PutRecords call; returns the entries to send again. */
  private List<Entry> put(List<Entry> entries) {
    PutRecordsResponse response;
    try {
      response = client.putRecords(b -> b.streamName(stream).records(entries.stream()
          .map(e -> PutRecordsRequestEntry.builder().partitionKey(e.key()).data(SdkBytes.fromByteArray(e.data()))
              .build()).toList())).join();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      return entries;
    }
    List<Entry> again = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      PutRecordsResultEntry result = response.records().get(i);
      Entry entry = entries.get(i);
      if (result.errorCode() != null) {
        again.add(entry);
        continue;
      }
      sent.addAndGet(entry.events());
      for (int sub = 0; sub < entry.events(); sub++) {
        acked.add(stream + "/" + result.shardId() + "/" + KinesisPositions.encode(result.sequenceNumber(), sub));
      }
    }
    return again;
  }

  private static byte[] json(long i, Random random) {
    boolean broken = random.nextInt(100) == 0;
    String json = broken ? "{\"id\": " + i + ", \"oops\": "
        : "{\"id\": " + i + ", \"ts\": " + (HOUR + i * 50L) + ", \"amount\": " + random.nextInt(10_000)
            + ", \"service\": \"svc-" + (i % 7) + "\"" + (i % 5 == 0 ? ", \"user\": {\"id\": " + i + "}" : "") + "}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** One PutRecords entry: a plain record (one event) or an aggregate of several. */
  private record Entry(String key, byte[] data, int events) {}
}
