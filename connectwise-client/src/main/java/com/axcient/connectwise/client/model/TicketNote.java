package com.axcient.connectwise.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * A note on a service ticket ({@code /service/tickets/{id}/notes}), ConnectWise's "ServiceNote".
 *
 * <p>A note appears on one or more of the ticket's tabs: Discussion
 * ({@link #detailDescriptionFlag()}), Internal ({@link #internalAnalysisFlag()}) and Resolution
 * ({@link #resolutionFlag()}). To add a note, send its {@link #text()} and at least one of those
 * three flags.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTicketNote.class)
@JsonDeserialize(as = ImmutableTicketNote.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class TicketNote {

  TicketNote() {}

  /** The note's id; absent on a note that is being added. */
  public abstract OptionalLong id();

  /** The number of the ticket the note belongs to. */
  public abstract OptionalLong ticketId();

  /** The note's text. */
  public abstract Optional<String> text();

  /** Whether the note is on the ticket's Discussion tab, which the customer can see. */
  public abstract Optional<Boolean> detailDescriptionFlag();

  /** Whether the note is on the ticket's Internal tab, which only members see. */
  public abstract Optional<Boolean> internalAnalysisFlag();

  /** Whether the note is on the ticket's Resolution tab. */
  public abstract Optional<Boolean> resolutionFlag();

  /** Whether the note is marked as describing the issue. */
  public abstract Optional<Boolean> issueFlag();

  /** The member who wrote the note. */
  public abstract Optional<Reference> member();

  /** The customer contact who wrote the note, for notes from the portal or e-mail. */
  public abstract Optional<Reference> contact();

  /** Whether the note marks the ticket as updated by the customer. */
  public abstract Optional<Boolean> customerUpdatedFlag();

  /** Whether ConnectWise sends its workflow e-mails for this note; {@code false} skips them. */
  public abstract Optional<Boolean> processNotifications();

  /** When the note was written. */
  public abstract Optional<Instant> dateCreated();

  /** The identifier of whoever wrote the note. */
  public abstract Optional<String> createdBy();

  /** Whether the note is internal. */
  public abstract Optional<Boolean> internalFlag();

  /** Whether the note is external, that is visible to the customer. */
  public abstract Optional<Boolean> externalFlag();

  /** ConnectWise's sentiment score for the note's text (API version 2026.4 and later). */
  public abstract Optional<BigDecimal> sentimentScore();

  /** ConnectWise's {@code _info} map: audit data such as {@code lastUpdated}, and links. */
  @JsonProperty("_info")
  public abstract Map<String, String> info();

  /** A builder for a ticket note. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TicketNote}. */
  public static final class Builder extends ImmutableTicketNote.Builder {
    Builder() {}
  }
}
