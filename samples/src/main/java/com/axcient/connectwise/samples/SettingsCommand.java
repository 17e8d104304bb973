package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.Secret;
import com.axcient.connectwise.integration.core.settings.PsaSettings;
import com.axcient.connectwise.integration.core.settings.files.ImportOptions;
import com.axcient.connectwise.integration.core.settings.files.ImportedSettings;
import com.axcient.connectwise.integration.core.settings.files.SettingsExport;
import com.axcient.connectwise.integration.core.settings.files.SettingsFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  /** A passphrase from a flag, the environment or a prompt without echo. */
  static final class PassphraseOption {
    @Option(
        names = "--passphrase",
        arity = "0..1",
        interactive = true,
        prompt = "Passphrase (not shown): ",
        defaultValue = "${env:CW_SETTINGS_PASSPHRASE}",
        description = "Encrypts (export) or decrypts (import) the private key; without a value it"
            + " is asked for (env CW_SETTINGS_PASSPHRASE). Without one the private key is left out.")
    char[] passphrase;

    boolean present() {
      return passphrase != null && passphrase.length > 0;
    }

    Secret secret() {
      return Secret.of(new String(passphrase));
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
      PsaSettings settings = connection.settings();
      SettingsExport.Builder export = SettingsExport.builder(settings);
      if (passphrase.present()) {
        export.passphrase(passphrase.secret());
      }
      SettingsFiles.builder().build().export(file, export.build());
      PrintWriter out = spec.commandLine().getOut();
      out.println("Settings written to " + file.toAbsolutePath()
          + (passphrase.present()
              ? " with the private key encrypted."
              : " without the private key (add --passphrase to include it encrypted)."));
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
      if (passphrase.present()) {
        options.passphrase(passphrase.secret());
      }
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
}
