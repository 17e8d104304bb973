package com.axcient.connectwise.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected type, constructor and method of the API (all packages but
 * {@code internal}) has a Javadoc comment. Javadoc's own doclint checks the comments' syntax and
 * references during the build.
 */
class PublicApiDocumentationTest {

  private static final Pattern DECLARATION = Pattern.compile("^\\s*(public|protected)\\s.*");

  @Test
  void everyPublicDeclarationHasJavadoc() throws IOException {
    List<String> undocumented = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        if (file.toString().contains("/internal/") || file.getFileName().toString().equals("package-info.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (DECLARATION.matcher(lines.get(i)).matches() && !documented(lines, i)) {
            undocumented.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(undocumented).isEmpty();
  }

  private static boolean documented(List<String> lines, int declaration) {
    for (int i = declaration - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.startsWith("@Override")) {
        return true;
      }
      if (line.startsWith("@") || line.startsWith(")")) {
        continue;
      }
      return line.endsWith("*/");
    }
    return false;
  }
}
