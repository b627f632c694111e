package io.tributary.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tributary.error.ErrorType;
import io.tributary.metrics.LandingMetrics;
import io.tributary.metrics.MetricTags;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Guards the CloudWatch path of the metrics: namespace, metric names, units, values, and that only the allowed tag
 * keys become dimensions (the meters a removed tag told apart are summed, and a percentile keeps its {@code phi}).
 *
 * <p>No CloudWatch server runs here, so what is tested is the requests the SDK would send: an
 * {@link ExecutionInterceptor} on the real async client captures each {@link PutMetricDataRequest} before
 * execution, and the signed HTTP request before transmission, where it stops the call. Publishing is triggered by
 * closing the registries, which publishes the last step's values as a shutdown does.
 */
class CloudWatchPublishTest {

  private final Capture capture = new Capture();

  @Test
  void closingPublishesEveryLandingMeterUnderTheNamespaceWithOnlyTheAllowedDimensions() {
    MetricsSettings settings = new MetricsSettings(true, "Tributary/Test", Duration.ofMinutes(1), "eu-west-1",
        Optional.of(URI.create("http://127.0.0.1:1")), Set.of(MetricTags.OUTCOME, MetricTags.ERROR_TYPE), false);
    MetricsRegistries registries = MetricsRegistries.create(settings,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTRIBUTARYTEST", "not-a-secret")),
        List.of(capture));
    LandingMetrics metrics = LandingMetrics.bind(registries.registry(), () -> 4096, () -> 12.5);
    for (int i = 0; i < 5; i++) {
      metrics.landed(100);
    }
    metrics.duplicate(30);
    metrics.errored(ErrorType.DECODE, null, 7);
    metrics.errored(ErrorType.EVENT_TIME, "orders", 11);
    metrics.errored(ErrorType.EVENT_TIME, "payments", 13);
    metrics.dataFileCommitted("orders", 100, 2048, 1500);
    metrics.dataFileCommitted("payments", 50, 1024, 2500);
    metrics.errorFileCommitted(512);

    registries.close();

    assertThat(capture.requests).isNotEmpty().allSatisfy(r -> assertThat(r.namespace()).isEqualTo("Tributary/Test"));
    Map<String, MetricDatum> data = new TreeMap<>();
    for (PutMetricDataRequest request : capture.requests) {
      for (MetricDatum datum : request.metricData()) {
        assertThat(data.put(key(datum), datum)).as("published twice: %s", key(datum)).isNull();
      }
    }
    assertThat(value(data, "tributary.received.records.count[outcome=landed]")).isEqualTo(5);
    assertThat(value(data, "tributary.received.records.count[outcome=duplicate]")).isEqualTo(1);
    assertThat(value(data, "tributary.received.records.count[outcome=error]")).isEqualTo(3);
    assertThat(value(data, "tributary.received.bytes.count[]")).isEqualTo(5 * 100 + 30 + 7 + 11 + 13);
    // dataset is not allowed: the two EVENT_TIME counters of two datasets are one metric with their sum.
    assertThat(value(data, "tributary.error.records.count[error_type=DECODE]")).isEqualTo(1);
    assertThat(value(data, "tributary.error.records.count[error_type=EVENT_TIME]")).isEqualTo(2);
    assertThat(value(data, "tributary.written.records.count[]")).isEqualTo(150);
    // kind is not allowed either: data and error files are summed.
    assertThat(value(data, "tributary.written.files.count[]")).isEqualTo(3);
    assertThat(value(data, "tributary.written.bytes.count[]")).isEqualTo(2048 + 1024 + 512);
    assertThat(data.get("tributary.received.records.count[outcome=landed]").unit()).isEqualTo(StandardUnit.COUNT);

    assertThat(value(data, "tributary.latency.count[]")).isEqualTo(2);
    assertThat(value(data, "tributary.latency.sum[]")).isEqualTo(4000);
    assertThat(value(data, "tributary.latency.max[]")).isEqualTo(2500);
    assertThat(data.get("tributary.latency.sum[]").unit()).isEqualTo(StandardUnit.MILLISECONDS);
    assertThat(value(data, "tributary.latency.percentile.value[phi=0.99]")).isCloseTo(2500, within(50.0));
    assertThat(value(data, "tributary.latency.percentile.value[phi=0.5]")).isCloseTo(1500, within(30.0));

    assertThat(value(data, "tributary.buffered.bytes.value[]")).isEqualTo(4096);
    assertThat(data.get("tributary.buffered.bytes.value[]").unit()).isEqualTo(StandardUnit.BYTES);
    assertThat(value(data, "tributary.freshness.value[]")).isEqualTo(12.5);
    assertThat(data.get("tributary.freshness.value[]").unit()).isEqualTo(StandardUnit.SECONDS);

    assertThat(data.values()).flatExtracting(MetricDatum::dimensions).extracting(Dimension::name)
        .containsOnly(MetricTags.OUTCOME, MetricTags.ERROR_TYPE, "phi");
    assertThat(data.keySet()).allMatch(k -> k.startsWith("tributary."));
  }

  @Test
  void theClientSignsForTheRegionWithTheGivenCredentialsAndSendsToTheEndpointOverride() {
    MetricsSettings settings = new MetricsSettings(true, "Tributary/Test", Duration.ofMinutes(1), "ap-southeast-2",
        Optional.of(URI.create("http://127.0.0.1:1")), Set.of(), false);
    MetricsRegistries registries = MetricsRegistries.create(settings,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTRIBUTARYTEST", "not-a-secret")),
        List.of(capture));
    LandingMetrics.bind(registries.registry(), () -> 0, () -> 0).landed(1);

    registries.close();

    assertThat(capture.transmissions).isNotEmpty().allSatisfy(http -> {
      assertThat(http.protocol()).isEqualTo("http");
      assertThat(http.host()).isEqualTo("127.0.0.1");
      assertThat(http.port()).isEqualTo(1);
      assertThat(http.firstMatchingHeader("Authorization")).hasValueSatisfying(auth -> assertThat(auth)
          .contains("Credential=AKIDTRIBUTARYTEST/")
          .contains("/ap-southeast-2/monitoring/aws4_request"));
    });
    // No dimension allowed at all: the three outcome counters are one metric.
    assertThat(capture.requests.stream().flatMap(r -> r.metricData().stream())
        .filter(d -> d.metricName().equals("tributary.received.records.count")).collect(Collectors.toList()))
        .singleElement().satisfies(d -> {
          assertThat(d.dimensions()).isEmpty();
          assertThat(d.value()).isEqualTo(1);
        });
  }

  private static String key(MetricDatum datum) {
    return datum.metricName() + datum.dimensions().stream().map(d -> d.name() + "=" + d.value()).sorted()
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static double value(Map<String, MetricDatum> data, String key) {
    MetricDatum datum = data.get(key);
    assertThat(datum).as("no datum %s among %s", key, data.keySet()).isNotNull();
    return datum.value();
  }

  /** Keeps what the SDK would send and stops the call before it leaves the process. */
  private static final class Capture implements ExecutionInterceptor {
    final List<PutMetricDataRequest> requests = new CopyOnWriteArrayList<>();
    final List<SdkHttpRequest> transmissions = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof PutMetricDataRequest request) {
        requests.add(request);
      }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      transmissions.add(context.httpRequest());
      // AbortedException: not retried by the SDK, and logged by the registry as a one-line warning.
      throw AbortedException.create("No CloudWatch server runs in tests: request captured, not sent");
    }
  }
}
