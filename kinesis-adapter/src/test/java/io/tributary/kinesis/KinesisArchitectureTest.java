package io.tributary.kinesis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.tributary.architecture.AdapterRules;

/** The Kinesis adapter uses ingest-core only through the source API ({@link AdapterRules}). */
@AnalyzeClasses(
    packages = "io.tributary.kinesis",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class KinesisArchitectureTest {
  @ArchTest
  static final ArchRule usesOnlyTheSourceApi = AdapterRules.usesOnlyTheSourceApi("io.tributary.kinesis");
}
