package dev.annals.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import redis.embedded.RedisServer;

/**
 * The embedded Redis of {@link DevServices}: its default user off, Annals' ACL user limited to the
 * commands and keys Annals uses, and an admin user for operators and tests.
 */
final class DevRedis {

  private static final Logger LOG = Logger.getLogger(DevRedis.class.getName());

  private DevRedis() {}

  static RedisServer start(Path dir, int port, boolean durable, DevSecrets secrets)
      throws IOException {
    Files.createDirectories(dir);
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + dir.toAbsolutePath())
            .setting("appendonly " + (durable ? "yes" : "no"))
            .setting("user default off")
            .setting(
                "user "
                    + DevServices.REDIS_USER
                    + " on >"
                    + secrets.get(DevSecrets.REDIS)
                    + " resetchannels &annals:wakeup:* resetkeys ~annals:* "
                    + DevServices.REDIS_COMMANDS)
            .setting(
                "user "
                    + DevServices.REDIS_ADMIN
                    + " on >"
                    + secrets.get(DevSecrets.REDIS_ADMIN)
                    + " ~* &* +@all")
            .onShutdownForceStop(true)
            .build();
    redis.start();
    LOG.info(() -> "Embedded Redis on 127.0.0.1:" + port + ", data in " + dir);
    return redis;
  }
}
