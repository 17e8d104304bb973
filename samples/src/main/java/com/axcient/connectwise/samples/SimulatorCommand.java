package com.axcient.connectwise.samples;

import com.axcient.connectwise.testkit.ConnectWiseSimulator;
import java.io.PrintWriter;
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
    ConnectWiseSimulator simulator = ConnectWiseSimulator.builder().port(port).cloud(cloud).build().start();
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
    out.println("Try: CW_PRIVATE_KEY=" + simulator.privateKey() + " java -jar samples/target/connectwise-samples.jar"
        + " doctor --allow-http --site " + simulator.baseUrl() + " --company-id " + simulator.companyId()
        + " --public-key " + simulator.publicKey() + " --client-id " + simulator.clientId()
        + " --member " + simulator.apiMemberIdentifier());
    out.flush();
    stopped.await();
    return ConnectWiseTool.OK;
  }
}
