package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SettingsCommandTest {

  private static final String PRIVATE_KEY = "CanaryPrivKey77";

  @TempDir Path folder;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final FakeTerminal terminal = new FakeTerminal();

  /** The environment and the console of the tests: no variable set, nothing typed unless said. */
  private static final class FakeTerminal implements SettingsCommand.Terminal {
    final Map<String, String> variables = new HashMap<>();
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    boolean interactive;

    @Override
    public String variable(String name) {
      return variables.get(name);
    }

    @Override
    public boolean interactive() {
      return interactive;
    }

    @Override
    public char[] ask(String prompt) {
      prompts.add(prompt);
      String answer = answers.poll();
      return answer == null ? null : answer.toCharArray();
    }
  }

  private int run(String... args) {
    CommandLine line = ConnectWiseTool.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    CommandLine settings = line.getSubcommands().get("settings");
    ((SettingsCommand.Export) settings.getSubcommands().get("export").getCommand()).passphrase.terminal =
        terminal;
    ((SettingsCommand.Import) settings.getSubcommands().get("import").getCommand()).passphrase.terminal =
        terminal;
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

  @Test
  void passphraseWithoutValueTakesTheVariableWithoutAsking() throws IOException {
    Path file = folder.resolve("cw.json");
    terminal.variables.put("CW_SETTINGS_PASSPHRASE", "correct horse battery");

    assertThat(export(file, "--passphrase")).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("with the private key encrypted (passphrase from CW_SETTINGS_PASSPHRASE)");
    assertThat(run("settings", "import", "--file", file.toString(), "--passphrase")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("included (encrypted");
    assertThat(terminal.prompts).isEmpty();
  }

  @Test
  void theVariableAloneStillEncryptsTheKey() {
    Path file = folder.resolve("cw.json");
    terminal.variables.put("CW_SETTINGS_PASSPHRASE", "correct horse battery");

    assertThat(export(file)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("with the private key encrypted");
    assertThat(terminal.prompts).isEmpty();
  }

  @Test
  void anEmptyPassphraseIsAUsageErrorAndWritesNothing() {
    Path file = folder.resolve("cw.json");
    terminal.interactive = true;
    terminal.answers.add("");

    assertThat(export(file, "--passphrase")).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString())
        .contains("--passphrase was given but no passphrase was typed")
        .contains("CW_SETTINGS_PASSPHRASE")
        .contains("leave out --passphrase to write the file without the private key");
    assertThat(out.toString()).doesNotContain("Settings written");
    assertThat(file).doesNotExist();
  }

  @Test
  void aScriptWithNothingOnStandardInputIsToldToSetTheVariable() {
    Path file = folder.resolve("cw.json");

    assertThat(export(file, "--passphrase")).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("standard input was empty").contains("CW_SETTINGS_PASSPHRASE");
    assertThat(file).doesNotExist();
  }

  @Test
  void atAConsoleExportAsksTwiceAndRefusesTwoDifferentPassphrases() {
    Path file = folder.resolve("cw.json");
    terminal.interactive = true;
    terminal.answers.add("correct horse battery");
    terminal.answers.add("correct horse batery");

    assertThat(export(file, "--passphrase")).isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("the two passphrases differ, so nothing was written");
    assertThat(terminal.prompts).hasSize(2);
    assertThat(file).doesNotExist();
  }

  @Test
  void atAConsoleTheSamePassphraseTwiceEncryptsTheKey() {
    Path file = folder.resolve("cw.json");
    terminal.interactive = true;
    terminal.answers.add("correct horse battery");
    terminal.answers.add("correct horse battery");

    assertThat(export(file, "--passphrase")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("with the private key encrypted.");
    assertThat(terminal.prompts).hasSize(2);

    terminal.prompts.clear();
    terminal.answers.add("correct horse battery");
    assertThat(run("settings", "import", "--file", file.toString(), "--passphrase")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("included (encrypted");
    assertThat(terminal.prompts).as("import asks once").hasSize(1);
  }

  @Test
  void importWithAnEmptyPassphraseIsAUsageError() {
    Path file = folder.resolve("cw.json");
    terminal.variables.put("CW_SETTINGS_PASSPHRASE", "correct horse battery");
    assertThat(export(file)).as(err.toString()).isZero();
    terminal.variables.clear();
    terminal.interactive = true;
    terminal.answers.add("");

    assertThat(run("settings", "import", "--file", file.toString(), "--passphrase"))
        .isEqualTo(ConnectWiseTool.USAGE);
    assertThat(err.toString()).contains("--passphrase was given but no passphrase was typed")
        .doesNotContain("leave out --passphrase");
  }
}
