package io.tributary.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.List;

/**
 * The rule every source adapter's build checks on its main classes: an adapter uses ingest-core only through the
 * source API, so that landing, commit, buffering and schema logic stay in ingest-core and change without touching
 * an adapter. Shipped in ingest-core's test-jar; an adapter applies it with
 * {@code @ArchTest static final ArchRule rule = AdapterRules.usesOnlyTheSourceApi("io.tributary.kafka");}.
 */
public final class AdapterRules {
  /** The ingest-core packages an adapter may use, with their sub-packages. */
  private static final String[] API_PACKAGES = {
      "io.tributary.source..",
      "io.tributary.metrics..",
      "io.tributary.store..",
      // What adapters use today outside io.tributary.source: each line goes once the source API holds it.
      "io.tributary.record..",
  };

  /** Single ingest-core classes (with their nested classes) adapters use today outside the API packages. */
  private static final List<String> API_CLASSES = List.of(
      "io.tributary.landing.Landing",
      "io.tributary.commit.SourcePartition",
      "io.tributary.commit.Positions");

  private AdapterRules() {}

  /**
   * No class of {@code adapterPackage} (and its sub-packages) depends on an ingest-core class outside the source API.
   *
   * @param adapterPackage the adapter's root package, like {@code io.tributary.kafka}
   */
  public static ArchRule usesOnlyTheSourceApi(String adapterPackage) {
    DescribedPredicate<JavaClass> outsideTheApi = resideInAPackage("io.tributary..")
        .and(not(resideInAPackage(adapterPackage + "..")))
        .and(not(resideInAnyPackage(API_PACKAGES)))
        .and(not(apiClass()))
        .as("are ingest-core classes outside the source API " + Arrays.toString(API_PACKAGES) + " + " + API_CLASSES);
    return noClasses().that().resideInAPackage(adapterPackage + "..")
        .should().dependOnClassesThat(outsideTheApi)
        .because("an adapter reads a source and hands records to landing; landing, commit and schema logic stay in "
            + "ingest-core");
  }

  private static DescribedPredicate<JavaClass> apiClass() {
    return DescribedPredicate.describe("an API class", type -> API_CLASSES.stream()
        .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
  }
}
