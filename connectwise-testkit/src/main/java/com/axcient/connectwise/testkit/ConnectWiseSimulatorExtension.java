package com.axcient.connectwise.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that runs a {@link ConnectWiseSimulator} for a test class or for each
 * test, and injects it into test and lifecycle method parameters of that type.
 *
 * <pre>{@code
 * @ExtendWith(ConnectWiseSimulatorExtension.class)      // one simulator for the class
 * class MyIntegrationTest {
 *   @Test void createsTicket(ConnectWiseSimulator cw) { ... }
 * }
 *
 * class MyOtherTest {
 *   @RegisterExtension                                   // configured, one per test
 *   static ConnectWiseSimulatorExtension cw = ConnectWiseSimulatorExtension.perTest()
 *       .configure(builder -> builder.clock(testClock).cloud(true));
 * }
 * }</pre>
 *
 * <p>With one simulator per class, records persist from test to test, but scripted faults, the
 * journal and recorded callback deliveries are cleared and every role is given back its full
 * permissions before each test, so a test's faults never leak into the next. Registered on an
 * instance field, the extension behaves per test.
 */
public final class ConnectWiseSimulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ConnectWiseSimulatorExtension.class);
  private static final String KEY = "simulator";

  private final boolean perTest;
  private final Consumer<ConnectWiseSimulator.Builder> configuration;
  private volatile ConnectWiseSimulator current;

  /** One simulator per test class, with the builder's defaults; what {@code @ExtendWith} uses. */
  public ConnectWiseSimulatorExtension() {
    this(false, builder -> {});
  }

  private ConnectWiseSimulatorExtension(boolean perTest,
      Consumer<ConnectWiseSimulator.Builder> configuration) {
    this.perTest = perTest;
    this.configuration = configuration;
  }

  /**
   * One simulator shared by every test of the class.
   *
   * @return a new extension
   */
  public static ConnectWiseSimulatorExtension perClass() {
    return new ConnectWiseSimulatorExtension(false, builder -> {});
  }

  /**
   * A fresh simulator, with freshly seeded data, for every test.
   *
   * @return a new extension
   */
  public static ConnectWiseSimulatorExtension perTest() {
    return new ConnectWiseSimulatorExtension(true, builder -> {});
  }

  /**
   * The same extension with the builder configured before each simulator is built.
   *
   * @param builderConfiguration sets builder options (clock, credentials, cloud mode...)
   * @return a new extension with the configuration
   */
  public ConnectWiseSimulatorExtension configure(Consumer<ConnectWiseSimulator.Builder> builderConfiguration) {
    Objects.requireNonNull(builderConfiguration, "builderConfiguration");
    return new ConnectWiseSimulatorExtension(perTest, configuration.andThen(builderConfiguration));
  }

  /**
   * The running simulator, for tests that hold the extension in a field.
   *
   * @return the simulator of the current test
   * @throws IllegalStateException outside a test
   */
  public ConnectWiseSimulator simulator() {
    ConnectWiseSimulator simulator = current;
    if (simulator == null) {
      throw new IllegalStateException("No simulator is running: use it inside a test");
    }
    return simulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!perTest) {
      context.getStore(NAMESPACE).put(KEY, startSimulator());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ConnectWiseSimulator shared = context.getStore(NAMESPACE).get(KEY, ConnectWiseSimulator.class);
    if (shared == null || perTest) {
      context.getStore(NAMESPACE).put(KEY, startSimulator());
      return;
    }
    shared.faults().clear();
    shared.journal().clear();
    shared.callbacks().clear();
    shared.restoreRoles();
    current = shared;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ConnectWiseSimulator own = context.getStore(NAMESPACE).remove(KEY, ConnectWiseSimulator.class);
    if (own != null) {
      own.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ConnectWiseSimulator shared = context.getStore(NAMESPACE).remove(KEY, ConnectWiseSimulator.class);
    if (shared != null) {
      shared.close();
    }
    current = null;
  }

  private ConnectWiseSimulator startSimulator() {
    ConnectWiseSimulator.Builder builder = ConnectWiseSimulator.builder();
    configuration.accept(builder);
    ConnectWiseSimulator simulator = builder.build().start();
    current = simulator;
    return simulator;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ConnectWiseSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ConnectWiseSimulator simulator = context.getStore(NAMESPACE).get(KEY, ConnectWiseSimulator.class);
    return simulator != null ? simulator : simulator();
  }
}
