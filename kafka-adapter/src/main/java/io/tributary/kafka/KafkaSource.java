package io.tributary.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.tributary.source.LagTracker;
import io.tributary.source.Source;
import io.tributary.source.SourceLag;
import io.tributary.source.SourceLanding;
import io.tributary.source.SourceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka source: a Kafka Streams application (one {@code application.id} per deployment, so one consumer group)
 * whose only processor hands records to the landing layer. Run N of them (ECS tasks) and Kafka's group protocol
 * spreads the partitions; each commits only offsets the landing layer made durable.
 */
public final class KafkaSource implements Source {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSource.class);
  /** How long one broker check waits for an answer, and the pause between checks while the source cannot start. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration CHECK_PAUSE = Duration.ofSeconds(5);

  private final KafkaSourceSettings settings;
  private final SourceLanding landing;
  private final String clientId;
  private final Clock clock;
  private final LagTracker lag = new LagTracker(LagTracker.Unit.RECORDS);
  private final PartitionOwners owners = new PartitionOwners();
  private volatile Boolean stopResult;
  private volatile int queuedRecordsPerPartition = InputQueue.MIN_RECORDS;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicBoolean ranOnce = new AtomicBoolean();
  private volatile KafkaStreams streams;
  private volatile String blockedBy;
  private volatile MeterRegistry meters;
  private KafkaStreamsMetrics streamsMetrics;
  private volatile boolean stopRequested;
  private Thread starter;
  private Path stateDir;
  private boolean ownStateDir;

  /**
   * @param clientId names this instance's clients (Kafka's client.id; the instance id suits)
   */
  public KafkaSource(KafkaSourceSettings settings, SourceLanding landing, String clientId) {
    this(settings, landing, clientId, Clock.systemUTC());
  }

  KafkaSource(KafkaSourceSettings settings, SourceLanding landing, String clientId, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings may not be null");
    this.landing = Objects.requireNonNull(landing, "landing may not be null");
    this.clientId = Objects.requireNonNull(clientId, "clientId may not be null");
    this.clock = Objects.requireNonNull(clock, "clock may not be null");
  }

  /** The topology: one source per named topic (or one for the pattern), each into the landing processor. */
  Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    Consumed<byte[], byte[]> consumed = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
        .withTimestampExtractor(new SourceTimestamps());
    if (settings.topicPattern().isPresent()) {
      builder.stream(settings.topicPattern().get(), consumed.withName("topics"))
          .process(() -> new LandingProcessor(landing), Named.as("landing"));
    } else {
      for (String topic : new LinkedHashSet<>(settings.topics())) {
        builder.stream(topic, consumed.withName("topic-" + topic))
            .process(() -> new LandingProcessor(landing), Named.as("landing-" + topic));
      }
    }
    return builder.build();
  }

  /**
   * Returns at once: a thread first asks the brokers whether they answer and the named topics exist (waiting, with
   * the reason in {@link #blockedBy()} and one log line, until they do), then starts Kafka Streams.
   */
  @Override
  public synchronized void start() {
    if (starter != null) {
      throw new IllegalStateException("The Kafka source is already started");
    }
    starter = new Thread(this::startWhenBrokersAnswer, "kafka-source-start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * Publishes Kafka Streams' and its clients' own metrics (consumer fetch rates, lag, request latencies, …: the
   * {@code kafka.*} meters) to {@code registry} once the stream starts. Call before {@link #start()}.
   */
  public void bindMetrics(MeterRegistry registry) {
    this.meters = Objects.requireNonNull(registry, "registry may not be null");
  }

  @Override
  public Optional<String> blockedBy() {
    return Optional.ofNullable(blockedBy);
  }

  private void startWhenBrokersAnswer() {
    try (BrokerCheck check = new BrokerCheck(settings, clientId, CHECK_TIMEOUT)) {
      String logged = null;
      for (Optional<String> problem = check.problem(); problem.isPresent() && !stopRequested;
          problem = check.problem()) {
        blockedBy = problem.get();
        if (!problem.get().equals(logged)) {
          LOG.warn("The Kafka source cannot start: {}; checking again every {} s", problem.get(),
              CHECK_PAUSE.toSeconds());
          logged = problem.get();
        }
        Thread.sleep(CHECK_PAUSE.toMillis());
      }
      if (logged != null && !stopRequested) {
        LOG.info("Kafka brokers at {} answer and the topics exist: the Kafka source starts",
            settings.bootstrapServers());
      }
      OptionalInt partitions = check.partitions();
      queuedRecordsPerPartition = InputQueue.recordsPerPartition(Runtime.getRuntime().maxMemory(), partitions);
      LOG.info("Kafka Streams queues up to {} records per partition ({} partitions in the topics, {} MiB heap)",
          queuedRecordsPerPartition, partitions.isPresent() ? partitions.getAsInt() : "unknown",
          Runtime.getRuntime().maxMemory() >> 20);
    } catch (InterruptedException e) {
      return;
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
      LOG.error("The Kafka source cannot start", e);
      return;
    }
    synchronized (this) {
      if (stopRequested) {
        return;
      }
      blockedBy = null;
      startStreams();
    }
  }

  private void startStreams() {
    stateDir = settings.stateDir().orElseGet(KafkaSource::temporaryStateDir);
    ownStateDir = settings.stateDir().isEmpty();
    streams = new KafkaStreams(topology(), settings.streamsProperties(clientId, stateDir, queuedRecordsPerPartition),
        new GatedClientSupplier(landing, lag, owners, settings.tickInterval(), clock));
    streams.setUncaughtExceptionHandler(error -> {
      failure.compareAndSet(null, error);
      LOG.error("A stream thread failed; the Kafka source stops (records not yet durable stay behind the "
          + "committed offsets)", error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.RUNNING) {
        ranOnce.set(true);
      }
      LOG.info("Kafka source {}: {} -> {}", clientId, before, now);
    });
    if (meters != null) {
      streamsMetrics = new KafkaStreamsMetrics(streams);
      streamsMetrics.bindTo(meters);
    }
    streams.start();
  }

  /**
   * Closes Kafka Streams and leaves the group (so the partitions move at once): each thread commits, then its
   * consumer rolls and commits its partitions. True only if all of that finished within {@code timeout}; a second
   * call waits for the first and gives its answer.
   */
  @Override
  public synchronized boolean stop(Duration timeout) {
    if (stopResult != null) {
      return stopResult;
    }
    stopRequested = true;
    if (starter != null) {
      starter.interrupt();
    }
    if (streams == null) {
      stopResult = true;
      return true;
    }
    boolean closed = streams.close(CloseOptions.timeout(timeout)
        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    if (streamsMetrics != null) {
      streamsMetrics.close();
    }
    if (closed && ownStateDir) {
      deleteQuietly(stateDir);
    }
    stopResult = closed && failure.get() == null && owners.failedReleases() == 0;
    return stopResult;
  }

  @Override
  public SourceState state() {
    KafkaStreams running = streams;
    if (failure.get() != null) {
      return SourceState.FAILED;
    }
    if (running == null) {
      return stopRequested ? SourceState.STOPPED : SourceState.STARTING;
    }
    switch (running.state()) {
      case RUNNING:
        return SourceState.RUNNING;
      case CREATED:
      case REBALANCING:
        return ranOnce.get() ? SourceState.RUNNING : SourceState.STARTING;
      case PENDING_ERROR:
      case ERROR:
        return SourceState.FAILED;
      default:
        return SourceState.STOPPED;
    }
  }

  @Override
  public SourceLag lag() {
    return lag.snapshot();
  }

  /** Why the source stopped by itself, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  private static Path temporaryStateDir() {
    try {
      return Files.createTempDirectory("tributary-kafka-streams");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a state directory for Kafka Streams", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not delete {}", dir, e);
    }
  }
}
