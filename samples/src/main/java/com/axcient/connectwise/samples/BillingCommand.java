package com.axcient.connectwise.samples;

import com.axcient.connectwise.client.ConnectWiseClient;
import com.axcient.connectwise.client.ConnectWiseJson;
import com.axcient.connectwise.integration.billing.BillingMapping;
import com.axcient.connectwise.integration.billing.BillingPlan;
import com.axcient.connectwise.integration.billing.BillingResult;
import com.axcient.connectwise.integration.billing.BillingService;
import com.axcient.connectwise.integration.billing.StorageReport;
import com.axcient.connectwise.integration.core.state.JdbcStateStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Plans or applies a billing run: storage reports become agreement addition quantities. */
@Command(
    name = "billing",
    mixinStandardHelpOptions = true,
    description = "Bill storage to agreement additions: 'plan' shows what would change, 'apply'"
        + " writes it.",
    subcommands = {BillingCommand.Plan.class, BillingCommand.Apply.class})
final class BillingCommand {

  private static final ObjectMapper JSON = ConnectWiseJson.newObjectMapper();

  /** The options both subcommands take. */
  static final class RunOptions {
    @Mixin ConnectionOptions connection;

    @Option(
        names = "--report",
        required = true,
        paramLabel = "FILE",
        description = "A storage report (JSON object or array of them); repeat for several.")
    List<Path> reports;

    @Option(
        names = "--mappings",
        required = true,
        paramLabel = "FILE",
        description = "JSON array of {applianceId, companyId, agreementId, additionId}.")
    Path mappings;

    List<StorageReport> readReports() {
      List<StorageReport> all = new ArrayList<>();
      for (Path file : reports) {
        JsonNode tree = readTree(file, "a StorageReport object or an array of them");
        if (tree.isArray()) {
          for (JsonNode report : tree) {
            all.add(convert(report, StorageReport.class, file));
          }
        } else {
          all.add(convert(tree, StorageReport.class, file));
        }
      }
      return all;
    }

    List<BillingMapping> readMappings() {
      JsonNode tree = readTree(mappings, "a JSON array of BillingMapping objects");
      if (!tree.isArray()) {
        throw new IllegalArgumentException(
            mappings + " is not a JSON array: write the mappings as [{\"applianceId\": ...,"
                + " \"companyId\": ..., \"agreementId\": ..., \"additionId\": ...}]");
      }
      List<BillingMapping> all = new ArrayList<>();
      for (JsonNode mapping : tree) {
        all.add(convert(mapping, BillingMapping.class, mappings));
      }
      return all;
    }
  }

  private static JsonNode readTree(Path file, String expected) {
    try {
      JsonNode tree = JSON.readTree(Files.readAllBytes(file));
      // An empty or whitespace-only file reads as no node at all; "null" as a null node.
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        throw new IllegalArgumentException(
            file + " is empty or null: write " + expected);
      }
      return tree;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + " does not exist: check the file name");
    } catch (JsonProcessingException e) {
      // Some failures (nesting too deep, for one) carry no location.
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(
          file + " is not valid JSON" + line + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static <T> T convert(JsonNode node, Class<T> type, Path file) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(
          file + " has a null entry: write a " + type.getSimpleName() + " object there or remove it");
    }
    try {
      return JSON.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String message =
          cause instanceof JsonProcessingException
              ? ((JsonProcessingException) cause).getOriginalMessage()
              : cause.getMessage();
      throw new IllegalArgumentException(
          file + " has an entry that is not a " + type.getSimpleName() + ": " + message);
    }
  }

  private static void printLines(String text, PrintWriter out) {
    text.lines().forEach(out::println);
  }

  /** The dry run. */
  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description = "Show current and proposed quantities per agreement addition; writes nothing.")
  static final class Plan implements Callable<Integer> {
    @Mixin RunOptions run;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ConnectionOptions.Connection target = run.connection.connection();
      List<StorageReport> reports = run.readReports();
      List<BillingMapping> mappings = run.readMappings();
      PrintWriter out = spec.commandLine().getOut();
      out.println("Reading " + mappings.size() + " agreement addition(s) from "
          + target.settings().site() + " ...");
      out.flush();
      try (ConnectWiseClient client = target.settings().clientBuilder(target.clientId()).build();
          JdbcStateStore state = JdbcStateStore.h2InMemory("billing-plan")) {
        BillingPlan plan =
            BillingService.builder()
                .client(client)
                .auditLog(state.billingAudit())
                .mappings(mappings)
                .build()
                .plan(reports);
        printLines(plan.describe(), out);
        out.println("Nothing was written (a dry run). Run 'billing apply' with the same options to"
            + " write the changes.");
        out.flush();
      }
      return ConnectWiseTool.OK;
    }
  }

  /** The run that writes. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Write the changed quantities to ConnectWise and audit every write.")
  static final class Apply implements Callable<Integer> {
    @Mixin RunOptions run;

    @Option(
        names = "--state",
        paramLabel = "DIR",
        defaultValue = "connectwise-state",
        description = "Folder of the durable state that keeps the billing audit (default ${DEFAULT-VALUE}).")
    Path stateFolder;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ConnectionOptions.Connection target = run.connection.connection();
      List<StorageReport> reports = run.readReports();
      List<BillingMapping> mappings = run.readMappings();
      PrintWriter out = spec.commandLine().getOut();
      try (ConnectWiseClient client = target.settings().clientBuilder(target.clientId()).build();
          JdbcStateStore state = JdbcStateStore.h2File(stateFolder)) {
        BillingService billing =
            BillingService.builder()
                .client(client)
                .auditLog(state.billingAudit())
                .mappings(mappings)
                .build();
        out.println("Reading " + mappings.size() + " agreement addition(s) from "
            + target.settings().site() + " ...");
        out.flush();
        BillingPlan plan = billing.plan(reports);
        printLines(plan.describe(), out);
        out.println("Writing " + plan.changes().size() + " changed quantit"
            + (plan.changes().size() == 1 ? "y" : "ies") + " ...");
        out.flush();
        BillingResult result = billing.apply(plan);
        out.println(result.summary());
        for (BillingResult.FailedWrite failed : result.failed()) {
          out.println("  failed: addition " + failed.addition().additionId() + ": " + failed.reason());
        }
        out.println("Audit kept in " + stateFolder.toAbsolutePath());
        out.flush();
        return result.succeeded() ? ConnectWiseTool.OK : ConnectWiseTool.PROBLEMS_FOUND;
      }
    }
  }
}
