package dev.annals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Facts about the machine and the software for the results: figures mean little without them. */
final class Machine {

  private Machine() {}

  /** Processors, memory, OS, JDK and Liberty version. */
  static Map<String, String> facts(Path wlpDir) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("processors (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("memory", memTotal());
    facts.put(
        "OS",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    facts.put(
        "JDK (harness and server)",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    facts.put("Open Liberty", libertyVersion(wlpDir));
    return facts;
  }

  /** The 1-, 5- and 15-minute load averages. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(java.util.Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static String libertyVersion(Path wlpDir) {
    Path file = wlpDir.resolve("lib/versions/openliberty.properties");
    Properties p = new Properties();
    try (var in = Files.newInputStream(file)) {
      p.load(in);
      return p.getProperty("com.ibm.websphere.productVersion", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
