package com.axcient.connectwise.integration.billing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Billing uses only the client's public API and core; it never reaches HTTP or the simulator. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.axcient.connectwise.integration.billing");

  @Test
  void billingUsesOnlyTheClientsPublicApi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "okhttp3..", "retrofit2..", "..client.internal..", "..core..internal..", "..testkit..",
            "..integration.ticketing..")
        .check(classes);
  }
}
