package com.axcient.connectwise.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A wrong setting fails at {@code build()} naming the setting and the fix. */
class BuilderValidationTest {

  private static ConnectWiseClient.Builder valid() {
    return ConnectWiseClient.builder()
        .site("api-na.myconnectwise.net")
        .companyId("acme")
        .publicKey("Pub1Key2Abc")
        .privateKey(Secret.of("Priv9Key8Xyz"))
        .clientId("3f0a6a51-7c1e-4f55-9d1f-0b8c7f3d2e10");
  }

  static Stream<Arguments> wrongSettings() {
    return Stream.of(
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.site(null), "site is missing", "api-na.myconnectwise.net"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.site(" "), "site is missing", "api-na.myconnectwise.net"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.site("cw example.com"), "site", "enter the host only"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.site("https://user:pw@cw.example.com"), "site must not contain a user name", "company ID and keys"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.site("http://cw.example.com"), "plain http", "allowInsecureHttp"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.companyId(null), "companyId is missing", "login page"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.companyId(""), "companyId is missing", "login page"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.companyId("acme+Pub1Key2Abc"), "companyId must not contain '+' or ':'", "without the keys"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.companyId("ac\tme"), "companyId contains a control character", "plain text"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.publicKey(null), "publicKey is missing", "public key of the API member"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.publicKey("Pub:Priv"), "publicKey must not contain ':'", "only the public key"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.privateKey(null), "privateKey is missing", "create a new key if it is lost"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.privateKey(Secret.of(" Priv9Key8Xyz")), "privateKey starts or ends with spaces", "without them"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.clientId(null), "clientId is missing", "developer.connectwise.com"),
        Arguments.of((UnaryOperator<ConnectWiseClient.Builder>) b -> b.codebase("../admin"), "codebase '../admin' is not valid", "v4_6_release"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wrongSettings")
  void aWrongSettingIsNamedWithItsFix(
      UnaryOperator<ConnectWiseClient.Builder> change, String problem, String fix) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining(fix)
        .hasMessageNotContaining("Priv9Key8Xyz");
  }

  @Test
  void siteUrlChecksASiteAsTheBuilderDoesWithoutBuildingAClient() {
    assertThat(ConnectWiseClient.siteUrl("na.myconnectwise.net", false))
        .isEqualTo("https://api-na.myconnectwise.net/");
    assertThat(ConnectWiseClient.siteUrl("http://127.0.0.1:18080", true))
        .isEqualTo("http://127.0.0.1:18080/");
    assertThatThrownBy(() -> ConnectWiseClient.siteUrl("http://cw.example.com", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
  }

  @Test
  void numericLimitsAreCheckedWhenSet() {
    assertThatThrownBy(() -> valid().maxResponseBytes(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResponseBytes must be at least 1024");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts must be at least 1");
    assertThatThrownBy(() -> Query.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize must be at least 1");
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plainHttpIsAllowedOnlyWhenAskedFor() {
    try (ConnectWiseClient client = valid().site("http://127.0.0.1:8080").allowInsecureHttp(true).build()) {
      assertThat(client.siteUrl()).isEqualTo("http://127.0.0.1:8080/");
    }
  }

  @Test
  void theBrowserHostBecomesTheApiHost() {
    try (ConnectWiseClient na = valid().site("na.myconnectwise.net").build();
        ConnectWiseClient eu = valid().site("https://eu.myconnectwise.net/").build();
        ConnectWiseClient onPremises = valid().site("cw.example.com:8443").build()) {
      assertThat(na.siteUrl()).isEqualTo("https://api-na.myconnectwise.net/");
      assertThat(eu.siteUrl()).isEqualTo("https://api-eu.myconnectwise.net/");
      assertThat(onPremises.siteUrl()).isEqualTo("https://cw.example.com:8443/");
    }
  }

  @Test
  void settingsAreTrimmed() {
    try (ConnectWiseClient client =
        valid().companyId("  acme ").codebase("v2025_1").build()) {
      assertThat(client.companyId()).isEqualTo("acme");
      assertThat(client.codebase()).isEqualTo("v2025_1/");
    }
  }

  @Test
  void toStringNamesTheSiteAndCompanyButNeverTheKeys() {
    try (ConnectWiseClient client = valid().build()) {
      assertThat(client.toString())
          .isEqualTo("ConnectWiseClient[site=https://api-na.myconnectwise.net/, companyId=acme]")
          .doesNotContain("Priv9Key8Xyz")
          .doesNotContain("Pub1Key2Abc");
    }
  }
}
