package dev.annals.saga.internal.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * This server process's name in saga leases: host, process id and JVM start time, so a restarted
 * process is a new node that never takes a lease of its previous life for its own.
 */
@ApplicationScoped
public class NodeName {

  private final String id = compute();

  /** The node's name, at most 200 characters. */
  public String id() {
    return id;
  }

  private static String compute() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    String started =
        Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString();
    String node = host + "/" + ProcessHandle.current().pid() + "/" + started;
    return node.length() <= 200 ? node : node.substring(node.length() - 200);
  }
}
