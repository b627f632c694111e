package io.tributary.firehose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The sink holds no landing logic: it takes shaped rows and reports what Firehose acknowledged, and uses ingest-core
 * only for the row's types (schema, source), the key declarations and the AWS client helper. Buffering, commits,
 * stores, partitioning and the schema's internals stay in ingest-core. Only {@code io.tributary.firehose.seam}, the
 * landing's {@code DatasetSink} for Firehose datasets, sees the seam's types.
 */
@AnalyzeClasses(
    packages = "io.tributary.firehose",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class FirehoseArchitectureTest {

  @ArchTest
  static final ArchRule noLandingLogic = noClasses().that().resideInAPackage("io.tributary.firehose")
      .should().dependOnClassesThat().resideInAnyPackage("io.tributary.landing..", "io.tributary.commit..",
          "io.tributary.buffer..", "io.tributary.store..", "io.tributary.parquet..", "io.tributary.partition..",
          "io.tributary.decode..", "io.tributary.routing..", "io.tributary.errors..", "io.tributary.catalog..",
          "io.tributary.schema.internal..", "org.apache.hadoop..")
      .because("the landing decides what is sent and when; the sink only delivers (docs/design/firehose.md)");

  @ArchTest
  static final ArchRule theSeamOnlyAdapts = noClasses().that().resideInAPackage("io.tributary.firehose.seam")
      .should().dependOnClassesThat().resideInAnyPackage("io.tributary.landing..", "io.tributary.parquet..",
          "io.tributary.partition..", "io.tributary.decode..", "io.tributary.routing..", "io.tributary.errors..",
          "io.tributary.catalog.hive..", "io.tributary.catalog.glue..", "io.tributary.schema.internal..", "org.apache.hadoop..")
      .because("the DatasetSink of Firehose datasets adapts the seam's types (commit, buffer, store failures, the CatalogSync it waits on) to the "
          + "delivery; the landing's logic stays in ingest-core");

  @ArchTest
  static final ArchRule theDeliveryDoesNotKnowTheSeam = noClasses().that().resideInAPackage("io.tributary.firehose")
      .should().dependOnClassesThat().resideInAPackage("io.tributary.firehose.seam")
      .because("the seam package depends on the delivery, not the other way round (no package cycle)");
}
