package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.files.ImportOptions;
import com.axcient.connectwise.integration.core.settings.files.ImportedSettings;
import com.axcient.connectwise.integration.core.settings.files.SettingsExport;
import com.axcient.connectwise.integration.core.settings.files.SettingsFiles;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Exports connection settings to a file and checks a file before it is imported elsewhere. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = "Export the connection settings to a file, or read and check a settings file.",
    subcommands = {SettingsCommand.Export.class, SettingsCommand.Import.class})
final class SettingsCommand {

  /** Where a passphrase is read from: the environment and the person at the console. */
  interface Terminal {
    /** The process's own environment and console; standard input when there is no console. */
    Terminal SYSTEM = new SystemTerminal();

    /**
     * An environment variable.
     *
     * @return its value, or {@code null} when it is not set
     */
    String variable(String name);

    /**
     * Whether a person types the answers, so that a passphrase can be asked for twice.
     *
     * @return {@code true} at a console
     */
    boolean interactive();

    /**
     * Asks for a passphrase without echo, or reads a line of standard input when there is no
     * console.
     *
     * @return what was typed, or {@code null} at the end of the input
     */
    char[] ask(String prompt);
  }

  /**
   * A passphrase from {@code --passphrase=VALUE}, from {@code CW_SETTINGS_PASSPHRASE}, or asked for
   * without echo when {@code --passphrase} has no value. A {@code --passphrase} that ends without
   * one is refused rather than ignored: ignoring it would write the file without the private key.
   */
  static final class PassphraseOption {
    static final String VARIABLE = "CW_SETTINGS_PASSPHRASE";

    @Option(
        names = "--passphrase",
        arity = "0..1",
        paramLabel = "PASSPHRASE",
        description = "Encrypts (export) or decrypts (import) the private key; without a value it"
            + " comes from env CW_SETTINGS_PASSPHRASE or is asked for (export asks twice)."
            + " Without --passphrase or the variable the private key is left out.")
    char[] given;

    /** Where the passphrase is read from; the tests replace it. */
    Terminal terminal = Terminal.SYSTEM;

    /**
     * The passphrase to use.
     *
     * @param line the command, for the usage error
     * @param confirm whether a passphrase typed at a console is asked for a second time
     * @return the passphrase; empty without {@code --passphrase} and without the variable
     * @throws CommandLine.ParameterException when {@code --passphrase} ends without a passphrase
     *     or the two typed differ
     */
    Optional<Passphrase> resolve(CommandLine line, boolean confirm) {
      String variable = terminal.variable(VARIABLE);
      boolean variableSet = variable != null && !variable.isEmpty();
      if (given == null) {
        return variableSet ? Optional.of(new Passphrase(variable, true)) : Optional.empty();
      }
      if (given.length > 0) {
        return Optional.of(new Passphrase(new String(given), false));
      }
      if (variableSet) {
        return Optional.of(new Passphrase(variable, true));
      }
      char[] typed = terminal.ask("Passphrase (not shown): ");
      if (typed == null || typed.length == 0) {
        throw new CommandLine.ParameterException(line, "--passphrase was given but no passphrase"
            + (terminal.interactive()
                ? " was typed: type it at the prompt"
                : " was read (no console to ask at, and standard input was empty): pipe it to"
                    + " standard input")
            + ", or set " + VARIABLE
            + (confirm ? " (leave out --passphrase to write the file without the private key)" : ""));
      }
      // A typo would make the exported key unrecoverable, so a person types it twice.
      if (confirm && terminal.interactive()
          && !Arrays.equals(typed, terminal.ask("The same passphrase again: "))) {
        throw new CommandLine.ParameterException(line, "the two passphrases differ, so nothing was"
            + " written: run again and type the same passphrase twice");
      }
      return Optional.of(new Passphrase(new String(typed), false));
    }
  }

  /**
   * A passphrase and where it came from.
   *
   * @param value the passphrase
   * @param fromVariable whether it is {@code CW_SETTINGS_PASSPHRASE}'s
   */
  record Passphrase(String value, boolean fromVariable) {
    Secret secret() {
      return Secret.of(value);
    }

    @Override
    public String toString() {
      return "Passphrase[" + (fromVariable ? PassphraseOption.VARIABLE : "typed") + "]";
    }
  }

  /** Writes the settings file. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the connection settings to a file (mode 0600, replaced atomically).")
  static final class Export implements Callable<Integer> {
    @Mixin ConnectionOptions connection;
    @Mixin PassphraseOption passphrase;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to write.")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      // The settings are checked first, so that nobody types a passphrase for a refused command.
      PsaSettings settings = connection.settings();
      Optional<Passphrase> key = passphrase.resolve(spec.commandLine(), true);
      SettingsExport.Builder export = SettingsExport.builder(settings);
      key.ifPresent(value -> export.passphrase(value.secret()));
      SettingsFiles.builder().build().export(file, export.build());
      PrintWriter out = spec.commandLine().getOut();
      out.println("Settings written to " + file.toAbsolutePath()
          + key.map(value -> " with the private key encrypted"
                  + (value.fromVariable() ? " (passphrase from " + PassphraseOption.VARIABLE + ")." : "."))
              .orElse(" without the private key (add --passphrase to include it encrypted)."));
      out.flush();
      return ConnectWiseTool.OK;
    }
  }

  /** Reads and checks the settings file; nothing is changed. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Read a settings file, check it completely and show what it holds.")
  static final class Import implements Callable<Integer> {
    @Mixin PassphraseOption passphrase;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to read.")
    Path file;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ImportOptions.Builder options = ImportOptions.builder();
      passphrase.resolve(spec.commandLine(), false).ifPresent(value -> options.passphrase(value.secret()));
      ImportedSettings imported = SettingsFiles.builder().build().importFile(file, options.build());
      PrintWriter out = spec.commandLine().getOut();
      out.println("The settings file is valid (format version " + imported.formatVersion() + ").");
      out.println("  Site:        " + imported.site());
      out.println("  Company ID:  " + imported.companyId());
      out.println("  Public key:  " + imported.publicKey());
      out.println("  API member:  " + imported.apiMemberIdentifier());
      out.println("  Private key: " + (imported.privateKeyIncluded()
          ? "included (encrypted in the file)"
          : "not included: enter it again after importing"));
      out.flush();
      return ConnectWiseTool.OK;
    }
  }

  /** The console when there is one, else standard input (a passphrase piped in by a script). */
  private static final class SystemTerminal implements Terminal {
    private BufferedReader input;

    @Override
    public String variable(String name) {
      return System.getenv(name);
    }

    @Override
    public boolean interactive() {
      Console console = System.console();
      return console != null && isTerminal(console);
    }

    @Override
    public char[] ask(String prompt) {
      if (interactive()) {
        return System.console().readPassword("%s", prompt);
      }
      // Not a console: the prompt goes to stderr, so that a script's stdout stays the result.
      System.err.print(prompt);
      System.err.flush();
      try {
        if (input == null) {
          input = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        }
        String line = input.readLine();
        System.err.println(); // what was piped in is not echoed: end the prompt's line
        return line == null ? null : line.toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("Standard input could not be read", e);
      }
    }

    /** From Java 22 a console may exist while the input is redirected; only a terminal is a person. */
    private static boolean isTerminal(Console console) {
      try {
        return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return true; // before Java 22 there is a console only at a terminal
      }
    }
  }
}
