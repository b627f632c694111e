package io.tributary.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The service wires the Iceberg table format through module iceberg-table's own types ({@code io.tributary.iceberg}):
 * no Iceberg or Hadoop type appears in the service's code.
 */
@AnalyzeClasses(
    packages = "io.tributary.app",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class TableFormatBoundaryTest {

  /** Not even {@code tributary maintain}: iceberg-table's ServiceMaintenance builds what it runs. */
  @ArchTest
  static final ArchRule noIcebergTypesInTheService = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.iceberg..", "org.apache.hadoop..")
      .because("Iceberg (and the Hadoop it drags in) stay inside iceberg-table");
}
