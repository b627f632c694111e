package io.tributary.catalog.glue;

import io.tributary.catalog.CatalogLayout;
import io.tributary.partition.EventTimeFormat;
import io.tributary.partition.Granularity;
import io.tributary.partition.PartitionSpec;
import io.tributary.schema.DatasetSchema;
import io.tributary.schema.Field;
import io.tributary.schema.ListType;
import io.tributary.schema.MetadataColumns;
import io.tributary.schema.PrimitiveType;
import io.tributary.schema.StructType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Catalogs over a {@link FakeGlue}, their requests captured, and schemas that grow. */
final class GlueCatalogFixture {
  static final String DATABASE = "lake_db";
  /** Hourly by event time, plus a {@code region} key from {@code meta.region}. */
  static final PartitionSpec SPEC =
      new PartitionSpec("ts", EventTimeFormat.EPOCH_MILLIS, Granularity.HOUR, List.of("meta.region"));
  static final CatalogLayout LAYOUT =
      new CatalogLayout("s3://bucket/lake", "s3://bucket/errors", d -> SPEC, Granularity.DAY, "");
  /** Fast retries: the tests count attempts, not seconds. */
  static final RetryDelays FAST = (attempt, conflict) -> Duration.ofMillis(conflict ? 0 : 5);

  private GlueCatalogFixture() {}

  static GlueCatalog catalog(FakeGlue glue, GlueRequests requests, SimpleMeterRegistry registry) {
    return new GlueCatalog(GlueClients.create("us-east-1", glue.endpoint(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of(requests)),
        DATABASE, LAYOUT, registry, FAST);
  }

  /** Version 1 of {@code orders}: id, user{name}. */
  static DatasetSchema v1() {
    return new DatasetSchema("orders", 1, MetadataColumns.emptyRoot()
        .withAppended(new Field("id", "id", PrimitiveType.LONG))
        .withAppended(new Field("user", "user", StructType.of(new Field("name", "name", PrimitiveType.STRING)))));
  }

  /** Version 2: user{name, email} (a nested field). */
  static DatasetSchema v2() {
    StructType user = StructType.of(new Field("name", "name", PrimitiveType.STRING),
        new Field("email", "email", PrimitiveType.STRING));
    return new DatasetSchema("orders", 2, v1().root().withReplaced(MetadataColumns.COUNT + 1,
        new Field("user", "user", user)));
  }

  /** Version {@code v} (from 3): version 2 plus columns c3..cv. */
  static DatasetSchema withColumns(int v) {
    StructType root = v2().root();
    for (int i = 3; i <= v; i++) {
      root = root.withAppended(new Field("c" + i, "c" + i, i % 2 == 0
          ? new ListType(StructType.of(new Field("sku", "sku", PrimitiveType.STRING)))
          : PrimitiveType.TIMESTAMP));
    }
    return new DatasetSchema("orders", v, root);
  }

  /** Waits (up to a minute: the machine may be loaded) for {@code condition}; fails naming {@code what}. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for: " + what);
      }
      Thread.sleep(5);
    }
  }
}
