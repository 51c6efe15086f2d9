package dev.annals.web;

import dev.annals.web.rest.AnnalsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The web module's own classes, for tests that check a rule across all of them. */
public final class WebClasses {

  private WebClasses() {}

  /** Every class compiled from the module's main sources (those that load). */
  public static List<Class<?>> all() {
    try {
      Path root =
          Path.of(AnnalsApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Class<?>> out = new ArrayList<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
          try {
            out.add(Class.forName(name, false, WebClasses.class.getClassLoader()));
          } catch (ClassNotFoundException | LinkageError e) {
            // not loadable without the server: no resource of the API
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
