package dev.annals.bench.http;

import dev.annals.bench.driver.Payload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs <a href="https://github.com/wg/wrk">wrk</a>, a C load generator that costs far less CPU than
 * the server it loads (on two shared cores the client's own CPU decides what a JVM client can
 * measure), with a Lua script that checks every answer's status and prints the figures in one line.
 */
public final class Wrk {

  /**
   * One wrk run.
   *
   * @param request what was sent
   * @param requests answers received in the window
   * @param seconds the window
   * @param p50Millis median latency
   * @param p99Millis 99th-percentile latency
   * @param unexpected answers with another status than the expected one
   * @param socketErrors connect, read, write and timeout errors
   * @param firstUnexpected the first unexpected answer's status and body start, or empty
   */
  public record Result(
      WrkRequest request,
      long requests,
      double seconds,
      double p50Millis,
      double p99Millis,
      long unexpected,
      long socketErrors,
      String firstUnexpected) {

    /** Answers per second. */
    public double perSecond() {
      return seconds > 0 ? requests / seconds : 0;
    }

    /** Unexpected answers and socket errors together. */
    public long errors() {
      return unexpected + socketErrors;
    }
  }

  private static final Pattern LINE =
      Pattern.compile(
          "annals-wrk requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+)"
              + " unexpected=(\\d+) socket_errors=(\\d+) first=(.*)");

  private final String executable;
  private final URI base;
  private final Path scriptDir;
  private final int connections;
  private final int threads;
  private final Map<String, String> headers;

  /**
   * @param executable the wrk command
   * @param base the server's base URI
   * @param scriptDir where the Lua scripts are written (kept for inspection)
   * @param connections connections kept open (each one request in flight)
   * @param threads wrk's threads
   * @param headers sent with every request (e.g. Authorization)
   */
  public Wrk(
      String executable,
      URI base,
      Path scriptDir,
      int connections,
      int threads,
      Map<String, String> headers) {
    this.executable = executable;
    this.base = base;
    this.scriptDir = scriptDir;
    this.connections = connections;
    this.threads = threads;
    this.headers = Map.copyOf(headers);
  }

  /** wrk's version line; fails when wrk is not installed. */
  public String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    String first = out.lines().findFirst().orElse("").trim();
    if (!first.startsWith("wrk")) {
      throw new IOException(
          "wrk is not installed (apt-get install wrk), or '" + executable + "' is not wrk: " + out);
    }
    return first.replaceAll("\\s*\\[.*$", "");
  }

  /** Sends {@code request} from all connections for {@code duration} and reads the figures. */
  public Result run(WrkRequest request, Duration duration)
      throws IOException, InterruptedException {
    Path script = script(request);
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    List<String> cmd = new ArrayList<>();
    cmd.add(executable);
    int c = request.connections() > 0 ? request.connections() : connections;
    cmd.add("-t" + Math.min(threads, c));
    cmd.add("-c" + c);
    cmd.add("-d" + Math.max(1, duration.toSeconds()) + "s");
    cmd.add("--timeout");
    cmd.add("30s");
    cmd.add("-s");
    cmd.add(script.toString());
    headers.forEach(
        (k, v) -> {
          cmd.add("-H");
          cmd.add(k + ": " + v);
        });
    cmd.add(base.resolve(request.dynamic() ? "/" : request.path()).toString());
    cmd.add("--");
    cmd.add(Integer.toString(request.expectedStatus()));
    cmd.add(runId);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int rc = p.waitFor();
    return parse(request, out, rc);
  }

  /** Reads the script's summary line from wrk's output. */
  static Result parse(WrkRequest request, String output, int exitCode) throws IOException {
    Matcher m = LINE.matcher(output);
    if (exitCode != 0 || !m.find()) {
      throw new IOException("wrk failed (exit " + exitCode + "): " + output);
    }
    return new Result(
        request,
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)) / 1e6,
        Long.parseLong(m.group(3)) / 1e3,
        Long.parseLong(m.group(4)) / 1e3,
        Long.parseLong(m.group(5)),
        Long.parseLong(m.group(6)),
        m.group(7).trim());
  }

  private Path script(WrkRequest request) throws IOException {
    StringBuilder lua = new StringBuilder();
    if (request.dynamic()) {
      lua.append("EVENT_TYPE = \"")
          .append(Payload.EVENT_TYPE)
          .append("\"\nDATA = [==[")
          .append(Payload.DATA)
          .append("]==]\nPATH = \"")
          .append(request.path())
          .append("\"\n");
    } else {
      lua.append("wrk.method = \"").append(request.method()).append("\"\n");
    }
    lua.append(resource("status.lua"));
    if (request.dynamic()) {
      lua.append(resource("append.lua"));
    }
    Files.createDirectories(scriptDir);
    Path file = scriptDir.resolve(request.name().toLowerCase(java.util.Locale.ROOT) + ".lua");
    Files.writeString(file, lua);
    return file;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Wrk.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
