package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.integration.billing.InvalidBillingRunException;
import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a failure into what the tool prints and the exit code it returns. The library names
 * settings as a settings page does ({@code companyId}); here they become the flags and
 * environment variables that set them.
 */
final class Failures {

  private static final Map<String, String> FLAGS =
      Map.of(
          "site", "--site (or CW_SITE)",
          "companyId", "--company-id (or CW_COMPANY_ID)",
          "publicKey", "--public-key (or CW_PUBLIC_KEY)",
          "privateKey", "--private-key (or CW_PRIVATE_KEY)",
          "apiMemberIdentifier", "--member (or CW_MEMBER)",
          "clientId", "--client-id (or CW_CLIENT_ID)",
          "passphrase", "--passphrase (or CW_SETTINGS_PASSPHRASE)");

  private Failures() {}

  /** The lines to print: the first is the sentence with the fix, the others list the details. */
  static List<String> explain(Throwable failure) {
    if (failure instanceof InvalidSettingsException invalid) {
      return listed("", invalid.problems().size() + " settings need fixing:", invalid.problems());
    }
    if (failure instanceof SettingsImportException refused) {
      return listed(
          "The settings file was not imported: ",
          "The settings file was not imported; " + refused.problems().size() + " problems:",
          refused.problems());
    }
    List<String> lines = new ArrayList<>();
    lines.add(sentence(failure));
    if (failure instanceof ConnectWiseException) {
      lines.add("Run test-connection with the same settings to see step by step what to fix.");
    }
    return lines;
  }

  /** The exit code for a failure of a command that had started. */
  static int exitCode(Throwable failure) {
    if (failure instanceof InvalidBillingRunException) {
      return ConnectWiseTool.PROBLEMS_FOUND;
    }
    if (failure instanceof SettingsImportException refused) {
      return refused.reason() == SettingsImportException.Reason.UNREADABLE
          ? ConnectWiseTool.FAILED
          : ConnectWiseTool.PROBLEMS_FOUND;
    }
    if (failure instanceof IllegalArgumentException) {
      return ConnectWiseTool.USAGE;
    }
    return ConnectWiseTool.FAILED;
  }

  /** One problem in the tool's words: the flag that sets the field, then what to do. */
  static String inToolWords(SettingsProblem problem) {
    String message = problem.message();
    String flag = FLAGS.get(problem.field());
    if (flag == null) {
      return problem.toString();
    }
    // The client names its builder method; in the tool the switch is a flag.
    message =
        message
            .replace(
                " (plain http is only allowed for local tests with allowInsecureHttp)",
                "; for a local simulator add --allow-http")
            .replace("allowInsecureHttp", "--allow-http");
    return flag + " " + message;
  }

  private static List<String> listed(String prefix, String heading, List<SettingsProblem> problems) {
    if (problems.size() == 1) {
      return List.of(prefix + inToolWords(problems.get(0)));
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    problems.forEach(problem -> lines.add("  - " + inToolWords(problem)));
    return lines;
  }

  private static String sentence(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure.getClass().getSimpleName() + " with no message";
    }
    return message;
  }
}
