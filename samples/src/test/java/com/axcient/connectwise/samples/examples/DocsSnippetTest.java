package com.axcient.connectwise.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guides quote the examples: a {@code <!-- snippet: ClientExample client-build -->} line in a
 * Markdown file is followed by a Java block that must equal, character for character, the code
 * between {@code // docs:start client-build} and {@code // docs:end} in ClientExample.java (without
 * its indentation). Every marked piece of an example is quoted somewhere, so none goes stale
 * unseen.
 */
class DocsSnippetTest {

  private static final Path PROJECT = Path.of("..");
  private static final List<Path> EXAMPLES =
      List.of(
          Path.of("src/main/java/com/axcient/connectwise/samples/examples"),
          // Examples of tests an embedder writes with the testkit.
          Path.of("src/test/java/com/axcient/connectwise/samples/examples"));
  private static final Pattern QUOTE = Pattern.compile("<!-- snippet: (\\w+) ([\\w-]+) -->");

  @Test
  void everyQuotedSnippetMatchesTheExampleSourceAndEverySnippetIsQuoted() throws IOException {
    Map<String, String> snippets = snippetsOfTheExamples();
    assertThat(snippets).isNotEmpty();
    List<String> quoted = new ArrayList<>();

    for (Path doc : markdownFiles()) {
      List<String> lines = Files.readAllLines(doc);
      for (int i = 0; i < lines.size(); i++) {
        Matcher quote = QUOTE.matcher(lines.get(i).strip());
        if (!quote.matches()) {
          continue;
        }
        String name = quote.group(1) + " " + quote.group(2);
        String where = PROJECT.relativize(doc) + " line " + (i + 1) + " (" + name + ")";
        assertThat(snippets).as(where + ": no such snippet in the examples").containsKey(name);
        assertThat(lines.get(i + 1)).as(where + ": the quote must be followed by ```java").isEqualTo("```java");
        StringBuilder block = new StringBuilder();
        int line = i + 2;
        while (!lines.get(line).equals("```")) {
          block.append(lines.get(line)).append('\n');
          line++;
        }
        assertThat(block.toString()).as(where + ": differs from the example's source").isEqualTo(snippets.get(name));
        quoted.add(name);
      }
    }

    assertThat(quoted).as("snippets quoted in the docs").containsAll(snippets.keySet());
  }

  private static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(PROJECT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  /** "ClientExample client-build" to the code between its markers, without the indentation. */
  private static Map<String, String> snippetsOfTheExamples() throws IOException {
    Map<String, String> snippets = new LinkedHashMap<>();
    List<Path> all = new ArrayList<>();
    for (Path folder : EXAMPLES) {
      try (Stream<Path> sources = Files.list(folder)) {
        sources.sorted().forEach(all::add);
      }
    }
    for (Path source : all) {
      String example = source.getFileName().toString().replace(".java", "");
      String name = null;
      List<String> current = new ArrayList<>();
      for (String line : Files.readAllLines(source)) {
        String stripped = line.strip();
        if (stripped.startsWith("// docs:start ")) {
          name = example + " " + stripped.substring("// docs:start ".length());
          current = new ArrayList<>();
        } else if (stripped.equals("// docs:end") && name != null) {
          snippets.put(name, dedent(current));
          name = null;
        } else if (name != null) {
          current.add(line);
        }
      }
    }
    return snippets;
  }

  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return text.toString();
  }
}
