package com.axcient.connectwise.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void theDemoTellsTheWholeStoryAndExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = ConnectWiseTool.newCommandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("demo");

    String story = out.toString();
    assertThat(code).as(err.toString()).isZero();
    assertThat(story)
        .contains("Test connection: passed")
        .contains("Setup check: ConnectWise is ready")
        .contains("reopened")
        .contains("alert sql01-repl acknowledged in the product")
        .contains("globex-nas -> ticket #")
        .contains("with the status Imported")
        .contains("Apply: 1 written")
        .contains("Apply again: 0 written, 1 unchanged")
        .contains("Tickets opened:        5")
        .contains("Alerts acknowledged:   1")
        .contains("Outbox:                0 queued, 0 dead letters")
        .doesNotContain("NOT acknowledged")
        .doesNotContain("exactly one: 0")
        .doesNotContain("exactly one: 2");
  }
}
