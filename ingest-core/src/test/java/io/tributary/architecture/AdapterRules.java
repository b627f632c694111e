package io.tributary.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/**
 * The rule every source adapter's build checks on its main classes: an adapter uses ingest-core only through the
 * source API, so that landing, commit, buffering and schema logic stay in ingest-core and change without touching
 * an adapter. Shipped in ingest-core's test-jar; an adapter applies it with
 * {@code @ArchTest static final ArchRule rule = AdapterRules.usesOnlyTheSourceApi("io.tributary.kafka");}.
 */
public final class AdapterRules {
  /**
   * The ingest-core packages an adapter may use, with their sub-packages: the source API, and the key declarations
   * with which an adapter declares its own settings.
   */
  private static final String[] API_PACKAGES = {"io.tributary.source..", "io.tributary.config.."};

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
        .as("are ingest-core classes outside the source API " + Arrays.toString(API_PACKAGES));
    return noClasses().that().resideInAPackage(adapterPackage + "..")
        .should().dependOnClassesThat(outsideTheApi)
        .because("an adapter reads a source and hands records to landing; landing, commit and schema logic stay in "
            + "ingest-core");
  }
}
