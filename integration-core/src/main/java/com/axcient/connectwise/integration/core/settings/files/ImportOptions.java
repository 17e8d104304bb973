package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.client.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to import a settings file: the passphrase it was exported with, if any, and the checks of
 * its references against ConnectWise.
 *
 * @param passphrase the passphrase used at export; needed only when the file holds the private key
 * @param referenceCheckers run, in order, after the offline checks passed
 */
public record ImportOptions(Optional<Secret> passphrase, List<ReferenceChecker> referenceCheckers) {

  /** Checks that both parts are present and copies the list. */
  public ImportOptions {
    Objects.requireNonNull(passphrase, "passphrase");
    referenceCheckers = List.copyOf(referenceCheckers);
  }

  /** No passphrase and no reference checks. */
  public static ImportOptions defaults() {
    return builder().build();
  }

  /** A builder with no passphrase and no reference checks. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ImportOptions}. */
  public static final class Builder {
    private Secret passphrase;
    private final List<ReferenceChecker> referenceCheckers = new ArrayList<>();

    private Builder() {}

    /** The passphrase the file was exported with. */
    public Builder passphrase(Secret passphrase) {
      this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
      return this;
    }

    /** Adds a check of the document's references against ConnectWise. */
    public Builder referenceChecker(ReferenceChecker checker) {
      referenceCheckers.add(Objects.requireNonNull(checker, "checker"));
      return this;
    }

    /** The options. */
    public ImportOptions build() {
      return new ImportOptions(Optional.ofNullable(passphrase), referenceCheckers);
    }
  }
}
