package com.axcient.connectwise.integration.core.diagnostics;

import com.axcient.connectwise.client.AuthenticationException;
import com.axcient.connectwise.client.ConnectWiseException;
import com.axcient.connectwise.client.InvalidResponseException;
import com.axcient.connectwise.client.NotFoundException;
import com.axcient.connectwise.client.PermissionException;
import com.axcient.connectwise.client.RateLimitedException;
import com.axcient.connectwise.client.ServerException;
import com.axcient.connectwise.client.TransportException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What a failed request means for the user, and what to do: a detail and a fix in the user's words.
 * The texts are built from the host, ConnectWise's own (already redacted) message and request id,
 * never from the credentials.
 */
record Explanation(String detail, String fix) {

  static final String API_KEYS_MENU = "System › Members › API Members › <API member> › API Keys";

  /** Explains any failure of a request to the site at {@code host}. */
  static Explanation of(ConnectWiseException failure, String host) {
    // ConnectWise answers a wrong codebase with a plain-text 404 the client reports as a
    // credentials or validation failure; the codebase is the thing to fix.
    if (isRoutingFailure(failure)) {
      return new Explanation(
          "ConnectWise could not route the request: the codebase is wrong" + status(failure) + ".",
          "Leave the codebase setting empty so that it is looked up, or enter the codebase"
              + " ConnectWise names for your company.");
    }
    if (failure instanceof TransportException) {
      return transport((TransportException) failure, host);
    }
    if (failure instanceof InvalidResponseException) {
      return notConnectWise((InvalidResponseException) failure, host);
    }
    if (failure instanceof AuthenticationException) {
      return mentionsClientId(failure) ? clientIdRefused(failure) : keysRefused(failure);
    }
    if (failure instanceof PermissionException) {
      return new Explanation(
          "The API member's security role does not allow " + failure.method() + " "
              + failure.path() + "." + said(failure),
          "In ConnectWise open System › Security Roles, choose the API member's role and grant"
              + " the access the integration needs.");
    }
    if (failure instanceof RateLimitedException) {
      String wait =
          ((RateLimitedException) failure)
              .retryAfter()
              .map(d -> "in " + Math.max(1, d.toSeconds()) + " seconds")
              .orElse("in a minute");
      return new Explanation(
          "ConnectWise is limiting how many requests this API member may send." + said(failure),
          "Try again "
              + wait
              + ". If other tools use the same API member, give this product an API member of its"
              + " own.");
    }
    if (failure instanceof ServerException) {
      return new Explanation(
          "ConnectWise failed to answer" + status(failure) + "." + said(failure),
          "ConnectWise may be down or being upgraded: try again later. If it keeps failing, give"
              + " ConnectWise support the request id.");
    }
    if (failure instanceof NotFoundException) {
      return new Explanation(
          "ConnectWise answered that " + failure.path() + " does not exist." + said(failure),
          "Check the site and the codebase setting; leave the codebase empty to look it up.");
    }
    return new Explanation(
        "ConnectWise refused the request" + status(failure) + "." + said(failure),
        "Check the settings and try again. If it keeps failing, give ConnectWise support the"
            + " request id.");
  }

  /** Whether ConnectWise's own message says the client ID is missing or not accepted. */
  static boolean mentionsClientId(ConnectWiseException failure) {
    return failure.serverMessage().map(Explanation::namesClientId).orElse(false)
        || failure.errorCode().map(Explanation::namesClientId).orElse(false);
  }

  private static boolean namesClientId(String text) {
    return text.toLowerCase(Locale.ROOT).replace(" ", "").contains("clientid");
  }

  private static Explanation clientIdRefused(ConnectWiseException failure) {
    return new Explanation(
        "ConnectWise did not accept the product's client ID." + said(failure),
        "The client ID is not one of your settings: it identifies this product to ConnectWise."
            + " Update the product, or contact its vendor and quote this message.");
  }

  private static Explanation keysRefused(ConnectWiseException failure) {
    return new Explanation(
        "ConnectWise did not accept the company ID with these API keys" + status(failure) + "."
            + said(failure),
        "Copy the public and private keys again from "
            + API_KEYS_MENU
            + ". The private key is shown only once: if it is lost, create a new API key there."
            + " Also check that the API member is not inactive.");
  }

  private static Explanation transport(TransportException failure, String host) {
    Throwable cause = failure.getCause();
    if (cause instanceof UnknownHostException) {
      return new Explanation(
          "The host " + host + " could not be found.",
          "Check the site: enter your ConnectWise address as in the browser, such as"
              + " na.myconnectwise.net for ConnectWise cloud or cw.example.com for your own server."
              + " If it is right, check this computer's DNS and proxy settings.");
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
      return new Explanation(
          "Could not connect to " + host + ".",
          "Check the site, including any port, and that a firewall lets this computer reach"
              + " ConnectWise over HTTPS.");
    }
    if (cause instanceof SSLException) {
      return new Explanation(
          "The secure (TLS) connection to " + host + " failed: its certificate is not trusted.",
          "Check the site. For your own ConnectWise server, install a certificate from a trusted"
              + " authority, or add its certificate to this product's trust store.");
    }
    if (cause instanceof InterruptedIOException) {
      return new Explanation(
          "ConnectWise at " + host + " did not answer in time (a timeout).",
          "ConnectWise or the network is slow, or a firewall silently drops the traffic: try"
              + " again. If it keeps happening, check the network path to " + host + ".");
    }
    return new Explanation(
        "The connection to " + host + " failed before ConnectWise answered.",
        "Check the site and the network, then try again.");
  }

  private static Explanation notConnectWise(InvalidResponseException failure, String host) {
    boolean redirected = failure.status().stream().anyMatch(code -> code / 100 == 3);
    String detail =
        (redirected
                ? host + " redirected the request instead of answering as ConnectWise's API"
                : host + " answered with a web page or other text, not as ConnectWise's API")
            + status(failure)
            + ".";
    String fix;
    if (host.toLowerCase(Locale.ROOT).endsWith("myconnectwise.net")) {
      fix =
          "Enter your ConnectWise cloud region exactly as in the browser: na.myconnectwise.net,"
              + " eu.myconnectwise.net or au.myconnectwise.net. If a proxy or web filter sits"
              + " between this product and ConnectWise, let the product's requests through.";
    } else {
      fix =
          "Enter the host of your ConnectWise server as it appears in its API address (the part"
              + " before /v4_6_release/apis/3.0), not the address of a portal, a login page or a"
              + " proxy. If a proxy or web filter sits between this product and ConnectWise, let"
              + " the product's requests through.";
    }
    return new Explanation(detail, fix);
  }

  private static boolean isRoutingFailure(ConnectWiseException failure) {
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    return message.toLowerCase(Locale.ROOT).contains("could not route");
  }

  /** ConnectWise's own words and the request id, for support; empty when it sent neither. */
  private static String said(ConnectWiseException failure) {
    StringBuilder text = new StringBuilder();
    failure.serverMessage().ifPresent(m -> text.append(" ConnectWise said: \"").append(m).append("\""));
    failure.requestId().ifPresent(id -> text.append(" (request id ").append(id).append(')'));
    return text.toString();
  }

  private static String status(ConnectWiseException failure) {
    return failure.status().isPresent() ? " (HTTP " + failure.status().getAsInt() + ")" : "";
  }
}
