package dev.annals.eventstore.infrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made with the machine's own binaries (initdb, pg_ctl, pg_resetwal,
 * pg_dump, pg_restore), for tests of operating procedures that the embedded binaries cannot run. As
 * root, the server tools run as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
final class LocalCluster implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;

  private LocalCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** The directory of the newest installed PostgreSQL's binaries, or PG_BIN. */
  static Optional<Path> binaries() {
    String env = System.getenv("PG_BIN");
    if (env != null && Files.isExecutable(Path.of(env, "pg_resetwal"))) {
      return Optional.of(Path.of(env));
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_resetwal")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Creates a cluster (trust auth, superuser postgres) and sets its transaction-id epoch. */
  static LocalCluster create(Path bin, long epoch) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("annals-cluster-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    LocalCluster cluster = new LocalCluster(bin, dir, freePort());
    cluster.server(
        "initdb", "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8");
    if (epoch > 0) {
      cluster.resetEpoch(epoch);
    }
    cluster.start();
    return cluster;
  }

  void start() throws IOException, InterruptedException {
    server(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
        "-w",
        "start");
  }

  void stop() throws IOException, InterruptedException {
    server("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
  }

  /** Sets the next transaction id's epoch; the cluster must be shut down cleanly. */
  void resetEpoch(long epoch) throws IOException, InterruptedException {
    server("pg_resetwal", "-e", Long.toString(epoch), "-D", data.toString());
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  Connection connect(String database, String user) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, "");
  }

  /** pg_dump in custom format of one database into {@code file}. */
  void dump(String database, Path file) throws IOException, InterruptedException {
    client("pg_dump", "-Fc", "-f", file.toString(), database);
  }

  /** pg_restore of a custom-format dump into an existing database. */
  void restore(String database, Path file) throws IOException, InterruptedException {
    client("pg_restore", "--exit-on-error", "-d", database, file.toString());
  }

  Path directory() {
    return dir;
  }

  /** A server tool: as root it runs as the postgres user, since PostgreSQL refuses root. */
  private void server(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(Arrays.asList(args));
    run(command);
  }

  /** A client tool, connected to this cluster as the superuser over TCP. */
  private void client(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres"));
    command.addAll(Arrays.asList(args));
    run(command);
  }

  private void run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "tool-", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      stop();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
