package com.axcient.connectwise.integration.core.settings.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.InvalidSettingsException;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.SettingsProblem;
import com.axcient.connectwise.integration.core.settings.files.SettingsImportException.Reason;
import com.axcient.connectwise.integration.core.settings.files.TestRulesSection.Rules;
import com.axcient.connectwise.integration.core.settings.files.internal.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFilesTest {

  private static final String PRIVATE_KEY = "CanaryPrivKey7Zq";
  private static final Secret PASSPHRASE = Secret.of("correct horse battery");
  private static final Instant NOW = Instant.parse("2026-11-30T09:15:00Z");
  private static final TestRulesSection RULES = new TestRulesSection();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  private final SettingsFiles files =
      SettingsFiles.builder().section(RULES).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

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

  private static SettingsExport.Builder export() {
    return SettingsExport.builder(psa())
        .section(RULES, new Rules(1, true))
        .iterations(SettingsExport.MIN_ITERATIONS);
  }

  private static ImportOptions withPassphrase(Secret passphrase) {
    return ImportOptions.builder().passphrase(passphrase).build();
  }

  @Test
  void roundTripWithoutPassphraseLeavesThePrivateKeyOut() throws IOException {
    Path file = folder.resolve("settings.json");
    files.export(file, export().build());

    String text = Files.readString(file);
    assertThat(text).doesNotContain(PRIVATE_KEY).doesNotContain(base64(PRIVATE_KEY)).doesNotContain("privateKey");

    ImportedSettings imported = files.importFile(file, ImportOptions.defaults());
    assertThat(imported.privateKeyIncluded()).isFalse();
    assertThat(imported.psaSettings()).isEmpty();
    assertThat(imported.psaSettingsWith(Secret.of(PRIVATE_KEY))).isEqualTo(psa());
    assertThat(imported.site()).isEqualTo("na.myconnectwise.net");
    assertThat(imported.codebase()).contains("v2026_1");
    assertThat(imported.exportedAt()).contains(NOW);
    assertThat(imported.formatVersion()).isEqualTo(SettingsFiles.FORMAT_VERSION);
    assertThat(imported.section(RULES)).contains(new Rules(1, true));
  }

  @Test
  void roundTripWithPassphraseRestoresThePrivateKeyWithoutWritingItInClear() throws IOException {
    Path file = folder.resolve("settings.json");
    files.export(file, export().passphrase(PASSPHRASE).build());

    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .doesNotContain(PRIVATE_KEY)
        .doesNotContain(base64(PRIVATE_KEY))
        .doesNotContain(PASSPHRASE.reveal())
        .contains("\"scheme\" : \"enc:v2\"")
        .contains("\"iterations\" : " + SettingsExport.MIN_ITERATIONS);

    ImportedSettings imported = files.importFile(file, withPassphrase(PASSPHRASE));
    assertThat(imported.privateKeyIncluded()).isTrue();
    assertThat(imported.psaSettings()).contains(psa());
    assertThat(imported.psaSettings().orElseThrow().privateKey().reveal()).isEqualTo(PRIVATE_KEY);
    assertThat(imported.toString()).doesNotContain(PRIVATE_KEY).contains("privateKey=included");
  }

  @Test
  void eachExportUsesAFreshSaltAndIv() {
    String first = new String(files.exportBytes(export().passphrase(PASSPHRASE).build()), StandardCharsets.UTF_8);
    String second = new String(files.exportBytes(export().passphrase(PASSPHRASE).build()), StandardCharsets.UTF_8);
    assertThat(json(first).at("/psa/privateKey/salt")).isNotEqualTo(json(second).at("/psa/privateKey/salt"));
    assertThat(json(first).at("/psa/privateKey/iv")).isNotEqualTo(json(second).at("/psa/privateKey/iv"));
  }

  @Test
  void theFileIsReadableByItsOwnerOnlyEvenWhenReplacingAnOpenFile() throws IOException {
    assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Path file = folder.resolve("settings.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    files.export(file, export().build());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("\"formatVersion\" : 1");
  }

  @Test
  void aWriteThatFailsPartWayLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
    Path file = folder.resolve("settings.json");
    files.export(file, export().build());
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write("{\"formatVersion\": 1, \"psa\"".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void anExportThatCannotBeWrittenSaysWhyAndChangesNothing() throws IOException {
    Path file = folder.resolve("settings.json");
    files.export(file, export().build());
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(
            () -> files.export(file, export().section("billing", JSON.createObjectNode()).build()))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("sections.billing: is not a section this product knows");
    assertThatThrownBy(() -> files.export(folder.resolve("missing/settings.json"), export().build()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("check that the folder exists");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void neitherTheKeyNorThePassphraseAppearsInToStringOrErrors() {
    SettingsExport export = export().passphrase(PASSPHRASE).build();
    ImportOptions options = withPassphrase(PASSPHRASE);
    byte[] document = files.exportBytes(export);
    ObjectNode damaged = exported(export);
    ((ObjectNode) damaged.get("psa")).put("publicKey", "Other1Key2Abc");

    Throwable wrong = catchThrowable(
        () -> files.importBytes(document, withPassphrase(Secret.of("not the passphrase"))));
    Throwable tampered = catchThrowable(
        () -> files.importBytes(bytes(damaged), options));

    for (String text :
        List.of(
            export.toString(),
            options.toString(),
            files.importBytes(document, options).toString(),
            wrong.toString(),
            tampered.toString())) {
      assertThat(text).doesNotContain(PRIVATE_KEY).doesNotContain(PASSPHRASE.reveal());
    }
  }

  @Test
  void anExportOverAFolderIsRefused() throws IOException {
    Path target = Files.createDirectory(folder.resolve("settings.json"));

    assertThatThrownBy(() -> files.export(target, export().build()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("is a folder");
    assertThat(target).isDirectory();
  }

  @Test
  void anExportChecksThePassphraseAndIterations() {
    assertThatThrownBy(() -> export().passphrase(Secret.of("abc1234")).iterations(1000).build())
        .isInstanceOfSatisfying(
            InvalidSettingsException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SettingsProblem::field)
                    .containsExactly("passphrase", "iterations"))
        .hasMessageContaining("use at least 8 characters")
        .hasMessageNotContaining("abc1234");
  }

  @Test
  void theWrongPassphraseIsReportedAsSuch() {
    byte[] document = files.exportBytes(export().passphrase(PASSPHRASE).build());

    assertThatThrownBy(() -> files.importBytes(document, withPassphrase(Secret.of("Correct horse battery"))))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE))
        .hasMessageContaining("passphrase: is not the one the file was exported with")
        .hasMessageContaining("nothing was changed");
  }

  @Test
  void anEncryptedKeyNeedsAPassphrase() {
    byte[] document = files.exportBytes(export().passphrase(PASSPHRASE).build());

    assertThatThrownBy(() -> files.importBytes(document, ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.PASSPHRASE_REQUIRED))
        .hasMessageContaining("enter the passphrase used when it was exported");
  }

  @Test
  void aTamperedCiphertextFailsTheGcmTagWithAClearError() {
    ObjectNode document = exported(export().passphrase(PASSPHRASE).build());
    ObjectNode key = (ObjectNode) document.at("/psa/privateKey");
    byte[] ciphertext = Base64.getDecoder().decode(key.get("ciphertext").textValue());
    ciphertext[0] ^= 0x01;
    key.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));

    assertThatThrownBy(() -> files.importBytes(bytes(document), withPassphrase(PASSPHRASE)))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED))
        .hasMessageContaining("psa.privateKey: does not match the rest of the file")
        .hasMessageContaining("export the settings again");
  }

  @Test
  void anEncryptedKeyMovedToAnotherPublicKeyIsRefused() {
    ObjectNode document = exported(export().passphrase(PASSPHRASE).build());
    ((ObjectNode) document.get("psa")).put("publicKey", "Other1Key2Abc");

    assertThatThrownBy(() -> files.importBytes(bytes(document), withPassphrase(PASSPHRASE)))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED));
  }

  @Test
  void aNewerFormatVersionAsksForAnUpdate() {
    ObjectNode document = exported(export().build());
    document.put("formatVersion", SettingsFiles.FORMAT_VERSION + 1);

    assertThatThrownBy(() -> files.importBytes(bytes(document), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_FORMAT))
        .hasMessageContaining("formatVersion: is 2, written by a newer version of the product")
        .hasMessageContaining("update the product");
  }

  @Test
  void malformedJsonIsReportedWithItsLocationButNotItsContent() {
    byte[] document =
        "{\n  \"formatVersion\": 1,\n  \"psa\": { \"site\": Leaked-Text }\n}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> files.importBytes(document, ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("document: is not valid JSON (line 3")
        .hasMessageNotContaining("Leaked");
  }

  @Test
  void structuralProblemsAreAllReportedTogether() {
    ObjectNode document = exported(export().build());
    document.put("colour", "blue");
    ((ObjectNode) document.get("psa")).put("companyId", 42).put("privateKey", PRIVATE_KEY);
    document.put("exportedAt", "yesterday");

    assertThatThrownBy(() -> files.importBytes(bytes(document), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.problems())
                  .extracting(SettingsProblem::field)
                  .containsExactlyInAnyOrder("colour", "exportedAt", "psa.companyId", "psa.privateKey");
            })
        .hasMessageNotContaining(PRIVATE_KEY);
  }

  @Test
  void invalidSettingsAndSectionsNameTheFieldAndTheFix() {
    ObjectNode document = exported(export().build());
    ((ObjectNode) document.get("psa")).put("companyId", "acme corp").remove("site");
    ((ObjectNode) document.at("/sections/ticketing")).put("boardId", -3);
    ((ObjectNode) document.get("sections")).putObject("billing");

    assertThatThrownBy(() -> files.importBytes(bytes(document), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID);
              assertThat(e.problems())
                  .extracting(SettingsProblem::field)
                  .containsExactly(
                      "psa.site", "psa.companyId", "sections.billing", "sections.ticketing.boardId");
            })
        .hasMessageContaining("sections.billing: is not a section this product knows (it knows ticketing)")
        .hasMessageContaining("sections.ticketing.boardId: is not a board id: choose a service board");
  }

  @Test
  void anUnknownBoardIdFailsTheImportAndNothingIsApplied() throws IOException {
    Path file = folder.resolve("settings.json");
    files.export(file, export().section(RULES, new Rules(99, true)).build());
    List<Long> checked = new ArrayList<>();
    ReferenceChecker fakeConnectWise =
        candidate -> {
          long boardId = candidate.section(RULES).orElseThrow().boardId();
          checked.add(boardId);
          return boardId == 1
              ? List.of()
              : List.of(new SettingsProblem("sections.ticketing.boardId", "board " + boardId + " does not exist"));
        };
    List<ImportedSettings> applied = new ArrayList<>();

    assertThatThrownBy(
            () ->
                files.importInto(
                    file, ImportOptions.builder().referenceChecker(fakeConnectWise).build(), applied::add))
        .isInstanceOfSatisfying(
            SettingsImportException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BROKEN_REFERENCES))
        .hasMessageContaining("sections.ticketing.boardId: board 99 does not exist");
    assertThat(checked).containsExactly(99L);
    assertThat(applied).isEmpty();

    files.export(file, export().build());
    files.importInto(file, ImportOptions.builder().referenceChecker(fakeConnectWise).build(), applied::add);
    assertThat(applied).singleElement().satisfies(s -> assertThat(s.section(RULES)).contains(new Rules(1, true)));
  }

  @Test
  void offlineChecksRunBeforeTheReferenceCheckers() {
    ObjectNode document = exported(export().build());
    ((ObjectNode) document.at("/sections/ticketing")).put("boardId", "Help Desk");
    List<ImportedSettings> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                files.importBytes(
                    bytes(document),
                    ImportOptions.builder().referenceChecker(c -> { seen.add(c); return List.of(); }).build()))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    assertThat(seen).isEmpty();
  }

  @Test
  void aMissingFileIsUnreadable() {
    assertThatThrownBy(() -> files.importFile(folder.resolve("none.json"), ImportOptions.defaults()))
        .isInstanceOfSatisfying(
            SettingsImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
        .hasMessageContaining("file: cannot be read");
  }

  @Test
  void sectionsHandedOutAreCopies() {
    ImportedSettings imported = files.importBytes(files.exportBytes(export().build()), ImportOptions.defaults());
    ((ObjectNode) imported.sections().get("ticketing")).put("boardId", 7);
    assertThat(imported.section(RULES)).contains(new Rules(1, true));
  }

  private ObjectNode exported(SettingsExport export) {
    return (ObjectNode) json(new String(files.exportBytes(export), StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(ObjectNode document) {
    return document.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
