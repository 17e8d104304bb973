package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException.Reason;
import com.axcient.connectwise.integration.core.settings.files.internal.AtomicFiles;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Exports the product's ConnectWise settings to a versioned JSON file and imports them back.
 *
 * <p>Export leaves the private key out unless a passphrase is given; then the key is encrypted
 * (PBKDF2 and AES-GCM) and bound to every other value in the file, so a file that holds the key
 * is refused on import once edited (a file without the key may be edited freely). The file is
 * written with owner-only permissions (where the file system has POSIX permissions) and
 * atomically: a reader, or a crash, sees the old file or the new one.
 *
 * <p>Import checks the whole document before it returns anything: its format version, its
 * structure, every setting, every section with the validator its module registered, the
 * passphrase, and the references with the given {@link ReferenceChecker}s. On any failure it
 * throws a {@link SettingsImportException} and nothing is changed; {@link #importInto} hands the
 * settings to the product's storage only after every check passed.
 *
 * <pre>{@code
 * SettingsFiles files = SettingsFiles.builder().section(ticketingSection).build();
 * files.export(path, SettingsExport.builder(psaSettings).section(ticketingSection, rules).build());
 *
 * files.importInto(path, ImportOptions.defaults(), imported -> store.save(imported));
 * }</pre>
 */
public final class SettingsFiles {

  /** The document format this version writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The largest settings file read, in bytes. */
  public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  private final Map<String, SettingsSection<?>> sections;
  private final Clock clock;

  private SettingsFiles(Builder builder) {
    this.sections = JsonValues.byName(builder.sections);
    this.clock = builder.clock;
  }

  /** A builder with no sections and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The settings document, as the file would hold it.
   *
   * @throws InvalidSettingsException when a section is unknown or its validator finds problems
   */
  public byte[] exportBytes(SettingsExport export) {
    Objects.requireNonNull(export, "export");
    List<SettingsProblem> problems =
        JsonValues.validateSections(export.sections(), sections, "sections.");
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return SettingsDocument.write(export, clock.instant());
  }

  /**
   * Writes the settings file, replacing the file atomically and with owner-only permissions.
   *
   * @throws InvalidSettingsException when a section is unknown or its validator finds problems
   * @throws UncheckedIOException when the file cannot be written; the old file is then unchanged
   */
  public void export(Path file, SettingsExport export) {
    Objects.requireNonNull(file, "file");
    byte[] document = exportBytes(export);
    try {
      AtomicFiles.write(file, out -> out.write(document));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the settings file "
              + file
              + " ("
              + e
              + "): check that the folder exists and is writable; any old file is unchanged",
          e);
    }
  }

  /**
   * Reads and checks a settings document.
   *
   * @throws SettingsImportException when any check fails
   */
  public ImportedSettings importBytes(byte[] document, ImportOptions options) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    ImportedSettings candidate = SettingsDocument.read(document, sections, options.passphrase());
    List<SettingsProblem> problems = new ArrayList<>();
    for (ReferenceChecker checker : options.referenceCheckers()) {
      problems.addAll(checker.check(candidate));
    }
    if (!problems.isEmpty()) {
      throw new SettingsImportException(Reason.BROKEN_REFERENCES, problems);
    }
    return candidate;
  }

  /**
   * Reads and checks a settings file.
   *
   * @throws SettingsImportException when the file cannot be read or any check fails
   */
  public ImportedSettings importFile(Path file, ImportOptions options) {
    return importBytes(readFile(file), options);
  }

  /**
   * Reads and checks a settings file and, only if every check passed, hands the settings to
   * {@code apply} (which stores them in the product). On any failure {@code apply} is not called.
   *
   * @throws SettingsImportException when the file cannot be read or any check fails
   */
  public void importInto(Path file, ImportOptions options, Consumer<? super ImportedSettings> apply) {
    Objects.requireNonNull(apply, "apply");
    apply.accept(importFile(file, options));
  }

  private static byte[] readFile(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new SettingsImportException(
            Reason.UNREADABLE,
            List.of(
                new SettingsProblem(
                    "file",
                    "is larger than "
                        + MAX_FILE_BYTES
                        + " bytes, so it is not a settings file: choose the file the product"
                        + " exported")));
      }
      return bytes;
    } catch (IOException e) {
      throw new SettingsImportException(
          Reason.UNREADABLE,
          List.of(
              new SettingsProblem(
                  "file", "cannot be read (" + e + "): check the path and the file's permissions")));
    }
  }

  @Override
  public String toString() {
    return "SettingsFiles[sections=" + sections.keySet() + "]";
  }

  /** Builds {@link SettingsFiles}. */
  public static final class Builder {
    private final List<SettingsSection<?>> sections = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Registers a section that files may carry; files with unregistered sections are refused. */
    public Builder section(SettingsSection<?> section) {
      sections.add(Objects.requireNonNull(section, "section"));
      return this;
    }

    /** The clock that dates exports. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The settings files.
     *
     * @throws IllegalArgumentException when two sections share a name or a name is not allowed
     */
    public SettingsFiles build() {
      return new SettingsFiles(this);
    }
  }
}
