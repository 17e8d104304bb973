package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SettingsCommandTest {

  private static final String PRIVATE_KEY = "CanaryPrivKey77";

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line = ConnectWiseTool.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  private int export(Path file, String... more) {
    String[] base = {
      "settings", "export",
      "--site", "na.myconnectwise.net",
      "--company-id", "acme",
      "--public-key", "Pub1Key2Abc",
      "--private-key=" + PRIVATE_KEY,
      "--member", "BackupAPI",
      "--file", file.toString()
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return run(args);
  }

  @Test
  void exportWithoutPassphraseLeavesThePrivateKeyOut() throws IOException {
    Path file = folder.resolve("cw.json");

    assertThat(export(file)).as(err.toString()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(PRIVATE_KEY);

    assertThat(run("settings", "import", "--file", file.toString())).isZero();
    assertThat(out.toString()).contains("acme").contains("not included");
  }

  @Test
  void exportWithPassphraseEncryptsTheKeyAndTheWrongPassphraseIsRefused() throws IOException {
    Path file = folder.resolve("cw.json");

    assertThat(export(file, "--passphrase=correct horse battery")).as(err.toString()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain(PRIVATE_KEY);

    assertThat(run("settings", "import", "--file", file.toString(), "--passphrase=correct horse battery"))
        .isZero();
    assertThat(out.toString()).contains("included (encrypted");

    int code = run("settings", "import", "--file", file.toString(), "--passphrase=wrong passphrase");
    assertThat(code).isNotZero();
    assertThat(err.toString()).containsIgnoringCase("passphrase").doesNotContain("\tat ");
    assertThat(out.toString() + err).doesNotContain(PRIVATE_KEY);
  }
}
