package com.axcient.connectwise.samples;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the simulated ConnectWise as a server until stopped. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = "Run a simulated ConnectWise PSA site on this machine until stopped (Ctrl+C).")
final class SimulatorCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "18080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--cloud", description = "Answer bad credentials with a bare 404, as cloud sites do.")
  boolean cloud;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    ConnectWiseSimulator simulator;
    try {
      simulator = ConnectWiseSimulator.builder().port(port).cloud(cloud).build().start();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "Port " + port + " cannot be used (" + e.getCause().getMessage() + "): it is probably"
              + " taken by another program or simulator; choose another with --port, or --port 0"
              + " for a free one",
          e.getCause());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "connectwise-simulator-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("ConnectWise simulator running. Stop it with Ctrl+C.");
    out.println("  Site URL:    " + simulator.baseUrl());
    out.println("  Company ID:  " + simulator.companyId());
    out.println("  Public key:  " + simulator.publicKey());
    out.println("  Private key: " + simulator.privateKey() + "   (a simulator key, not a secret)");
    out.println("  Client ID:   " + simulator.clientId());
    out.println("  API member:  " + simulator.apiMemberIdentifier());
    out.println();
    out.println("Point the other commands at it, in another terminal:");
    out.println("  export CW_SITE=" + simulator.baseUrl() + " CW_COMPANY_ID=" + simulator.companyId()
        + " CW_PUBLIC_KEY=" + simulator.publicKey() + " CW_PRIVATE_KEY=" + simulator.privateKey()
        + " CW_CLIENT_ID=" + simulator.clientId() + " CW_MEMBER=" + simulator.apiMemberIdentifier());
    out.println("  java -jar samples/target/connectwise-samples.jar doctor --allow-http");
    out.flush();
    stopped.await();
    return ConnectWiseTool.OK;
  }
}
