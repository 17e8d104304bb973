package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.files.internal.PrivateKeyCipher;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to put in a settings file: the PSA settings, the product's sections and, to include the
 * private key, a passphrase to encrypt it with. Without a passphrase the private key is left out.
 *
 * <pre>{@code
 * SettingsExport export = SettingsExport.builder(psaSettings)
 *     .section(ticketingSection, ticketingRules)
 *     .passphrase(Secret.of(passphraseTheUserTyped))
 *     .build();
 * }</pre>
 *
 * @param psa the PSA settings
 * @param sections the product's sections as JSON, by name
 * @param passphrase encrypts the private key; absent to leave the key out
 * @param iterations the PBKDF2 iterations that turn the passphrase into a key
 */
public record SettingsExport(
    PsaSettings psa, Map<String, JsonNode> sections, Optional<Secret> passphrase, int iterations) {

  /** Shortest passphrase accepted. */
  public static final int MIN_PASSPHRASE_LENGTH = 8;

  /** Fewest PBKDF2 iterations accepted. */
  public static final int MIN_ITERATIONS = PrivateKeyCipher.MIN_ITERATIONS;

  /** The PBKDF2 iterations used unless others are chosen. */
  public static final int DEFAULT_ITERATIONS = PrivateKeyCipher.DEFAULT_ITERATIONS;

  /**
   * Checks every part.
   *
   * @throws InvalidSettingsException naming the fix for a short passphrase or an iteration count
   *     out of range
   */
  public SettingsExport {
    Objects.requireNonNull(psa, "psa");
    sections = JsonValues.copySections(sections);
    Objects.requireNonNull(passphrase, "passphrase");
    List<SettingsProblem> problems = new ArrayList<>();
    if (passphrase.isPresent()
        && passphrase.get().reveal().codePointCount(0, passphrase.get().reveal().length())
            < MIN_PASSPHRASE_LENGTH) {
      problems.add(
          new SettingsProblem(
              "passphrase",
              "is too short: use at least "
                  + MIN_PASSPHRASE_LENGTH
                  + " characters (a few unrelated words are easy to type and hard to guess)"));
    }
    if (iterations < PrivateKeyCipher.MIN_ITERATIONS
        || iterations > PrivateKeyCipher.MAX_ITERATIONS) {
      problems.add(
          new SettingsProblem(
              "iterations",
              "must be between "
                  + PrivateKeyCipher.MIN_ITERATIONS
                  + " and "
                  + PrivateKeyCipher.MAX_ITERATIONS
                  + ": leave it at the default "
                  + PrivateKeyCipher.DEFAULT_ITERATIONS));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  /** The sections as JSON (copies: changing them changes nothing here). */
  @Override
  public Map<String, JsonNode> sections() {
    return JsonValues.deepCopies(sections);
  }

  /** A builder for these PSA settings, with no sections and no passphrase. */
  public static Builder builder(PsaSettings psa) {
    return new Builder(psa);
  }

  /** Builds a {@link SettingsExport}. */
  public static final class Builder {
    private final PsaSettings psa;
    private final Map<String, JsonNode> sections = new TreeMap<>();
    private Secret passphrase;
    private int iterations = PrivateKeyCipher.DEFAULT_ITERATIONS;

    private Builder(PsaSettings psa) {
      this.psa = Objects.requireNonNull(psa, "psa");
    }

    /** Adds a section as JSON under its name, replacing one of the same name. */
    public Builder section(String name, JsonNode json) {
      sections.put(JsonValues.requireSectionName(name), Objects.requireNonNull(json, "json"));
      return this;
    }

    /** Adds a section's value, written with its module's {@link SettingsSection#toJson}. */
    public <T> Builder section(SettingsSection<T> section, T value) {
      return section(section.name(), section.toJson(Objects.requireNonNull(value, "value")));
    }

    /** Includes the private key, encrypted with this passphrase. */
    public Builder passphrase(Secret passphrase) {
      this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
      return this;
    }

    /**
     * The PBKDF2 iterations (default {@value SettingsExport#DEFAULT_ITERATIONS}); more make a
     * guessed passphrase slower to try, and the export and import slower too.
     */
    public Builder iterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    /**
     * The export.
     *
     * @throws InvalidSettingsException naming the fix for a short passphrase or an iteration count
     *     out of range
     */
    public SettingsExport build() {
      return new SettingsExport(psa, sections, Optional.ofNullable(passphrase), iterations);
    }
  }
}
