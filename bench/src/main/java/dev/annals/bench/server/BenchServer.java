package dev.annals.bench.server;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.BenchPasswords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The Liberty server {@value #NAME} (and, for the delivery benchmarks, a second node beside it), in
 * the Liberty install the ear module created: the shipped server.xml and jvm.options, its own ports
 * (so it never meets a dev or test server), and the EAR with the in-container driver. Started for
 * one run and stopped after it.
 */
public final class BenchServer implements AutoCloseable {

  /** The server's name inside the Liberty install. */
  public static final String NAME = "annals-bench";

  private static final Logger LOG = Logger.getLogger(BenchServer.class.getName());

  /**
   * How long a server command (start, stop) may take, in minutes ({@code bench.serverStartMinutes},
   * default 5): on a machine shared with other builds, Liberty took six minutes to start.
   */
  private static final long COMMAND_MINUTES = Long.getLong("bench.serverStartMinutes", 5);

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(Math.max(3, COMMAND_MINUTES));

  private final BenchConfig config;
  private final String name;
  private final int httpPort;
  private final int jmsPort;
  private final Path script;
  private final Path jfrFile;

  private BenchServer(BenchConfig config, String name, int httpPort, int jmsPort) {
    this.config = config;
    this.name = name;
    this.httpPort = httpPort;
    this.jmsPort = jmsPort;
    this.script = config.wlpDir().resolve("bin/server");
    this.jfrFile = config.workDir().resolve(name + ".jfr").toAbsolutePath();
  }

  /** Configures and starts the server with the given environment, then waits until it is ready. */
  public static BenchServer start(BenchConfig config, Map<String, String> services)
      throws IOException, InterruptedException {
    return start(config, NAME, config.httpPort(), config.jmsPort(), services);
  }

  /**
   * Configures and starts another node of the same cluster (same database and Redis through {@code
   * services}) as the Liberty server {@code name} on its own ports, and waits until it is ready.
   */
  public static BenchServer start(
      BenchConfig config, String name, int httpPort, int jmsPort, Map<String, String> services)
      throws IOException, InterruptedException {
    BenchServer server = new BenchServer(config, name, httpPort, jmsPort);
    server.configure(services);
    server.command("start");
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The server's HTTP root. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  /** The flight recording, when the run asked for one (written when the server stops). */
  public Path jfrFile() {
    return jfrFile;
  }

  private void configure(Map<String, String> services) throws IOException, InterruptedException {
    if (!Files.isExecutable(script) || !Files.isRegularFile(config.annalsEar())) {
      throw new IllegalStateException(
          "No Liberty install at "
              + config.wlpDir()
              + " or no EAR at "
              + config.annalsEar()
              + ": run './mvnw -B install -DskipTests' from the project root first");
    }
    Path dir = config.wlpDir().resolve("usr/servers").resolve(name);
    if (!Files.isDirectory(dir)) {
      command("create");
    }
    for (String file : List.of("server.xml", "jvm.options")) {
      Files.copy(
          config.serverConfigDir().resolve(file),
          dir.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (config.jfr()) {
      Files.writeString(
          dir.resolve("jvm.options"),
          "-XX:StartFlightRecording=settings=profile,filename=" + jfrFile + "\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    writeServerEnv(dir.resolve("server.env"), services);
    Path apps = Files.createDirectories(dir.resolve("apps"));
    BenchEar.assemble(config.annalsEar(), apps.resolve("annals.ear"));
  }

  /** Keeps what Liberty generated (the keystore password) and sets the bench's variables. */
  private void writeServerEnv(Path file, Map<String, String> services) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    }
    env.put("HTTP_PORT", Integer.toString(httpPort));
    env.put("JMS_PORT", Integer.toString(jmsPort));
    env.put("DB_HOST", config.dbHost());
    env.put("DB_PORT", Integer.toString(config.dbPort()));
    env.put("DB_NAME", config.dbName());
    env.put("DB_USER", config.dbOwner());
    env.put("DB_PASSWORD", BenchPasswords.owner());
    env.put("DB_APP_PASSWORD", BenchPasswords.app());
    env.put("DB_TENANCY_PASSWORD", BenchPasswords.tenancy());
    env.put("DB_POOL_MAX", Integer.toString(config.poolMax()));
    // Rates far above anything one machine can send: every request still pays for being counted
    // in Redis, as in production, but the harness's one principal is never refused.
    env.put("ANNALS_RATE_PRINCIPAL_PER_SECOND", "1000000");
    env.put("ANNALS_RATE_TENANT_PER_SECOND", "1000000");
    env.putAll(services);
    List<String> lines = new ArrayList<>();
    lines.add("# Written by the benchmark harness (dev.annals.bench.server.BenchServer).");
    env.forEach((k, v) -> lines.add(k + "=" + v));
    Files.write(file, lines);
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          LOG.info(() -> name + " is ready at " + baseUri());
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IOException(name + " not ready after " + READY_TIMEOUT + ": " + last);
  }

  private void command(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(script.toString());
    cmd.add(args[0]);
    cmd.add(name);
    cmd.addAll(List.of(args).subList(1, args.length));
    Files.createDirectories(config.workDir());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(
        ProcessBuilder.Redirect.appendTo(config.workDir().resolve("server-commands.log").toFile()));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    if (!p.waitFor(COMMAND_MINUTES, TimeUnit.MINUTES)) {
      p.destroy();
      throw new IOException("'server " + String.join(" ", args) + "' did not finish");
    }
    // 'stop' exits 1 when the server is not running: that is fine for a stop.
    if (p.exitValue() != 0 && !"stop".equals(args[0])) {
      throw new IOException(
          "'server "
              + String.join(" ", args)
              + "' exited "
              + p.exitValue()
              + "; see "
              + config.workDir().resolve("server-commands.log"));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      command("stop");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
