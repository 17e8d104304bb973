package com.axcient.connectwise.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteTest {

  @ParameterizedTest(name = "{0} -> {1} codebase {2}")
  @CsvSource({
    "na.myconnectwise.net, https://api-na.myconnectwise.net/, ''",
    "eu.myconnectwise.net, https://api-eu.myconnectwise.net/, ''",
    "au.myconnectwise.net, https://api-au.myconnectwise.net/, ''",
    "NA.MyConnectWise.net, https://api-na.myconnectwise.net/, ''",
    "https://na.myconnectwise.net/, https://api-na.myconnectwise.net/, ''",
    "api-na.myconnectwise.net, https://api-na.myconnectwise.net/, ''",
    "api-eu.myconnectwise.net, https://api-eu.myconnectwise.net/, ''",
    "sandbox-na.myconnectwise.net, https://sandbox-na.myconnectwise.net/, ''",
    "cw.example.com, https://cw.example.com/, ''",
    "cw.example.com:8443, https://cw.example.com:8443/, ''",
    "  cw.example.com  , https://cw.example.com/, ''",
    "https://na.myconnectwise.net/v4_6_release/apis/3.0, https://api-na.myconnectwise.net/, v4_6_release/",
    "https://cw.example.com/v2025_1/apis/3.0/service/tickets, https://cw.example.com/, v2025_1/",
  })
  void normalisesHostsAndKeepsPastedCodebase(String input, String root, String codebase) {
    Site site = Site.parse(input, false);

    assertThat(site.root().toString()).isEqualTo(root);
    assertThat(site.codebaseFromUrl().orElse("")).isEqualTo(codebase);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://cw.example.com", "http://na.myconnectwise.net"})
  void refusesPlainHttpUnlessAllowed(String input) {
    assertThatThrownBy(() -> Site.parse(input, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("https");
    assertThat(Site.parse(input, true).root().scheme()).isEqualTo("http");
  }

  @org.junit.jupiter.api.Test
  void plainHttpErrorQuotesTheSiteAsTypedWithoutItsQuery() {
    assertThatThrownBy(() -> Site.parse(" http://127.0.0.1:18080 ", false))
        .hasMessageStartingWith("site 'http://127.0.0.1:18080' uses plain http");
    assertThatThrownBy(
            () -> Site.parse("http://cw.example.com:8080/v4_6_release/apis/3.0?token=abc#top", false))
        .hasMessageStartingWith(
            "site 'http://cw.example.com:8080/v4_6_release/apis/3.0' uses plain http")
        .hasMessageNotContaining("token")
        .hasMessageNotContaining("abc");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "cw.example.com, cw.example.com",
    "https://cw.example.com:443/, cw.example.com",
    "cw.example.com:8443, cw.example.com:8443",
    "http://127.0.0.1:18080, 127.0.0.1:18080",
    "http://127.0.0.1:80, 127.0.0.1",
    "na.myconnectwise.net, api-na.myconnectwise.net",
    "'http://[::1]:18080', '[::1]:18080'",
  })
  void authorityNamesThePortOnlyWhenItIsNotTheSchemesDefault(String input, String authority) {
    assertThat(Site.parse(input, true).authority()).isEqualTo(authority);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "cw example.com", "https://user:pass@cw.example.com", "https://"})
  void refusesWhatIsNotAHost(String input) {
    assertThatThrownBy(() -> Site.parse(input, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("site");
  }

  @ParameterizedTest
  @CsvSource({"v4_6_release, v4_6_release/", "/v2025_1/, v2025_1/", "v2025.16/, v2025.16/"})
  void normalisesCodebases(String input, String expected) {
    assertThat(Site.normaliseCodebase(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../admin", "v4 6", "v4_6_release/apis"})
  void refusesCodebasesThatCouldChangeThePath(String input) {
    assertThatThrownBy(() -> Site.normaliseCodebase(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("codebase");
  }

  @org.junit.jupiter.api.Test
  void ownsOnlyUrlsOnTheSameSchemeHostAndPort() {
    Site site = Site.parse("cw.example.com", false);

    assertThat(site.owns(okhttp3.HttpUrl.get("https://cw.example.com/x"))).isTrue();
    assertThat(site.owns(okhttp3.HttpUrl.get("https://CW.example.com/x"))).isTrue();
    assertThat(site.owns(okhttp3.HttpUrl.get("http://cw.example.com/x"))).isFalse();
    assertThat(site.owns(okhttp3.HttpUrl.get("https://cw.example.com:8443/x"))).isFalse();
    assertThat(site.owns(okhttp3.HttpUrl.get("https://evil.example.com/x"))).isFalse();
  }
}
