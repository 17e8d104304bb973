package com.axcient.connectwise.integration.core.settings.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException.Reason;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection.Rules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file that holds the encrypted private key cannot be edited: the key is bound to every other
 * value, so it is never paired with a site, company or member it was not exported with.
 */
class SettingsFileTamperingTest {

  private static final String PRIVATE_KEY = "CanaryPrivKey7Zq";
  private static final Secret PASSPHRASE = Secret.of("correct horse battery");
  private static final TestRulesSection RULES = new TestRulesSection();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SettingsFiles files =
      SettingsFiles.builder()
          .section(RULES)
          .clock(Clock.fixed(Instant.parse("2026-11-30T09:15:00Z"), ZoneOffset.UTC))
          .build();

  private static PsaSettings psa() {
    return PsaSettings.builder()
        .site("na.myconnectwise.net")
        .companyId("acme")
        .publicKey("Pub1Key2Abc")
        .privateKey(Secret.of(PRIVATE_KEY))
        .apiMemberIdentifier("BackupAPI")
        .codebase("v2026_1")
        .build();
  }

  /** A section with every kind of JSON value, as another module might write it. */
  private static JsonNode richSection() {
    ObjectNode section = JsonNodeFactory.instance.objectNode();
    section.put("boardId", 1).put("enabled", true);
    section.put("note", "Zürich \"main\" \\ board\n\ttab \uD83D\uDE00");
    section.put("ratio", 0.1).put("huge", 1.5e300).put("decimal", new BigDecimal("2.50"));
    section.put("count", new BigInteger("123456789012345678901234567890"));
    section.putNull("nothing");
    ArrayNode rules = section.putArray("rules");
    rules.addObject().put("b", 2).put("a", 1);
    rules.add("second").add(false);
    return section;
  }

  private byte[] exportWithKey() {
    return files.exportBytes(
        SettingsExport.builder(psa())
            .section(RULES.name(), richSection())
            .iterations(SettingsExport.MIN_ITERATIONS)
            .passphrase(PASSPHRASE)
            .build());
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        edit("psa.site", d -> psa(d).put("site", "cw.attacker.example")),
        edit(
            "psa.site to plain http",
            d -> psa(d).put("site", "http://cw.attacker.example").put("allowInsecureHttp", true)),
        edit("psa.companyId", d -> psa(d).put("companyId", "evil")),
        edit("psa.apiMemberIdentifier", d -> psa(d).put("apiMemberIdentifier", "AttackerAPI")),
        edit("psa.codebase", d -> psa(d).put("codebase", "v2099_1")),
        edit("psa.codebase removed", d -> psa(d).remove("codebase")),
        edit("psa.allowInsecureHttp", d -> psa(d).put("allowInsecureHttp", true)),
        edit("sections.ticketing.boardId", d -> ticketing(d).put("boardId", 2)),
        edit("sections.ticketing.enabled", d -> ticketing(d).put("enabled", false)),
        edit("sections.ticketing.ratio", d -> ticketing(d).put("ratio", 0.2)),
        edit("sections.ticketing.rules[0]", d -> ((ObjectNode) ticketing(d).at("/rules/0")).put("a", 3)),
        edit("sections.ticketing.note", d -> ticketing(d).put("note", "Zurich")),
        edit("a section removed", d -> ((ObjectNode) d.get("sections")).removeAll()),
        edit("exportedAt", d -> d.put("exportedAt", "2027-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void anEditedFileThatHoldsTheKeyIsRefused(String field, Consumer<ObjectNode> edit) {
    ObjectNode document = tree(exportWithKey());
    edit.accept(document);

    assertThatThrownBy(() -> files.importBytes(bytes(document), withPassphrase()))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
        .hasMessageContaining("psa.privateKey: does not match the rest of the file")
        .hasMessageContaining("the file was changed after export")
        .hasMessageContaining("delete psa.privateKey to import the edited file without the key")
        .hasMessageNotContaining(PRIVATE_KEY)
        .hasMessageNotContaining(PASSPHRASE.reveal())
        .hasMessageNotContaining("attacker");
  }

  @Test
  void anUntouchedFileImportsWithTheKey() {
    ImportedSettings imported = files.importBytes(exportWithKey(), withPassphrase());

    assertThat(imported.psaSettings()).contains(psa());
    assertThat(imported.sections().get("ticketing")).isEqualTo(tree(bytes(richSection())));
  }

  @Test
  void aReformattedFileStillImports() {
    ObjectNode document = tree(exportWithKey());
    // Other indentation, every object's fields in reverse order, a character written as an escape.
    String text =
        reversed(document)
            .toPrettyString()
            .replace("\"acme\"", "\"\\u0061cme\"")
            .replace("\n", "\r\n\t");
    assertThat(text).contains("\\u0061cme");
    assertThat(text.indexOf("\"sections\"")).isLessThan(text.indexOf("\"psa\""));

    ImportedSettings imported =
        files.importBytes(text.getBytes(StandardCharsets.UTF_8), withPassphrase());

    assertThat(imported.psaSettings()).contains(psa());
    assertThat(files.importBytes(bytes(document), withPassphrase()).psaSettings()).contains(psa());
  }

  @Test
  void aFileWithTheOldSchemeIsRefusedWithTheFix() {
    ObjectNode document = tree(exportWithKey());
    ((ObjectNode) document.at("/psa/privateKey")).put("scheme", "enc:v1");

    assertThatThrownBy(() -> files.importBytes(bytes(document), withPassphrase()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("psa.privateKey.scheme: is enc:v1, written by a development version")
        .hasMessageContaining("export the settings again, or delete psa.privateKey");
  }

  @Test
  void aNewerSchemeAsksForAnUpdate() {
    ObjectNode document = tree(exportWithKey());
    ((ObjectNode) document.at("/psa/privateKey")).put("scheme", "enc:v3");

    assertThatThrownBy(() -> files.importBytes(bytes(document), withPassphrase()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_FORMAT))
        .hasMessageContaining("is enc:v3, written by a newer version of the product; this version reads enc:v2");
  }

  @Test
  void theWrongPassphraseIsStillReportedAsSuch() {
    assertThatThrownBy(
            () ->
                files.importBytes(
                    exportWithKey(),
                    ImportOptions.builder().passphrase(Secret.of("wrong horse battery")).build()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
  }

  @Test
  void aFileWithoutTheKeyStaysEditable() {
    ObjectNode document =
        tree(
            files.exportBytes(
                SettingsExport.builder(psa()).section(RULES, new Rules(1, true)).build()));
    psa(document).put("site", "eu.myconnectwise.net").put("companyId", "acme2");
    ticketing(document).put("boardId", 7);

    ImportedSettings imported = files.importBytes(bytes(document), ImportOptions.defaults());

    assertThat(imported.privateKeyIncluded()).isFalse();
    assertThat(imported.site()).isEqualTo("eu.myconnectwise.net");
    assertThat(imported.companyId()).isEqualTo("acme2");
    assertThat(imported.section(RULES)).contains(new Rules(7, true));
  }

  private static Arguments edit(String field, Consumer<ObjectNode> edit) {
    return Arguments.of(field, edit);
  }

  private static ObjectNode psa(ObjectNode document) {
    return (ObjectNode) document.get("psa");
  }

  private static ObjectNode ticketing(ObjectNode document) {
    return (ObjectNode) document.at("/sections/ticketing");
  }

  private static ImportOptions withPassphrase() {
    return ImportOptions.builder().passphrase(PASSPHRASE).build();
  }

  private static JsonNode reversed(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      Collections.reverse(fields);
      ObjectNode copy = JSON.createObjectNode();
      fields.forEach(field -> copy.set(field.getKey(), reversed(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(reversed(element)));
      return copy;
    }
    return node;
  }

  private static ObjectNode tree(byte[] document) {
    try {
      return (ObjectNode) JSON.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode document) {
    return document.toString().getBytes(StandardCharsets.UTF_8);
  }
}
