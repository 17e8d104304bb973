package com.axcient.connectwise.integration.core.settings.files;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.SettingsSection;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException.Reason;
import com.axcient.connectwise.integration.core.settings.files.internal.CanonicalJson;
import com.axcient.connectwise.integration.core.settings.files.internal.PrivateKeyCipher;
import com.axcient.connectwise.integration.core.settings.files.internal.PrivateKeyCipher.OpenException;
import com.axcient.connectwise.integration.core.settings.files.internal.PrivateKeyCipher.Sealed;
import com.axcient.connectwise.integration.core.settings.internal.JsonValues;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The settings file's JSON format: writing it, and reading it with every check. */
final class SettingsDocument {

  private static final Set<String> ROOT_FIELDS =
      Set.of("formatVersion", "exportedAt", "psa", "sections");
  private static final Set<String> PSA_FIELDS =
      Set.of(
          "site",
          "companyId",
          "publicKey",
          "apiMemberIdentifier",
          "codebase",
          "allowInsecureHttp",
          "privateKey");
  private static final Set<String> KEY_FIELDS =
      Set.of("scheme", "iterations", "salt", "iv", "check", "ciphertext");

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(100).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private SettingsDocument() {}

  static byte[] write(SettingsExport export, Instant exportedAt) {
    PsaSettings settings = export.psa();
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", SettingsFiles.FORMAT_VERSION);
    root.put("exportedAt", exportedAt.toString());
    ObjectNode psa = root.putObject("psa");
    psa.put("site", settings.site());
    psa.put("companyId", settings.companyId());
    psa.put("publicKey", settings.publicKey());
    psa.put("apiMemberIdentifier", settings.apiMemberIdentifier());
    settings.codebase().ifPresent(codebase -> psa.put("codebase", codebase));
    if (settings.allowInsecureHttp()) {
      psa.put("allowInsecureHttp", true);
    }
    ObjectNode sections = root.putObject("sections");
    export.sections().forEach(sections::set);
    export
        .passphrase()
        .ifPresent(
            passphrase -> {
              // Sealed last, bound to the document as an import will read it back (a module's
              // float or decimal node reads back as a double).
              byte[] bound = boundData(reread(root));
              Sealed sealed =
                  PrivateKeyCipher.seal(
                      settings.privateKey(), passphrase, bound, export.iterations());
              Base64.Encoder base64 = Base64.getEncoder();
              psa.putObject("privateKey")
                  .put("scheme", PrivateKeyCipher.SCHEME)
                  .put("iterations", sealed.iterations())
                  .put("salt", base64.encodeToString(sealed.salt()))
                  .put("iv", base64.encodeToString(sealed.iv()))
                  .put("check", base64.encodeToString(sealed.check()))
                  .put("ciphertext", base64.encodeToString(sealed.ciphertext()));
            });
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A settings document could not be written as JSON", e);
    }
  }

  private static JsonNode reread(ObjectNode document) {
    try {
      return JSON.readTree(JSON.writeValueAsBytes(document));
    } catch (IOException e) {
      throw new IllegalStateException("A settings document could not be written as JSON", e);
    }
  }

  static ImportedSettings read(
      byte[] document, Map<String, SettingsSection<?>> known, Optional<Secret> passphrase) {
    JsonNode root = parse(document);
    checkFormatVersion(root);
    List<SettingsProblem> malformed = new ArrayList<>();
    unknownFields(root, ROOT_FIELDS, "", malformed);
    Instant exportedAt = exportedAt(root.get("exportedAt"), malformed);
    JsonNode psa = root.get("psa");
    if (psa == null || !psa.isObject()) {
      malformed.add(
          new SettingsProblem(
              "psa", "is missing or not an object: export the settings again from the product"));
      psa = JSON.createObjectNode();
    }
    unknownFields(psa, PSA_FIELDS, "psa.", malformed);
    String site = text(psa, "site", malformed);
    String companyId = text(psa, "companyId", malformed);
    String publicKey = text(psa, "publicKey", malformed);
    String memberIdentifier = text(psa, "apiMemberIdentifier", malformed);
    String codebase = text(psa, "codebase", malformed);
    boolean allowInsecureHttp = flag(psa, "allowInsecureHttp", malformed);
    Sealed sealedKey = sealedKey(psa.get("privateKey"), malformed);
    Map<String, JsonNode> sections = sections(root.get("sections"), malformed);
    if (!malformed.isEmpty()) {
      throw new SettingsImportException(Reason.MALFORMED, malformed);
    }
    if (sealedKey != null && passphrase.isEmpty()) {
      throw new SettingsImportException(
          Reason.PASSPHRASE_REQUIRED,
          List.of(
              new SettingsProblem(
                  "passphrase",
                  "is needed: the file holds the private key encrypted; enter the passphrase"
                      + " used when it was exported (or delete psa.privateKey from the file to"
                      + " import without the key and enter the key again)")));
    }

    PsaSettings.Builder builder =
        PsaSettings.builder()
            .site(site)
            .companyId(companyId)
            .publicKey(publicKey)
            .apiMemberIdentifier(memberIdentifier)
            .codebase(codebase)
            .allowInsecureHttp(allowInsecureHttp);
    List<SettingsProblem> invalid = new ArrayList<>();
    for (SettingsProblem problem : builder.problems()) {
      // The key is checked once it is decrypted, or entered again by the user.
      if (!problem.field().equals("privateKey")) {
        invalid.add(new SettingsProblem("psa." + problem.field(), problem.message()));
      }
    }
    invalid.addAll(JsonValues.validateSections(sections, known, "sections."));
    if (!invalid.isEmpty()) {
      throw new SettingsImportException(Reason.INVALID, invalid);
    }

    Secret privateKey = null;
    if (sealedKey != null) {
      privateKey = open(sealedKey, passphrase.orElseThrow(), boundData(root));
      for (SettingsProblem problem : builder.privateKey(privateKey).problems()) {
        invalid.add(new SettingsProblem("psa." + problem.field(), problem.message()));
      }
      if (!invalid.isEmpty()) {
        throw new SettingsImportException(Reason.INVALID, invalid);
      }
    }
    return new ImportedSettings(
        root.get("formatVersion").intValue(),
        exportedAt,
        site.strip(),
        companyId.strip(),
        publicKey.strip(),
        memberIdentifier.strip(),
        codebase == null || codebase.isBlank() ? null : codebase.strip(),
        allowInsecureHttp,
        privateKey,
        sections);
  }

  private static JsonNode parse(byte[] document) {
    try {
      JsonNode root = JSON.readTree(document);
      if (root == null || !root.isObject()) {
        throw malformed("document", "is not a JSON object: choose a settings file the product exported");
      }
      return root;
    } catch (JsonProcessingException e) {
      // Only the location: the parser's message may quote the file's content.
      JsonLocation at = e.getLocation();
      throw malformed(
          "document",
          "is not valid JSON"
              + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": choose a settings file the product exported, or undo the edit that broke it");
    } catch (IOException e) {
      throw malformed("document", "cannot be read as JSON: choose a settings file the product exported");
    }
  }

  private static void checkFormatVersion(JsonNode root) {
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToInt()) {
      throw malformed(
          "formatVersion",
          "is missing or not a whole number: this is not a settings file the product exported");
    }
    int value = version.asInt();
    if (value > SettingsFiles.FORMAT_VERSION) {
      throw new SettingsImportException(
          Reason.NEWER_FORMAT,
          List.of(
              new SettingsProblem(
                  "formatVersion",
                  "is "
                      + value
                      + ", written by a newer version of the product; this version reads format "
                      + SettingsFiles.FORMAT_VERSION
                      + " and older: update the product, then import the file again")));
    }
    if (value < 1) {
      throw malformed("formatVersion", "is " + value + ", which no version of the product writes");
    }
  }

  private static Instant exportedAt(JsonNode node, List<SettingsProblem> problems) {
    if (node == null) {
      return null;
    }
    try {
      if (node.isTextual()) {
        return Instant.parse(node.textValue());
      }
    } catch (DateTimeParseException e) {
      // Reported below.
    }
    problems.add(
        new SettingsProblem(
            "exportedAt", "is not a time such as 2026-01-31T12:00:00Z: correct it or delete it"));
    return null;
  }

  private static String text(JsonNode object, String field, List<SettingsProblem> problems) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new SettingsProblem("psa." + field, "is not text: put the value in quotes"));
      return null;
    }
    return node.textValue();
  }

  private static boolean flag(JsonNode object, String field, List<SettingsProblem> problems) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(new SettingsProblem("psa." + field, "is not true or false: correct it"));
      return false;
    }
    return node.booleanValue();
  }

  private static Sealed sealedKey(JsonNode node, List<SettingsProblem> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    String fix = ": export the settings again with a passphrase";
    if (!node.isObject()) {
      problems.add(
          new SettingsProblem(
              "psa.privateKey",
              "is not an encrypted key (a private key is never stored in clear)" + fix));
      return null;
    }
    JsonNode scheme = node.get("scheme");
    if (scheme == null || !scheme.isTextual()) {
      problems.add(new SettingsProblem("psa.privateKey.scheme", "is missing" + fix));
      return null;
    }
    if (!scheme.textValue().equals(PrivateKeyCipher.SCHEME)) {
      if (scheme.textValue().equals("enc:v1")) {
        problems.add(
            new SettingsProblem(
                "psa.privateKey.scheme",
                "is enc:v1, written by a development version of the product that left the"
                    + " settings beside the key open to edits; this version reads only "
                    + PrivateKeyCipher.SCHEME
                    + ": export the settings again, or delete psa.privateKey to import the file"
                    + " without the key and enter the key again"));
        return null;
      }
      if (scheme.textValue().matches("enc:v[0-9]{1,9}")
          && Integer.parseInt(scheme.textValue().substring("enc:v".length()))
              > Integer.parseInt(PrivateKeyCipher.SCHEME.substring("enc:v".length()))) {
        throw new SettingsImportException(
            Reason.NEWER_FORMAT,
            List.of(
                new SettingsProblem(
                    "psa.privateKey.scheme",
                    "is "
                        + scheme.textValue()
                        + ", written by a newer version of the product; this version reads "
                        + PrivateKeyCipher.SCHEME
                        + ": update the product, then import the file again")));
      }
      problems.add(
          new SettingsProblem(
              "psa.privateKey.scheme",
              "is not " + PrivateKeyCipher.SCHEME + ", the only scheme the product writes" + fix));
      return null;
    }
    int before = problems.size();
    unknownFields(node, KEY_FIELDS, "psa.privateKey.", problems);
    JsonNode iterations = node.get("iterations");
    if (iterations == null
        || !iterations.canConvertToExactIntegral()
        || !iterations.canConvertToInt()
        || iterations.asInt() < PrivateKeyCipher.MIN_ITERATIONS
        || iterations.asInt() > PrivateKeyCipher.MAX_ITERATIONS) {
      problems.add(
          new SettingsProblem(
              "psa.privateKey.iterations",
              "is missing or not between "
                  + PrivateKeyCipher.MIN_ITERATIONS
                  + " and "
                  + PrivateKeyCipher.MAX_ITERATIONS
                  + fix));
    }
    byte[] salt = bytes(node, "salt", 16, 16, problems);
    byte[] iv = bytes(node, "iv", 12, 12, problems);
    byte[] check = bytes(node, "check", 16, 16, problems);
    byte[] ciphertext = bytes(node, "ciphertext", 17, 64 * 1024, problems);
    if (problems.size() > before) {
      return null;
    }
    return new Sealed(iterations.asInt(), salt, iv, check, ciphertext);
  }

  private static byte[] bytes(
      JsonNode object, String field, int min, int max, List<SettingsProblem> problems) {
    JsonNode node = object.get(field);
    try {
      if (node != null && node.isTextual()) {
        byte[] value = Base64.getDecoder().decode(node.textValue());
        if (value.length >= min && value.length <= max) {
          return value;
        }
      }
    } catch (IllegalArgumentException e) {
      // Reported below.
    }
    problems.add(
        new SettingsProblem(
            "psa.privateKey." + field,
            "is missing or damaged: export the settings again with a passphrase"));
    return null;
  }

  private static Map<String, JsonNode> sections(JsonNode node, List<SettingsProblem> problems) {
    Map<String, JsonNode> sections = new TreeMap<>();
    if (node == null || node.isNull()) {
      return sections;
    }
    if (!node.isObject()) {
      problems.add(
          new SettingsProblem(
              "sections", "is not an object of named sections: export the settings again"));
      return sections;
    }
    for (Map.Entry<String, JsonNode> section : node.properties()) {
      if (JsonValues.isSectionName(section.getKey())) {
        sections.put(section.getKey(), section.getValue());
      } else {
        problems.add(
            new SettingsProblem(
                "sections." + section.getKey(),
                "is not a section name (a lower-case letter followed by letters, digits or '-'):"
                    + " correct or remove it"));
      }
    }
    return sections;
  }

  private static void unknownFields(
      JsonNode object, Set<String> allowed, String prefix, List<SettingsProblem> problems) {
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = field.getKey();
      if (!allowed.contains(name)) {
        problems.add(
            new SettingsProblem(
                prefix + name,
                "is not a field of a settings file: check its spelling or remove it (known: "
                    + String.join(", ", new TreeSet<>(allowed))
                    + ")"));
      }
    }
  }

  /**
   * The bytes the private key is bound to: the document as read, without {@code psa.privateKey},
   * in {@link CanonicalJson} form. So every edit of a file that holds the key (a PSA setting, a
   * section, the format version, the export time) makes the GCM tag fail, while re-indenting the
   * file or reordering its fields does not.
   */
  private static byte[] boundData(JsonNode document) {
    ObjectNode bound = document.deepCopy();
    if (bound.get("psa") instanceof ObjectNode psa) {
      psa.remove("privateKey");
    }
    return CanonicalJson.bytes(bound);
  }

  private static Secret open(Sealed sealed, Secret passphrase, byte[] boundData) {
    try {
      return PrivateKeyCipher.open(sealed, passphrase, boundData);
    } catch (OpenException e) {
      if (e.failure() == PrivateKeyCipher.Failure.WRONG_PASSPHRASE) {
        throw new SettingsImportException(
            Reason.WRONG_PASSPHRASE,
            List.of(
                new SettingsProblem(
                    "passphrase",
                    "is not the one the file was exported with: enter it again (it is case"
                        + " sensitive), or export the settings again with a new passphrase")));
      }
      throw new SettingsImportException(
          Reason.DAMAGED,
          List.of(
              new SettingsProblem(
                  "psa.privateKey",
                  "does not match the rest of the file: the passphrase is right, but the file"
                      + " was changed after export (a PSA setting, a section or the encrypted key;"
                      + " a file that holds the key cannot be edited, so the key is never sent to"
                      + " a site it was not exported with): export the settings again, or delete"
                      + " psa.privateKey to import the edited file without the key and enter the"
                      + " key again")));
    }
  }

  private static SettingsImportException malformed(String field, String message) {
    return new SettingsImportException(Reason.MALFORMED, List.of(new SettingsProblem(field, message)));
  }
}
