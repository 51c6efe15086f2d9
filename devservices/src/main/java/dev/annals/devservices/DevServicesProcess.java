package dev.annals.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The embedded services as a process of their own, as the integration-test build runs them in the
 * background: started with fresh data, kept until the process is terminated, and steered by request
 * files in the data directory so that tests can restart PostgreSQL or take Redis away.
 */
public final class DevServicesProcess {

  private static final Logger LOG = Logger.getLogger(DevServicesProcess.class.getName());

  private DevServicesProcess() {}

  /**
   * Starts the services and keeps them until the process is terminated; the integration-test build
   * runs this in the background. Arguments: {@code DATA_DIR POSTGRES_PORT REDIS_PORT SECRETS_FILE}
   * (the secrets shared by every service of the build, see {@link DevSecrets#main}).
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: DevServices DATA_DIR POSTGRES_PORT REDIS_PORT SECRETS_FILE");
    }
    DevServices.Settings settings =
        new DevServices.Settings(
            Path.of(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            true,
            Path.of(args[3]));
    DevServices services = DevServices.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  services.close();
                  stopped.countDown();
                }));
    LOG.info("Embedded services ready");
    Path restart = settings.dataDir().resolve(RESTART_REQUEST);
    Path redisDown = settings.dataDir().resolve(REDIS_STOP_REQUEST);
    while (!stopped.await(100, TimeUnit.MILLISECONDS)) {
      if (Files.exists(restart)) {
        services.restartPostgres();
        Files.delete(restart);
        LOG.info("Embedded PostgreSQL restarted on request");
      }
      if (settings.redisPort() > 0) {
        if (Files.exists(redisDown)) {
          services.stopRedis();
        } else {
          services.startRedis();
        }
      }
    }
  }

  /**
   * A file that, created in the data directory of services started by {@link #main}, makes them
   * restart PostgreSQL; it is deleted once PostgreSQL accepts connections again.
   */
  public static final String RESTART_REQUEST = "restart-postgres.request";

  /**
   * A file that, while it exists in the data directory of services started by {@link #main}, keeps
   * their Redis stopped (killed within 100 ms of its creation, started again within 100 ms of its
   * deletion; Redis refusing or accepting connections tells when).
   */
  public static final String REDIS_STOP_REQUEST = "stop-redis.request";
}
