package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.web.rest.AnnalsApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the web module carries an access rule ({@link Allowed}): the filter
 * refuses a method without one to everyone, and this test fails the build before that can ship —
 * also for methods the OpenAPI document does not list (which {@code AccessMatrixIT} cannot see).
 */
class AccessRulesTest {

  @Test
  void everyResourceMethodHasAnAccessRule() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        java.nio.file.Path.of(
            AnnalsApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> missing = new ArrayList<>();
    int resourceMethods = 0;
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type;
        try {
          type = Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          continue;
        }
        for (Method m : type.getDeclaredMethods()) {
          if (isResourceMethod(m)) {
            resourceMethods++;
            if (m.getAnnotation(Allowed.class) == null) {
              missing.add(type.getSimpleName() + "." + m.getName());
            }
          }
        }
      }
    }
    assertTrue(resourceMethods >= 12, "found only " + resourceMethods + " resource methods");
    assertEquals(List.of(), missing, "resource methods without @Allowed");
  }

  private static boolean isResourceMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return m.isAnnotationPresent(Path.class);
  }
}
