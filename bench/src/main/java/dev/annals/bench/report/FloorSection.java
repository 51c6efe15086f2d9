package dev.annals.bench.report;

import dev.annals.bench.http.Wrk;
import dev.annals.bench.http.WrkRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-request floor, measured with wrk at 64 connections: every request's rate and latency, and
 * issue 9's targets for them — Annals' cheapest {@code /api} answer against a bare JAX-RS GET on
 * the same server, small reads against appends, and small reads against twice the rate the issue
 * measured before reads left their JTA transaction.
 */
public final class FloorSection {

  /** Small reads per second the issue measured before the change (its target is twice this). */
  static final double READS_BEFORE = 3_770;

  /**
   * One target.
   *
   * @param metric what is compared
   * @param measured the figure
   * @param against what it is compared with, and its figure, or "—"
   * @param ratio measured ÷ against, or "—"
   * @param required the bound
   * @param status met, missed, or errors
   */
  public record Check(
      String metric,
      String measured,
      String against,
      String ratio,
      String required,
      String status) {}

  private FloorSection() {}

  /** The targets, judged on these results. */
  public static List<Check> checks(List<Wrk.Result> results) {
    List<Check> checks = new ArrayList<>();
    checks.add(relative(results, WrkRequest.API_FLOOR, WrkRequest.NOOP, 0.6));
    checks.add(relative(results, WrkRequest.READ_SMALL, WrkRequest.APPEND_ONE, 1.0));
    Optional<Wrk.Result> reads = find(results, WrkRequest.READ_SMALL);
    double r = reads.map(Wrk.Result::perSecond).orElse(0.0);
    checks.add(
        new Check(
            WrkRequest.READ_SMALL.label() + ": req/s",
            reads.isPresent() ? count(r) : "missing",
            "—",
            "—",
            "≥ " + count(2 * READS_BEFORE) + " (2× the issue's " + count(READS_BEFORE) + ")",
            status(reads, reads, r >= 2 * READS_BEFORE)));
    return checks;
  }

  private static Check relative(
      List<Wrk.Result> results, WrkRequest measured, WrkRequest against, double factor) {
    Optional<Wrk.Result> a = find(results, measured);
    Optional<Wrk.Result> b = find(results, against);
    double x = a.map(Wrk.Result::perSecond).orElse(0.0);
    double y = b.map(Wrk.Result::perSecond).orElse(0.0);
    return new Check(
        measured.label() + ": req/s",
        a.isPresent() ? count(x) : "missing",
        against.label() + ": " + (b.isPresent() ? count(y) : "missing"),
        y > 0 ? String.format(Locale.ROOT, "%.2f×", x / y) : "—",
        "≥ " + factor + "×",
        status(a, b, y > 0 && x >= factor * y));
  }

  private static String status(Optional<Wrk.Result> a, Optional<Wrk.Result> b, boolean met) {
    if (a.isEmpty() || b.isEmpty()) {
      return "missed";
    }
    long errors = a.get().errors() + (a.get() == b.get() ? 0 : b.get().errors());
    return errors > 0 ? "errors: " + errors : met ? "met" : "missed";
  }

  private static Optional<Wrk.Result> find(List<Wrk.Result> results, WrkRequest request) {
    return results.stream().filter(r -> r.request() == request).findFirst();
  }

  /** The section as Markdown: the targets, then every request. */
  public static String markdown(
      List<Wrk.Result> results, String wrkVersion, int connections, int threads, String window) {
    StringBuilder md = new StringBuilder();
    md.append(
            String.format(
                Locale.ROOT,
                "Measured with %s (`wrk -t%d -c%d`, %s per request after a warm-up of each; in the"
                    + " full run also after the server warm-up), against the same server; wrk"
                    + " shares the machine's cores with the server. Every answer's status is checked"
                    + " (a Lua script counts any other than the expected one as an error).%n%n",
                wrkVersion,
                threads,
                connections,
                window))
        .append("| target | measured | against | ratio | required | status |\n")
        .append("|---|---:|---|---:|---|---|\n");
    for (Check c : checks(results)) {
      md.append("| ")
          .append(
              String.join(
                  " | ",
                  c.metric(),
                  c.measured(),
                  c.against(),
                  c.ratio(),
                  c.required(),
                  c.status()))
          .append(" |\n");
    }
    md.append("\n| request | expected status | req/s | p50 ms | p99 ms | errors |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (Wrk.Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %d |%n",
              r.request().label(),
              r.request().expectedStatus(),
              count(r.perSecond()),
              ResultsTable.ms(r.p50Millis()),
              ResultsTable.ms(r.p99Millis()),
              r.errors()));
    }
    results.stream()
        .filter(r -> !r.firstUnexpected().isEmpty())
        .forEach(
            r ->
                md.append("\nFirst unexpected answer to ")
                    .append(r.request().label())
                    .append(": `")
                    .append(r.firstUnexpected().replace('`', '\''))
                    .append("`\n"));
    return md.toString();
  }

  private static String count(double value) {
    return ResultsTable.count(value);
  }
}
