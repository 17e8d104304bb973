package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The settings that reach a ConnectWise site, from flags or from the {@code CW_*} environment
 * variables. The private key is read from {@code CW_PRIVATE_KEY} or {@code --private-key}, or asked
 * for without echo; it is never printed.
 */
final class ConnectionOptions {

  @Option(
      names = "--site",
      defaultValue = "${env:CW_SITE}",
      description = "ConnectWise host, such as na.myconnectwise.net (env CW_SITE).")
  String site;

  @Option(
      names = "--company-id",
      defaultValue = "${env:CW_COMPANY_ID}",
      description = "Company ID used at ConnectWise's login page (env CW_COMPANY_ID).")
  String companyId;

  @Option(
      names = "--public-key",
      defaultValue = "${env:CW_PUBLIC_KEY}",
      description = "API member's public key (env CW_PUBLIC_KEY).")
  String publicKey;

  @Option(
      names = "--private-key",
      arity = "0..1",
      interactive = true,
      prompt = "API member's private key (not shown): ",
      defaultValue = "${env:CW_PRIVATE_KEY}",
      description = "API member's private key (env CW_PRIVATE_KEY); without a value it is asked for.")
  char[] privateKey;

  @Option(
      names = "--client-id",
      defaultValue = "${env:CW_CLIENT_ID}",
      description = "Client ID registered at developer.connectwise.com (env CW_CLIENT_ID).")
  String clientId;

  @Option(
      names = "--member",
      defaultValue = "${env:CW_MEMBER}",
      description = "The API member's member ID, such as BackupAPI (env CW_MEMBER).")
  String member;

  @Option(
      names = "--allow-http",
      description = "Allow an http:// site; only for a local simulator.")
  boolean allowHttp;

  /** The settings, without the client ID; every problem with them is reported at once. */
  PsaSettings settings() {
    return checked(false).settings();
  }

  /** The settings and the client ID, for a command that connects; every problem at once. */
  Connection connection() {
    return checked(true);
  }

  private Connection checked(boolean needsClientId) {
    PsaSettings.Builder builder =
        PsaSettings.builder()
            .site(site)
            .companyId(companyId)
            .publicKey(publicKey)
            .privateKey(
                privateKey == null || privateKey.length == 0 ? null : Secret.of(new String(privateKey)))
            .apiMemberIdentifier(member)
            .allowInsecureHttp(allowHttp);
    List<SettingsProblem> problems = new ArrayList<>(builder.problems());
    if (needsClientId && (clientId == null || clientId.isBlank())) {
      problems.add(
          new SettingsProblem(
              "clientId",
              "is missing: enter the client ID registered for the product at"
                  + " developer.connectwise.com"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new Connection(builder.build(), needsClientId ? clientId.strip() : "");
  }

  /**
   * What a command needs to reach ConnectWise.
   *
   * @param settings the checked settings
   * @param clientId the product's client ID
   */
  record Connection(PsaSettings settings, String clientId) {}
}
