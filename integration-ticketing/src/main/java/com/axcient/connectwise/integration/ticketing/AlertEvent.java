package com.axcient.connectwise.integration.ticketing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a product alert: raised, repeated or cleared. Events of one alert (same {@link
 * #alertId()}) are handled in the order they were accepted.
 *
 * <pre>{@code
 * AlertEvent event = AlertEvent.builder()
 *     .alertId("appliance-7/backup/fs01")
 *     .eventClass(EventClass.BACKUP_FAILED)
 *     .severity(AlertSeverity.ERROR)
 *     .device("ACME-APPLIANCE-7")
 *     .protectedSystem("ACME-FS01")
 *     .customer("acme-dental")
 *     .message("Backup of ACME-FS01 failed: the volume snapshot timed out")
 *     .time(Instant.now())
 *     .state(AlertState.RAISED)
 *     .build();
 * }</pre>
 *
 * @param alertId the product's ID of the alert, stable across its events; 1 to 240 characters
 * @param eventClass what the alert is about; chooses the rule
 * @param severity how serious it is
 * @param device the device (appliance or agent) that raised it
 * @param protectedSystem the protected system it concerns, when it concerns one
 * @param customer the product's customer the device belongs to; used to find the ConnectWise
 *     company when the rule's company source is {@link CompanySource#CUSTOMER_MAPPING}
 * @param deviceCompany the identifier of the ConnectWise company set on the device as its service
 *     ticket company; used when the rule's company source is {@link CompanySource#DEVICE}
 * @param message the alert's text; when accepted, a message longer than {@value
 *     #MAX_MESSAGE_LENGTH} characters is cut to that length, ending with {@code "… (truncated)"}
 *     (a surrogate pair is never split), so that any event fits the outbox. {@code device},
 *     {@code protectedSystem}, {@code customer} and {@code deviceCompany} are cut the same way to
 *     {@value #MAX_TEXT_LENGTH} characters
 * @param time when the product saw the event
 * @param state raised, repeated or cleared
 */
public record AlertEvent(
    String alertId,
    EventClass eventClass,
    AlertSeverity severity,
    String device,
    Optional<String> protectedSystem,
    Optional<String> customer,
    Optional<String> deviceCompany,
    String message,
    Instant time,
    AlertState state) {

  /** The longest alert ID accepted. */
  public static final int MAX_ALERT_ID_LENGTH = 240;

  /** The longest message kept when an event is accepted; a longer one is cut. */
  public static final int MAX_MESSAGE_LENGTH = 65_536;

  /**
   * The longest device, protected system, customer or device company kept when an event is
   * accepted; a longer one is cut.
   */
  public static final int MAX_TEXT_LENGTH = 1_024;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException when the alert ID is blank or longer than {@value
   *     #MAX_ALERT_ID_LENGTH} characters, or the device is blank
   */
  public AlertEvent {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(eventClass, "eventClass");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(protectedSystem, "protectedSystem");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(deviceCompany, "deviceCompany");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(state, "state");
    if (alertId.isBlank() || alertId.length() > MAX_ALERT_ID_LENGTH) {
      throw new IllegalArgumentException(
          "alertId must be 1 to " + MAX_ALERT_ID_LENGTH + " characters: pass the product's alert ID");
    }
    if (device.isBlank()) {
      throw new IllegalArgumentException("device must not be blank: pass the device's name");
    }
  }

  /**
   * A builder; alert ID, event class, device, message, time and state are required, severity
   * defaults to {@link AlertSeverity#ERROR}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this event, such as to make the clear of a raised alert.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .alertId(alertId)
            .eventClass(eventClass)
            .severity(severity)
            .device(device)
            .message(message)
            .time(time)
            .state(state);
    b.protectedSystem = protectedSystem;
    b.customer = customer;
    b.deviceCompany = deviceCompany;
    return b;
  }

  /** Builds an {@link AlertEvent}. */
  public static final class Builder {
    private String alertId;
    private EventClass eventClass;
    private AlertSeverity severity = AlertSeverity.ERROR;
    private String device;
    private Optional<String> protectedSystem = Optional.empty();
    private Optional<String> customer = Optional.empty();
    private Optional<String> deviceCompany = Optional.empty();
    private String message;
    private Instant time;
    private AlertState state;

    private Builder() {}

    /**
     * Sets the product's alert ID.
     *
     * @param alertId the ID
     * @return this builder
     */
    public Builder alertId(String alertId) {
      this.alertId = alertId;
      return this;
    }

    /**
     * Sets the event class.
     *
     * @param eventClass the class, such as {@link EventClass#BACKUP_FAILED}
     * @return this builder
     */
    public Builder eventClass(EventClass eventClass) {
      this.eventClass = eventClass;
      return this;
    }

    /**
     * Sets the severity.
     *
     * @param severity the severity
     * @return this builder
     */
    public Builder severity(AlertSeverity severity) {
      this.severity = severity;
      return this;
    }

    /**
     * Sets the device.
     *
     * @param device the device's name
     * @return this builder
     */
    public Builder device(String device) {
      this.device = device;
      return this;
    }

    /**
     * Sets the protected system.
     *
     * @param protectedSystem the system's name
     * @return this builder
     */
    public Builder protectedSystem(String protectedSystem) {
      this.protectedSystem = Optional.of(protectedSystem);
      return this;
    }

    /**
     * Sets the product's customer.
     *
     * @param customer the customer's ID in the product
     * @return this builder
     */
    public Builder customer(String customer) {
      this.customer = Optional.of(customer);
      return this;
    }

    /**
     * Sets the device's service ticket company.
     *
     * @param companyIdentifier the ConnectWise company's identifier, such as {@code AcmeDental}
     * @return this builder
     */
    public Builder deviceCompany(String companyIdentifier) {
      this.deviceCompany = Optional.of(companyIdentifier);
      return this;
    }

    /**
     * Sets the message.
     *
     * @param message the alert's text
     * @return this builder
     */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /**
     * Sets when the product saw the event.
     *
     * @param time the time
     * @return this builder
     */
    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /**
     * Sets the state.
     *
     * @param state raised, repeated or cleared
     * @return this builder
     */
    public Builder state(AlertState state) {
      this.state = state;
      return this;
    }

    /**
     * The event.
     *
     * @return the event
     * @throws NullPointerException when a required part is missing; the message names it
     * @throws IllegalArgumentException when a part is invalid; the message names it
     */
    public AlertEvent build() {
      return new AlertEvent(
          alertId,
          eventClass,
          severity,
          device,
          protectedSystem,
          customer,
          deviceCompany,
          message,
          time,
          state);
    }
  }
}
