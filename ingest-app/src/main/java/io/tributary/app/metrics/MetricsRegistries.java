package io.tributary.app.metrics;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClientBuilder;

/**
 * The service's meter registry: a composite of a CloudWatch registry and a Prometheus registry, each present when
 * the settings enable it (with neither, meters record nothing). Register meters in {@link #registry()}; serve
 * {@link #scrape()} at {@code /metrics}; {@link #close()} at shutdown publishes the last values to CloudWatch.
 */
public final class MetricsRegistries implements AutoCloseable {
  private final CompositeMeterRegistry composite = new CompositeMeterRegistry();
  private final CloudWatchAsyncClient cloudWatch;
  private final PrometheusMeterRegistry prometheus;

  private MetricsRegistries(MetricsSettings settings, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    if (settings.cloudWatchEnabled()) {
      cloudWatch = client(settings, credentials, interceptors);
      CloudWatchMeterRegistry registry = new CloudWatchMeterRegistry(config(settings), Clock.SYSTEM, cloudWatch);
      // Before any meter exists, so that every meter the composite adds to this registry is filtered. CloudWatch
      // bills each metric: it gets the engine's own (tributary.*); JVM, process and Kafka client meters go to
      // Prometheus only.
      registry.config().meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith("tributary.")));
      registry.config().meterFilter(dimensionsOnly(settings.dimensions()));
      composite.add(registry);
    } else {
      cloudWatch = null;
    }
    if (settings.prometheusEnabled()) {
      prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      composite.add(prometheus);
    } else {
      prometheus = null;
    }
    jvmAndProcess.forEach(binder -> binder.bindTo(composite));
  }

  /** The JVM's and the process's meters (jvm.*, process.*, system.*), closed with the registries. */
  private final List<MeterBinder> jvmAndProcess = List.of(new JvmMemoryMetrics(), new JvmGcMetrics(),
      new JvmThreadMetrics(), new ClassLoaderMetrics(), new JvmInfoMetrics(), new ProcessorMetrics(),
      new UptimeMetrics(), new FileDescriptorMetrics());

  /** The registries {@code settings} enable, with the default AWS credentials chain (on ECS: the task role). */
  public static MetricsRegistries create(MetricsSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build(), List.of());
  }

  /**
   * The registries {@code settings} enable.
   *
   * @param credentials signs the CloudWatch requests
   * @param interceptors added to the CloudWatch client, in order (tests capture its requests with one)
   */
  public static MetricsRegistries create(MetricsSettings settings, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    Objects.requireNonNull(settings, "settings may not be null");
    Objects.requireNonNull(credentials, "credentials may not be null");
    return new MetricsRegistries(settings, credentials, List.copyOf(interceptors));
  }

  /** Where the engine registers its meters. */
  public MeterRegistry registry() {
    return composite;
  }

  public boolean prometheusEnabled() {
    return prometheus != null;
  }

  /**
   * Every meter in the Prometheus text exposition format, for {@code GET /metrics}.
   *
   * @throws IllegalStateException when Prometheus is not enabled
   */
  public String scrape() {
    if (prometheus == null) {
      throw new IllegalStateException("Cannot scrape metrics: Prometheus is not enabled");
    }
    return prometheus.scrape();
  }

  /** Publishes the last step's values to CloudWatch (waiting for the request) and releases the client. */
  @Override
  public void close() {
    for (MeterBinder binder : jvmAndProcess) {
      if (binder instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // A binder that cannot close holds nothing the process needs after this.
        }
      }
    }
    composite.close();
    if (cloudWatch != null) {
      cloudWatch.close();
    }
  }

  /**
   * Keeps only the tag keys in {@code allowed}. Meters that differed only in a removed tag become one meter in the
   * registry this filter is on, which sums their counts. A percentile keeps its {@code phi}: Micrometer registers
   * percentile gauges as synthetic meters of their timer, which filters do not map (their timer was mapped).
   */
  static MeterFilter dimensionsOnly(Set<String> allowed) {
    Set<String> keys = Set.copyOf(allowed);
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        List<Tag> kept = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
          if (keys.contains(tag.getKey())) {
            kept.add(tag);
          }
        }
        return kept.size() == id.getTags().size() ? id : id.replaceTags(kept);
      }
    };
  }

  private static CloudWatchAsyncClient client(MetricsSettings settings, AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    CloudWatchAsyncClientBuilder builder = CloudWatchAsyncClient.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(credentials)
        .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static CloudWatchConfig config(MetricsSettings settings) {
    return new CloudWatchConfig() {
      @Override
      public String get(String key) {
        return null;
      }

      @Override
      public String namespace() {
        return settings.namespace();
      }

      @Override
      public Duration step() {
        return settings.step();
      }
    };
  }
}
