package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A settings file could not be imported; nothing was changed. {@link #reason()} says what kind of
 * failure it is and {@link #problems()} says, for each field involved, what to do about it.
 */
public class SettingsImportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure stopped the import. */
  public enum Reason {
    /** The file could not be read (missing, unreadable, too large). */
    UNREADABLE,
    /** The file is not a settings document: not JSON, or fields missing or of the wrong type. */
    MALFORMED,
    /** The file was written by a newer version of the product, in a format this one cannot read. */
    NEWER_FORMAT,
    /** The file holds an encrypted private key and no passphrase was given. */
    PASSPHRASE_REQUIRED,
    /** The passphrase is not the one the file was exported with. */
    WRONG_PASSPHRASE,
    /**
     * The file holds the encrypted private key and was changed after export (a PSA setting, a
     * section or the key itself): the key is bound to everything else in the file.
     */
    DAMAGED,
    /** Settings in the file are not valid. */
    INVALID,
    /** Settings in the file refer to ConnectWise records that do not exist (or were not found). */
    BROKEN_REFERENCES
  }

  private final Reason reason;
  private final transient List<SettingsProblem> problems;

  /** An import failure for this reason with these problems; there must be at least one. */
  public SettingsImportException(Reason reason, List<SettingsProblem> problems) {
    super(message(reason, problems));
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  /** What kind of failure stopped the import. */
  public Reason reason() {
    return reason;
  }

  /** Each problem found, with the field it concerns and its fix. */
  public List<SettingsProblem> problems() {
    return problems;
  }

  private static String message(Reason reason, List<SettingsProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A SettingsImportException needs at least one problem");
    }
    return "Settings not imported, nothing was changed ("
        + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + "): "
        + problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; "));
  }
}
