package com.axcient.connectwise.integration.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.ErrorContext;
import com.axcient.connectwise.client.InvalidResponseException;
import com.axcient.connectwise.client.TransportException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failures the simulator cannot produce: cloud hosts, redirects, certificates, other wording. */
class ExplanationTest {

  private static final ErrorContext LOOKUP =
      ErrorContext.builder("GET", "/login/companyinfo/acme").status(200).build();

  @Test
  void aWebPageFromTheCloudAsksForTheRegionHostAsInTheBrowser() {
    Explanation explanation =
        Explanation.of(
            new InvalidResponseException("HTML instead of JSON", LOOKUP), "api-na.myconnectwise.net");

    assertThat(explanation.detail()).contains("answered with a web page");
    assertThat(explanation.fix()).contains("na.myconnectwise.net", "eu.myconnectwise.net", "proxy");
  }

  @Test
  void aRedirectIsNamedAsARedirect() {
    Explanation explanation =
        Explanation.of(
            new InvalidResponseException(
                "redirected", ErrorContext.builder("GET", "/login/companyinfo/acme").status(302).build()),
            "cw.example.com");

    assertThat(explanation.detail())
        .isEqualTo("cw.example.com redirected the request instead of answering as ConnectWise's API (HTTP 302).");
    assertThat(explanation.fix()).contains("API address");
  }

  @Test
  void anUntrustedCertificateSaysWhatToInstall() {
    Explanation explanation =
        Explanation.of(
            new TransportException(
                "TLS failed",
                ErrorContext.builder("GET", "/login/companyinfo/acme").build(),
                new SSLHandshakeException("PKIX path building failed"),
                false),
            "cw.example.com");

    assertThat(explanation.detail()).contains("certificate is not trusted");
    assertThat(explanation.fix()).contains("trust store");
  }

  @Test
  void aClientIdRefusalIsRecognisedInConnectWisesOwnWordsOnly() {
    AuthenticationException keys =
        new AuthenticationException(
            "check the company ID, the keys and the client ID",
            ErrorContext.builder("GET", "/system/info")
                .status(401)
                .errorCode("Unauthorized")
                .serverMessage("UserNotAuthenticated")
                .build());
    AuthenticationException clientId =
        new AuthenticationException(
            "check the client ID",
            ErrorContext.builder("GET", "/system/info")
                .status(401)
                .serverMessage("A valid ClientId is required")
                .build());

    assertThat(Explanation.mentionsClientId(keys)).isFalse();
    assertThat(Explanation.mentionsClientId(clientId)).isTrue();
  }
}
