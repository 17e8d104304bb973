package com.axcient.connectwise.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering users rely on: models free of HTTP, Retrofit hidden behind the internal package. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.axcient.connectwise.client");
  }

  @Test
  void modelsKnowNothingOfHttp() {
    noClasses()
        .that()
        .resideInAPackage("..client.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "retrofit2..", "..client.internal..")
        .check(classes);
  }

  @Test
  void retrofitIsUsedOnlyInsideTheInternalPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..client.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("retrofit2..")
        .check(classes);
  }

  @Test
  void theClientKnowsNothingOfAlertsBillingOrTheSimulator() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..integration..", "..testkit..")
        .check(classes);
  }
}
