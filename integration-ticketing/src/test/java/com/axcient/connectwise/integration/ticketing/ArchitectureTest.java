package com.axcient.connectwise.integration.ticketing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ticketing talks to ConnectWise only through the client's public API, never through its HTTP
 * stack or the test kit, and its public API shows no internal type.
 */
class ArchitectureTest {

  /** The module's own main classes (their folder or jar), not the whole class path. */
  private static final JavaClasses MAIN =
      new ClassFileImporter().importLocations(Set.of(Location.of(mainClasses())));

  private static URI mainClasses() {
    try {
      return TicketingEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void mainCodeUsesOnlyTheClientsPublicApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "okhttp3..", "retrofit2..", "com.axcient.connectwise.client.internal..", "..testkit..")
        .check(MAIN);
  }

  @Test
  void publicSignaturesOutsideInternalPackagesShowNoInternalType() {
    DescribedPredicate<JavaCodeUnit> publicApi =
        DescribedPredicate.describe(
            "public members of public types outside internal packages",
            u ->
                u.getModifiers().contains(JavaModifier.PUBLIC)
                    && u.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                    && !u.getOwner().getPackageName().contains(".internal"));
    ArchCondition<JavaCodeUnit> noInternalTypes =
        new ArchCondition<>("show no type of an internal package") {
          @Override
          public void check(JavaCodeUnit unit, ConditionEvents events) {
            Set<JavaClass> involved = new HashSet<>();
            involved.addAll(unit.getReturnType().getAllInvolvedRawTypes());
            unit.getParameterTypes().forEach(t -> involved.addAll(t.getAllInvolvedRawTypes()));
            for (JavaClass type : involved) {
              if (type.getPackageName().contains(".internal")) {
                events.add(
                    SimpleConditionEvent.violated(
                        unit, unit.getFullName() + " shows internal type " + type.getName()));
              }
            }
          }
        };
    methods().that(publicApi).should(noInternalTypes).check(MAIN);
    constructors().that(publicApi).should(noInternalTypes).allowEmptyShould(true).check(MAIN);
  }
}
