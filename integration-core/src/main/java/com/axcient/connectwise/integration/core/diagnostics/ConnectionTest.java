package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.RetryPolicy;
import com.axcient.connectwise.client.model.CompanyInfo;
import com.axcient.connectwise.client.model.SystemInfo;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Check;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Status;
import com.axcient.connectwise.integration.core.diagnostics.ConnectionReport.Step;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The test connection behind a settings page's "Test connection" button: it tries the settings
 * against ConnectWise step by step and reports each step with the fix in the user's words.
 *
 * <pre>{@code
 * ConnectionReport report = ConnectionTest.forClientId(PRODUCT_CLIENT_ID)
 *     .withFeatures(EnumSet.of(Feature.TICKETING))
 *     .run(settings);
 * report.firstFailure().ifPresent(step -> showError(step.detail(), step.fix()));
 * }</pre>
 *
 * <p>The steps, in order:
 *
 * <ol>
 *   <li>{@link Check#SITE}: the site answers, and answers as ConnectWise (an unknown host, a
 *       refused connection, a timeout, an untrusted certificate, or a web page from a browser
 *       address or a proxy fail here);
 *   <li>{@link Check#COMPANY}: ConnectWise knows the company ID; the codebase it names;
 *   <li>{@link Check#CREDENTIALS}: the company ID with the API member's keys is accepted;
 *   <li>{@link Check#CLIENT_ID}: the product's client ID is accepted;
 *   <li>{@link Check#PERMISSION}, once per record type an enabled {@link Feature} needs: a harmless
 *       read (a count) that fails when the API member's security role lacks the right, naming the
 *       role setting to change. Writes cannot be tried without writing; such a step says so;
 *   <li>{@link Check#SERVER_VERSION}: the ConnectWise version of the site.
 * </ol>
 *
 * <p>A step that cannot run because one it depends on failed is {@link Status#SKIPPED}. A refused
 * permission does not stop the other permission steps, so that every missing right is reported at
 * once. The test sends only reads, makes each request once (no retries), and waits at most 15
 * seconds to connect and 30 seconds for each answer unless {@link #withClientSettings} says
 * otherwise. No step ever contains the private key.
 *
 * <p>Instances are immutable and thread safe.
 */
public final class ConnectionTest {

  private static final Consumer<ConnectWiseClient.Builder> NO_CHANGES = builder -> {};
  private static final String SITE = "Site";
  private static final String COMPANY = "Company";
  private static final String CREDENTIALS = "Credentials";
  private static final String CLIENT_ID = "Client ID";
  private static final String SERVER_VERSION = "Server version";

  private final String clientId;
  private final Set<Feature> features;
  private final Consumer<ConnectWiseClient.Builder> clientSettings;

  private ConnectionTest(
      String clientId, Set<Feature> features, Consumer<ConnectWiseClient.Builder> clientSettings) {
    this.clientId = clientId;
    this.features = features;
    this.clientSettings = clientSettings;
  }

  /**
   * A test for the product with this client ID, checking no feature's permissions until {@link
   * #withFeatures} names some.
   *
   * @param clientId the client ID the product registered at developer.connectwise.com
   * @throws IllegalArgumentException if the client ID is missing: it is the product's, not a user
   *     setting, so a missing one is a mistake in the product
   */
  public static ConnectionTest forClientId(String clientId) {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException(
          "clientId is missing: pass the client ID the product registered at"
              + " developer.connectwise.com");
    }
    return new ConnectionTest(clientId.strip(), Set.of(), NO_CHANGES);
  }

  /**
   * Tests the settings for the product's client ID and the features it has switched on.
   *
   * @param settings the settings to test
   * @param clientId the client ID the product registered at developer.connectwise.com
   * @param features the features whose permissions are checked
   * @return the report; it never throws for a problem with ConnectWise or the network
   */
  public static ConnectionReport run(PsaSettings settings, String clientId, Set<Feature> features) {
    return forClientId(clientId).withFeatures(features).run(settings);
  }

  /** The same test, checking the permissions these features need. */
  public ConnectionTest withFeatures(Set<Feature> features) {
    Objects.requireNonNull(features, "features");
    return new ConnectionTest(
        clientId,
        features.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(features)),
        clientSettings);
  }

  /**
   * The same test, changing the ConnectWise client it uses before it is built: timeouts, the
   * product's {@code OkHttpClient} (proxy, TLS), a retry policy, a user agent suffix.
   */
  public ConnectionTest withClientSettings(Consumer<ConnectWiseClient.Builder> clientSettings) {
    return new ConnectionTest(
        clientId, features, Objects.requireNonNull(clientSettings, "clientSettings"));
  }

  /** The features whose permissions this test checks. */
  public Set<Feature> features() {
    return features;
  }

  /**
   * Runs the test against ConnectWise.
   *
   * @param settings the settings to test, as entered on the settings page
   * @return the report; it never throws for a problem with ConnectWise or the network
   */
  public ConnectionReport run(PsaSettings settings) {
    Objects.requireNonNull(settings, "settings");
    ConnectWiseClient.Builder builder =
        settings
            .clientBuilder(clientId)
            // A test answers the user now: report the first failure instead of retrying it.
            .retryPolicy(RetryPolicy.none())
            .connectTimeout(Duration.ofSeconds(15))
            .readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(60));
    clientSettings.accept(builder);
    try (ConnectWiseClient client = builder.build()) {
      return new Run(client, settings).steps();
    }
  }

  /** The role settings the enabled features need, in the order they are checked. */
  private List<RoleSetting> neededRoleSettings() {
    List<RoleSetting> needed = new ArrayList<>();
    if (features.contains(Feature.TICKETING)) {
      needed.addAll(
          List.of(RoleSetting.SERVICE_TICKETS, RoleSetting.SERVICE_BOARDS, RoleSetting.COMPANIES));
    }
    if (features.contains(Feature.BILLING)) {
      needed.addAll(List.of(RoleSetting.AGREEMENTS, RoleSetting.AGREEMENT_ADDITIONS));
    }
    return needed;
  }

  /** One run: the steps so far and what they found. */
  private final class Run {
    private static final String EARLIER_STEP_FAILED = "Not checked: an earlier step failed.";

    private final ConnectWiseClient client;
    private final PsaSettings settings;
    private final String host;
    private final List<Step> steps = new ArrayList<>();

    Run(ConnectWiseClient client, PsaSettings settings) {
      this.client = client;
      this.settings = settings;
      this.host = URI.create(client.siteUrl()).getAuthority();
    }

    ConnectionReport steps() {
      Optional<SystemInfo> system = Optional.empty();
      if (siteAndCompany()) {
        system = credentialsAndClientId();
      } else {
        skipped(Check.CREDENTIALS, CREDENTIALS, EARLIER_STEP_FAILED);
        skipped(Check.CLIENT_ID, CLIENT_ID, EARLIER_STEP_FAILED);
      }
      if (system.isPresent()) {
        permissions();
        serverVersion(system.get());
      } else {
        for (RoleSetting setting : neededRoleSettings()) {
          skipped(Check.PERMISSION, readName(setting), EARLIER_STEP_FAILED);
        }
        skipped(Check.SERVER_VERSION, SERVER_VERSION, EARLIER_STEP_FAILED);
      }
      return new ConnectionReport(steps);
    }

    /** The site and company steps; whether both passed. */
    private boolean siteAndCompany() {
      CompanyInfo info;
      try {
        info = client.companyInfo();
      } catch (NotFoundException unknownCompany) {
        passed(Check.SITE, SITE, host + " answered as ConnectWise.", Optional.empty());
        failed(
            Check.COMPANY,
            COMPANY,
            "ConnectWise at " + host + " has no company '" + settings.companyId() + "'.",
            "Check the company ID: it is the company name you type on ConnectWise's login"
                + " screen, not your company's full name.");
        return false;
      } catch (ConnectWiseException e) {
        failed(Check.SITE, SITE, Explanation.of(e, host));
        skipped(Check.COMPANY, COMPANY, EARLIER_STEP_FAILED);
        return false;
      }
      passed(Check.SITE, SITE, host + " answered as ConnectWise.", Optional.empty());
      String codebase = info.codebase().orElse("").replaceAll("/+$", "");
      String detail =
          "ConnectWise knows the company '"
              + info.companyName().orElse(settings.companyId())
              + "'; it is served by codebase "
              + codebase
              + (info.isCloud().orElse(false) ? " in ConnectWise's cloud." : " on your own server.");
      Optional<String> advice = Optional.empty();
      Optional<String> configured = settings.codebase().map(c -> c.replaceAll("^/+|/+$", ""));
      if (configured.isPresent() && !configured.get().equalsIgnoreCase(codebase)) {
        detail += " The codebase setting names " + configured.get() + " instead.";
        advice =
            Optional.of(
                "Leave the codebase setting empty so that the current codebase is always used:"
                    + " ConnectWise moves hosted sites to a new codebase when it upgrades them.");
      }
      passed(Check.COMPANY, COMPANY, detail, advice);
      return true;
    }

    /** The credentials and client ID steps; the server's information when both passed. */
    private Optional<SystemInfo> credentialsAndClientId() {
      try {
        SystemInfo info = client.systemInfo();
        passed(
            Check.CREDENTIALS,
            CREDENTIALS,
            "ConnectWise accepted the company ID and the API member's keys.",
            Optional.empty());
        passed(
            Check.CLIENT_ID,
            CLIENT_ID,
            "ConnectWise accepted the product's client ID.",
            Optional.empty());
        return Optional.of(info);
      } catch (AuthenticationException e) {
        if (Explanation.mentionsClientId(e)) {
          passed(
              Check.CREDENTIALS,
              CREDENTIALS,
              "ConnectWise's answer was about the client ID, not the company ID or the keys.",
              Optional.empty());
          failed(Check.CLIENT_ID, CLIENT_ID, Explanation.of(e, host));
        } else {
          failed(Check.CREDENTIALS, CREDENTIALS, Explanation.of(e, host));
          skipped(Check.CLIENT_ID, CLIENT_ID, EARLIER_STEP_FAILED);
        }
      } catch (ConnectWiseException e) {
        failed(Check.CREDENTIALS, CREDENTIALS, Explanation.of(e, host));
        skipped(Check.CLIENT_ID, CLIENT_ID, EARLIER_STEP_FAILED);
      }
      return Optional.empty();
    }

    private void permissions() {
      boolean connectionLost = false;
      for (RoleSetting setting : neededRoleSettings()) {
        String name = readName(setting);
        if (connectionLost) {
          skipped(Check.PERMISSION, name, "Not checked: the previous request got no usable answer.");
          continue;
        }
        try {
          OptionalLong count = setting.probe(client);
          if (count.isEmpty()) {
            skipped(
                Check.PERMISSION,
                name,
                "Not checked: there is no agreement yet to read "
                    + setting.records()
                    + " from. Reading them needs "
                    + setting.missingRead()
                    + ".");
          } else {
            passed(
                Check.PERMISSION,
                name,
                setting.readAllowed(),
                Optional.empty());
          }
        } catch (PermissionException e) {
          failed(
              Check.PERMISSION,
              name,
              setting.readRefused(),
              setting.readFix(Optional.empty()));
        } catch (ConnectWiseException e) {
          failed(Check.PERMISSION, name, Explanation.of(e, host));
          // Without an answer the next reads would only wait for the same timeout.
          connectionLost = true;
        }
      }
    }

    private void serverVersion(SystemInfo info) {
      String hosting =
          info.isCloud().orElse(false)
              ? " in ConnectWise's cloud" + info.cloudRegion().map(r -> " (" + r + ")").orElse("")
              : " on your own server";
      passed(
          Check.SERVER_VERSION,
          SERVER_VERSION,
          info.version()
              .map(v -> "ConnectWise " + v.replaceFirst("^v", "") + hosting + ".")
              .orElse("ConnectWise" + hosting + " did not name its version."),
          Optional.empty());
    }

    private void passed(Check check, String name, String detail, Optional<String> advice) {
      steps.add(new Step(check, name, Status.PASSED, detail, advice));
    }

    private void failed(Check check, String name, String detail, String fix) {
      steps.add(new Step(check, name, Status.FAILED, detail, Optional.of(fix)));
    }

    private void failed(Check check, String name, Explanation explanation) {
      failed(check, name, explanation.detail(), explanation.fix());
    }

    private void skipped(Check check, String name, String detail) {
      steps.add(new Step(check, name, Status.SKIPPED, detail, Optional.empty()));
    }
  }

  private static String readName(RoleSetting setting) {
    return "Read " + setting.records();
  }
}
