package dev.annals.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The run command: starts the Liberty server {@code annals} in the foreground, on the embedded
 * default unless the environment names a database ({@code DB_HOST}) or Redis ({@code REDIS_URL}).
 * Embedded services keep their data between runs under the data directory, outside {@code target/},
 * so {@code mvn clean} does not wipe it; the messaging store and the transaction log go there too.
 * Ctrl+C stops the server, then the embedded services. Unless the environment names an identity
 * provider ({@code MP_JWT_VERIFY_ISSUER}), Annals is its own development issuer ({@link
 * DevIssuer}), with its key pair and a platform-admin token in the data directory.
 */
public final class Launcher {

  /** Fixed, documented, non-standard ports of the embedded default. */
  public static final int POSTGRES_PORT = 15432;

  public static final int REDIS_PORT = 16379;

  private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

  private Launcher() {}

  /** Arguments: {@code WLP_DIR SERVER_NAME DATA_DIR}. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Launcher WLP_DIR SERVER_NAME DATA_DIR");
    }
    Path wlp = Path.of(args[0]);
    String serverName = args[1];
    Path data = Path.of(args[2]).toAbsolutePath();
    Path serverScript = wlp.resolve("bin/server");
    if (!Files.isExecutable(serverScript)) {
      throw new IllegalStateException(
          "No Liberty server at " + wlp + ": run './mvnw install -DskipTests' first");
    }
    Map<String, String> env = System.getenv();
    int pgPort = env.containsKey("DB_HOST") ? 0 : POSTGRES_PORT;
    int redisPort = env.containsKey("REDIS_URL") ? 0 : REDIS_PORT;
    if (pgPort == 0 && redisPort == 0) {
      LOG.info("DB_HOST and REDIS_URL are set: starting no embedded services");
    }
    DevServices services =
        DevServices.start(new DevServices.Settings(data, pgPort, redisPort, false));

    ProcessBuilder server = new ProcessBuilder(serverScript.toString(), "run", serverName);
    server.inheritIO();
    Map<String, String> serverEnv = server.environment();
    serverEnv.putAll(services.environment());
    serverEnv.putIfAbsent("JMS_STORE_DIR", data.resolve("messaging").toString());
    serverEnv.putIfAbsent("TRAN_LOG_DIR", data.resolve("tranlog").toString());
    if (env.containsKey("MP_JWT_VERIFY_ISSUER")) {
      LOG.info(
          "MP_JWT_VERIFY_ISSUER is set: trusting that identity provider, no development issuer");
    } else {
      DevIssuer issuer = DevIssuer.openOrCreate(data);
      serverEnv.putAll(issuer.environment());
      Path token = issuer.writeAdminToken();
      LOG.info(
          () ->
              "Development issuer on. A platform-admin token (valid "
                  + DevIssuer.ADMIN_TOKEN_LIFETIME.toDays()
                  + " days, new at every start) is in "
                  + token
                  + ": curl -H \"Authorization: Bearer $(cat "
                  + token
                  + ")\" ...");
      String port = env.getOrDefault("HTTP_PORT", "9080");
      String link =
          "http://localhost:" + port + "/console/#token=" + Files.readString(token).trim();
      // The fragment never reaches a server; the console takes it and removes it from the URL.
      LOG.info(() -> "Admin console, signed in as the development admin: " + link);
    }
    Process process = server.start();
    Thread stopper =
        new Thread(
            () -> {
              stopServer(serverScript, serverName, process);
              services.close();
            });
    Runtime.getRuntime().addShutdownHook(stopper);
    int exit = process.waitFor();
    LOG.info(() -> "Liberty server exited with " + exit);
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
      services.close();
    } catch (IllegalStateException shuttingDown) {
      // The hook is already running and stops the services itself.
    }
  }

  private static void stopServer(Path serverScript, String serverName, Process process) {
    if (!process.isAlive()) {
      return;
    }
    try {
      new ProcessBuilder(serverScript.toString(), "stop", serverName)
          .inheritIO()
          .start()
          .waitFor(60, TimeUnit.SECONDS);
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      LOG.warning(() -> "Could not stop the server: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
