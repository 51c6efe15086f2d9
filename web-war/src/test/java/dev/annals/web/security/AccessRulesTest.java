package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.web.WebClasses;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of the web module carries an access rule ({@link Allowed}): the filter
 * refuses a method without one to everyone, and this test fails the build before that can ship —
 * also for methods the OpenAPI document does not list (which {@code AccessMatrixIT} cannot see).
 */
class AccessRulesTest {

  @Test
  void everyResourceMethodHasAnAccessRule() {
    List<String> missing = new ArrayList<>();
    int resourceMethods = 0;
    for (Class<?> type : WebClasses.all()) {
      for (Method m : type.getDeclaredMethods()) {
        if (isResourceMethod(m)) {
          resourceMethods++;
          if (m.getAnnotation(Allowed.class) == null) {
            missing.add(type.getSimpleName() + "." + m.getName());
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
