package io.tributary.firehose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The sink holds no landing logic: it takes shaped rows and reports what Firehose acknowledged, and uses ingest-core
 * only for the row's types (schema, source), the key declarations and the AWS client helper. Buffering, commits,
 * stores, partitioning and the schema's internals stay in ingest-core.
 */
@AnalyzeClasses(
    packages = "io.tributary.firehose",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class FirehoseArchitectureTest {

  @ArchTest
  static final ArchRule noLandingLogic = noClasses().that().resideInAPackage("io.tributary.firehose..")
      .should().dependOnClassesThat().resideInAnyPackage("io.tributary.landing..", "io.tributary.commit..",
          "io.tributary.buffer..", "io.tributary.store..", "io.tributary.parquet..", "io.tributary.partition..",
          "io.tributary.decode..", "io.tributary.routing..", "io.tributary.errors..", "io.tributary.catalog..",
          "io.tributary.schema.internal..", "org.apache.hadoop..")
      .because("the landing decides what is sent and when; the sink only delivers (docs/design/firehose.md)");
}
