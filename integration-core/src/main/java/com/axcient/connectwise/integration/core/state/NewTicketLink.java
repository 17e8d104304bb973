package com.axcient.connectwise.integration.core.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A new incident of an alert, to {@linkplain TicketLinks#claimNew claim}.
 *
 * @param site the ConnectWise site
 * @param alertId the product's alert ID
 * @param incident the incident number, from 1
 * @param correlationKey the key written to the ticket's {@code externalXRef}, generated before the
 *     first create attempt; see {@link #correlationKey(String, String, int)}
 * @param boardId the service board the ticket goes to, when already known
 */
public record NewTicketLink(
    String site, String alertId, int incident, String correlationKey, OptionalLong boardId) {

  /** The most characters ConnectWise stores in a ticket's {@code externalXRef}. */
  public static final int MAX_CORRELATION_KEY_LENGTH = 100;

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern INSTALL_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when the incident is below 1 or the correlation key is blank,
   *     too long or holds characters other than letters, digits, {@code :}, {@code _} and {@code -}
   */
  public NewTicketLink {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(correlationKey, "correlationKey");
    Objects.requireNonNull(boardId, "boardId");
    if (incident < 1) {
      throw new IllegalArgumentException("incident must be 1 or more, was " + incident);
    }
    if (!correlationKey.matches("[A-Za-z0-9:_-]{1," + MAX_CORRELATION_KEY_LENGTH + "}")) {
      throw new IllegalArgumentException(
          "correlationKey must be 1 to "
              + MAX_CORRELATION_KEY_LENGTH
              + " letters, digits, ':', '_' or '-'; build it with NewTicketLink.correlationKey(...)");
    }
  }

  /**
   * The first incident of an alert, with its correlation key built by {@link
   * #correlationKey(String, String, int)}.
   *
   * @param installId the product installation's ID
   * @param site the ConnectWise site
   * @param alertId the product's alert ID
   * @param incident the incident number, from 1
   * @return the new link
   */
  public static NewTicketLink of(String installId, String site, String alertId, int incident) {
    return new NewTicketLink(
        site, alertId, incident, correlationKey(installId, alertId, incident), OptionalLong.empty());
  }

  /**
   * This new link with the service board it goes to.
   *
   * @param boardId the board's ID
   * @return a copy with the board
   */
  public NewTicketLink withBoardId(long boardId) {
    return new NewTicketLink(site, alertId, incident, correlationKey, OptionalLong.of(boardId));
  }

  /**
   * The correlation key of an alert incident: {@code cwsync:<installId>:<alertId>:<incident>}. An
   * alert ID that is longer than 40 characters or holds other characters than letters, digits,
   * {@code _} and {@code -} is replaced by {@code h} and 24 hex digits of its SHA-256, so the key
   * never needs escaping in a ConnectWise condition and fits {@code externalXRef}.
   *
   * @param installId the product installation's ID: 1 to 36 letters, digits, {@code _} or {@code
   *     -} (a UUID fits)
   * @param alertId the product's alert ID
   * @param incident the incident number, from 1
   * @return the key
   * @throws IllegalArgumentException when the install ID has other characters or the incident is
   *     below 1
   */
  public static String correlationKey(String installId, String alertId, int incident) {
    Objects.requireNonNull(installId, "installId");
    Objects.requireNonNull(alertId, "alertId");
    if (!INSTALL_ID.matcher(installId).matches()) {
      throw new IllegalArgumentException(
          "installId must be 1 to 36 letters, digits, '_' or '-' (a UUID fits)");
    }
    if (incident < 1) {
      throw new IllegalArgumentException("incident must be 1 or more, was " + incident);
    }
    String alertPart = SAFE.matcher(alertId).matches() ? alertId : "h" + sha256Hex(alertId, 24);
    return "cwsync:" + installId + ":" + alertPart + ":" + incident;
  }

  private static String sha256Hex(String value, int hexDigits) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
