/**
 * A simulated ConnectWise PSA (Manage) for tests, demos and embedders' own integration tests.
 *
 * <p>Start one with {@link com.axcient.connectwise.testkit.ConnectWiseSimulator#builder()}, or
 * let {@link com.axcient.connectwise.testkit.ConnectWiseSimulatorExtension} run one per JUnit
 * test class. Script failures with {@link com.axcient.connectwise.testkit.Faults}, read what it
 * received from its {@link com.axcient.connectwise.testkit.Journal}, and change its records "as
 * a technician" through {@link com.axcient.connectwise.testkit.SimulatorData}. It keeps its
 * records as JSON, not as any client's model classes, so it checks a client rather than sharing
 * its mistakes.
 */
package com.axcient.connectwise.testkit;
