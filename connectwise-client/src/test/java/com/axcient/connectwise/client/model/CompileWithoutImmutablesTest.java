package com.axcient.connectwise.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users of the models need no Immutables on their classpath: a consumer that builds, reads and
 * copies a ticket compiles with {@code -Werror -Xlint:all} against the module's classes and its
 * run-time dependencies, minus every Immutables jar.
 */
class CompileWithoutImmutablesTest {

  private static final String CONSUMER =
      """
      package consumer;

      import com.axcient.connectwise.client.model.CustomFieldValue;
      import com.axcient.connectwise.client.model.Reference;
      import com.axcient.connectwise.client.model.Ticket;
      import java.math.BigDecimal;

      public final class TicketConsumer {
        private TicketConsumer() {}

        public static String describe() {
          Ticket ticket =
              Ticket.builder()
                  .summary("Backup job failed")
                  .company(Reference.builder().id(250).identifier("ContosoLtd").build())
                  .board(Reference.of(1))
                  .severity(Ticket.Severity.HIGH)
                  .budgetHours(new BigDecimal("0.5"))
                  .addCustomFields(CustomFieldValue.of(7, "EU"))
                  .build();
          Ticket closed = Ticket.builder().from(ticket).closedFlag(true).build();
          long boardId = closed.board().map(Reference::id).orElse(0L);
          String region =
              closed.customFields().get(0).value().map(Object::toString).orElse("none");
          return closed.summary().orElse("") + " on board " + boardId + " in " + region;
        }
      }
      """;

  @Test
  void consumerCompilesWithoutImmutablesOnTheClasspath(@TempDir Path output) {
    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(output, "consumer/TicketConsumer.java", CONSUMER);

    assertThat(diagnostics).extracting(d -> d.toString()).isEmpty();
  }

  @Test
  void classpathReallyLacksImmutables(@TempDir Path output) {
    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(
            output,
            "consumer/UsesImmutables.java",
            "package consumer; @org.immutables.value.Value.Immutable interface UsesImmutables {}");

    assertThat(diagnostics)
        .anySatisfy(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR));
  }

  private static List<Diagnostic<? extends JavaFileObject>> compile(
      Path output, String name, String source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-Werror",
            "-Xlint:all",
            "-proc:none",
            "-classpath",
            classpathWithoutImmutables(),
            "-d",
            output.toString());
    compiler
        .getTask(null, null, diagnostics, options, null, List.of(new Source(name, source)))
        .call();
    return diagnostics.getDiagnostics();
  }

  private static String classpathWithoutImmutables() {
    String testClasspath = System.getProperty("java.class.path");
    return Stream.concat(
            Stream.of(Path.of("target/classes").toAbsolutePath().toString()),
            Arrays.stream(testClasspath.split(File.pathSeparator)))
        .filter(entry -> !entry.isEmpty() && !entry.contains("immutables"))
        .distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String name, String code) {
      super(URI.create("string:///" + name), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
