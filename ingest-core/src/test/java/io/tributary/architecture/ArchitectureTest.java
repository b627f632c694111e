package io.tributary.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of ingest-core, checked on its main classes in every build. A rule that fails names the class
 * and the dependency that broke it.
 */
@AnalyzeClasses(
    packages = "io.tributary",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
  /**
   * The packages that may use Hadoop types: one line per table-format package (Parquet today; Iceberg will be one
   * more line). Everything else in ingest-core stays Hadoop-free.
   */
  private static final String[] HADOOP_PACKAGES = {
      "io.tributary.parquet..",
  };

  /**
   * No cycle between the packages of ingest-core. A slice is a top-level package with its sub-packages:
   * {@code schema.internal} belongs to {@code schema} and {@code store.s3} to {@code store}, since an API package and
   * its implementation are one concern and may call each other; the next rule keeps everyone else out of
   * {@code schema.internal}.
   */
  @ArchTest
  static final ArchRule noPackageCycles = slices()
      .matching("io.tributary.(*)..")
      .namingSlices("io.tributary.$1")
      .should().beFreeOfCycles();

  /**
   * {@link io.tributary.error.ErrorType} is a leaf: every stage (decode, routing, partition, schema) reports its
   * failures with it, so it may depend on none of them.
   */
  @ArchTest
  static final ArchRule errorTypesAreALeaf = noClasses()
      .that().resideInAPackage("io.tributary.error..")
      .should().dependOnClassesThat(
          resideInAPackage("io.tributary..").and(not(resideInAPackage("io.tributary.error.."))))
      .because("the stages that report errors depend on io.tributary.error");

  /** Schema rules are reached through {@code io.tributary.schema}: its {@code internal} package is its own. */
  @ArchTest
  static final ArchRule schemaInternalsStayInSchema = noClasses()
      .that().resideOutsideOfPackage("io.tributary.schema..")
      .should().dependOnClassesThat().resideInAPackage("io.tributary.schema.internal..")
      .because("io.tributary.schema is the schema layer's API; schema.internal may change at any time");

  /** ingest-core lands records from any source: the sources' client libraries belong to the adapters. */
  @ArchTest
  static final ArchRule noSourceClientTypes = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.apache.kafka..",
          "software.amazon.kinesis..",
          "software.amazon.awssdk.services.kinesis..")
      .because("ingest-core knows no source: Kafka and Kinesis live in kafka-adapter and kinesis-adapter");

  /** Hadoop types stay in the table-format packages ({@link #HADOOP_PACKAGES}). */
  @ArchTest
  static final ArchRule hadoopOnlyInTableFormats = noClasses()
      .that().resideOutsideOfPackages(HADOOP_PACKAGES)
      .should().dependOnClassesThat().resideInAPackage("org.apache.hadoop..")
      .because("Hadoop is a provided dependency that only the file writers may touch");
}
