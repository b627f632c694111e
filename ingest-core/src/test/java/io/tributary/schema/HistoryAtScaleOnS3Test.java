package io.tributary.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.s3.S3ObjectStore;
import io.tributary.testing.Json;
import io.tributary.testing.S3ProxyServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class HistoryAtScaleOnS3Test {
  private static final int VERSIONS = 500;

  @Test
  void aNewInstanceReadsTheLatestOfFiveHundredVersionsWithThreeHttpRequests() {
    try (S3ProxyServer s3 = S3ProxyServer.launch()) {
      startsWithThreeRequests(s3, s3.createBucket("schema-history"));
    }
  }

  private static void startsWithThreeRequests(S3ProxyServer s3, String bucket) {
    try (S3ObjectStore writerStore = new S3ObjectStore(s3.settings(bucket), s3.newClient())) {
      SchemaHistory writer = new SchemaHistory(writerStore, "lake", "writer", Clock.systemUTC());
      DatasetSchema schema = null;
      StructType root = MetadataColumns.emptyRoot();
      for (int v = 1; v <= VERSIONS; v++) {
        root = root.withAppended(new Field("f" + v, "f" + v, PrimitiveType.LONG));
        schema = writer.publish("events", schema, root, 1000);
      }
      assertThat(schema.version()).isEqualTo(VERSIONS);
    }

    AtomicInteger requests = new AtomicInteger();
    ExecutionInterceptor counting = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
      }
    };
    try (S3ObjectStore store = new S3ObjectStore(s3.settings(bucket), S3ObjectStore.buildClient(
        s3.settings(bucket), S3ProxyServer.credentials(), List.of(counting)))) {
      DatasetSchemas starting = new DatasetSchemas(new SchemaHistory(store, "lake", "new", Clock.systemUTC()),
          dataset -> EvolutionSettings.defaults());
      ShapeResult result = starting.shape("events", Json.event("{'f1': 1}"), 0L, "s", "0", "1");

      assertThat(((ShapeResult.Shaped) result).schema().version()).isEqualTo(VERSIONS);
      assertThat(requests.get()).isEqualTo(3);
    }
  }
}
