package io.tributary.kafka;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tributary.architecture.AdapterRules;

/** The Kafka adapter uses ingest-core only through the source API ({@link AdapterRules}). */
@AnalyzeClasses(
    packages = "io.tributary.kafka",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class KafkaArchitectureTest {
  @ArchTest
  static final ArchRule usesOnlyTheSourceApi = AdapterRules.usesOnlyTheSourceApi("io.tributary.kafka");
}
