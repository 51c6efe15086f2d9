package dev.annals.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The passwords the benchmark uses on its PostgreSQL: read from the file {@code bench.db.secrets}
 * names (the integration tests' generated secrets, in quick mode), else empty (a server that trusts
 * local connections, as a throwaway benchmark machine may). Never written anywhere but the bench
 * server's own server.env.
 */
public final class BenchPasswords {

  private static volatile Properties loaded;

  private BenchPasswords() {}

  /** The owner's ({@code bench.db.owner}, a superuser). */
  public static String owner() {
    return get("postgres.superuser.password");
  }

  /** The event store's runtime role's. */
  public static String app() {
    return get("db.app.password");
  }

  /** Tenancy's runtime role's. */
  public static String tenancy() {
    return get("db.tenancy.password");
  }

  private static String get(String key) {
    Properties p = loaded;
    if (p == null) {
      p = new Properties();
      String file = System.getProperty("bench.db.secrets");
      if (file != null && !file.isBlank()) {
        try (Reader r = Files.newBufferedReader(Path.of(file.trim()), StandardCharsets.UTF_8)) {
          p.load(r);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      loaded = p;
    }
    return p.getProperty(key, "");
  }
}
