package com.axcient.connectwise.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Scenario 4: what an embedder ships. The build writes this module's resolved runtime classpath
 * into a resource; each published module's own jar is measured, and so is everything it brings
 * along: its POM's compile and runtime dependencies, followed through their POMs, and counted
 * with the versions Maven resolved. Optional and excluded dependencies are not inherited.
 */
final class Footprint {

  static final String CLASSPATH_RESOURCE = "runtime-classpath.txt";
  static final String GROUP = "com.axcient.connectwise";
  static final List<String> MODULES =
      List.of("connectwise-client", "integration-core", "integration-ticketing", "integration-billing");

  /** One artifact on the classpath: where it is, its size and its declared dependencies. */
  record Artifact(String key, Path path, long bytes, List<Dependency> dependencies) {}

  /** A dependency as a POM declares it. */
  record Dependency(String key, String scope, boolean optional, Set<String> exclusions) {
    boolean inherited() {
      return !optional && (scope.equals("compile") || scope.equals("runtime"));
    }
  }

  private Footprint() {}

  static void run(Table table) {
    String s4 = "4 footprint";
    Optional<List<Path>> classpath = classpath();
    if (classpath.isEmpty()) {
      table.info(s4, "runtime classpath", "not available: run the packaged runner jar");
      return;
    }
    Map<String, Artifact> artifacts = new LinkedHashMap<>();
    for (Path entry : classpath.get()) {
      read(entry).ifPresent(a -> artifacts.put(a.key(), a));
    }
    for (String module : MODULES) {
      Artifact root = artifacts.get(GROUP + ":" + module);
      if (root == null) {
        table.info(s4, module, "not on the classpath");
        continue;
      }
      List<Artifact> inherited = closure(root, artifacts);
      long total = inherited.stream().mapToLong(Artifact::bytes).sum();
      table.info(s4, module + " jar", Format.megabytes(root.bytes()));
      table.info(s4, module + " with what it brings", String.format("%s in %d jars",
          Format.megabytes(root.bytes() + total), inherited.size() + 1));
    }
    Artifact ticketing = artifacts.get(GROUP + ":integration-ticketing");
    if (ticketing != null) {
      List<Artifact> inherited = closure(ticketing, artifacts);
      inherited.sort(Comparator.comparingLong(Artifact::bytes).reversed());
      StringBuilder list = new StringBuilder();
      for (Artifact a : inherited) {
        list.append(list.length() == 0 ? "" : ", ").append(a.key().substring(a.key().indexOf(':') + 1))
            .append(' ').append(Format.megabytes(a.bytes()));
      }
      table.info(s4, "integration-ticketing brings", list.toString());
    }
    Artifact h2 = artifacts.get("com.h2database:h2");
    Artifact core = artifacts.get(GROUP + ":integration-core");
    if (h2 != null && core != null) {
      boolean inherited = closure(core, artifacts).contains(h2);
      table.info(s4, "h2, the embedded store", Format.megabytes(h2.bytes())
          + (inherited ? ", brought by integration-core" : ", optional: not brought along"));
    }
  }

  /** The artifacts a dependency on {@code root} brings, without {@code root} itself. */
  static List<Artifact> closure(Artifact root, Map<String, Artifact> artifacts) {
    Set<String> seen = new HashSet<>(Set.of(root.key()));
    List<Artifact> found = new ArrayList<>();
    Deque<Map.Entry<Artifact, Set<String>>> queue = new ArrayDeque<>();
    queue.add(Map.entry(root, Set.of()));
    while (!queue.isEmpty()) {
      Map.Entry<Artifact, Set<String>> next = queue.poll();
      for (Dependency d : next.getKey().dependencies()) {
        Artifact target = artifacts.get(d.key());
        if (!d.inherited() || next.getValue().contains(d.key()) || target == null || !seen.add(d.key())) {
          continue;
        }
        found.add(target);
        Set<String> excluded = new HashSet<>(next.getValue());
        excluded.addAll(d.exclusions());
        queue.add(Map.entry(target, excluded));
      }
    }
    return found;
  }

  private static Optional<List<Path>> classpath() {
    try (InputStream in = Footprint.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      List<Path> paths = new ArrayList<>();
      for (String part : text.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          paths.add(Path.of(part.trim()));
        }
      }
      return Optional.of(paths);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The artifact at a classpath entry, from its POM: beside it in a Maven repository, or inside it. */
  private static Optional<Artifact> read(Path entry) {
    try {
      Optional<Document> pom = pomOf(entry);
      if (pom.isEmpty()) {
        return Optional.empty();
      }
      Element project = pom.get().getDocumentElement();
      String group = text(project, "groupId").or(() -> child(project, "parent").flatMap(p -> text(p, "groupId")))
          .orElse("");
      String artifactId = text(project, "artifactId").orElse("");
      List<Dependency> dependencies = new ArrayList<>();
      Optional<Element> declared = child(project, "dependencies");
      if (declared.isPresent()) {
        for (Element d : children(declared.get(), "dependency")) {
          String g = text(d, "groupId").orElse("").replace("${project.groupId}", group);
          Set<String> exclusions = new HashSet<>();
          child(d, "exclusions").ifPresent(x -> children(x, "exclusion").forEach(e ->
              exclusions.add(text(e, "groupId").orElse("") + ":" + text(e, "artifactId").orElse(""))));
          dependencies.add(new Dependency(g + ":" + text(d, "artifactId").orElse(""),
              text(d, "scope").orElse("compile"), text(d, "optional").orElse("false").equals("true"),
              exclusions));
        }
      }
      return Optional.of(new Artifact(group + ":" + artifactId, entry, size(entry), dependencies));
    } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException
        | org.xml.sax.SAXException e) {
      return Optional.empty();
    }
  }

  private static Optional<Document> pomOf(Path entry) throws IOException,
      javax.xml.parsers.ParserConfigurationException, org.xml.sax.SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    String name = entry.getFileName().toString();
    if (Files.isDirectory(entry)) {
      // A reactor module not yet packaged: target/classes, with the module's pom.xml two levels up.
      Path pom = entry.getParent().getParent().resolve("pom.xml");
      return Files.isRegularFile(pom) ? Optional.of(factory.newDocumentBuilder().parse(pom.toFile()))
          : Optional.empty();
    }
    Path sibling = entry.resolveSibling(name.replaceFirst("(-[a-z0-9]+)?\\.jar$", ".pom"));
    if (!Files.isRegularFile(sibling)) {
      sibling = entry.resolveSibling(name.replaceFirst("\\.jar$", ".pom"));
    }
    if (Files.isRegularFile(sibling)) {
      return Optional.of(factory.newDocumentBuilder().parse(sibling.toFile()));
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Optional<? extends ZipEntry> embedded = jar.stream()
          .filter(e -> e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.xml"))
          .findFirst();
      if (embedded.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = jar.getInputStream(embedded.get())) {
        return Optional.of(factory.newDocumentBuilder().parse(in));
      }
    }
  }

  private static long size(Path entry) throws IOException {
    if (!Files.isDirectory(entry)) {
      return Files.size(entry);
    }
    try (Stream<Path> files = Files.walk(entry)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim());
  }
}
