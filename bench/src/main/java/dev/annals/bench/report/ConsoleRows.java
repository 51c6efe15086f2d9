package dev.annals.bench.report;

import dev.annals.bench.console.ConsoleFirstPaint;
import dev.annals.bench.console.ConsoleVolume;
import java.util.List;
import java.util.Locale;

/**
 * The console rows of the table (issue 15): each page's first paint with its data, at the seeded
 * volume, against the target of one second. There is no raw side: the raw column shows the
 * first contentful paint (the page's frame, before its data) for comparison.
 */
public final class ConsoleRows {

  private static final String NONE = "—";

  private ConsoleRows() {}

  /** A row per page, in the console's order. */
  public static List<Row> rows(ConsoleFirstPaint.Results r) {
    ConsoleVolume v = r.volume();
    String volume =
        String.format(
            Locale.ROOT,
            "%,d tenants, %,d events, %,d dead letters",
            v.tenants(),
            v.events(),
            v.deadLetters());
    Target target = Target.atMost(1000);
    return r.pages().stream()
        .map(
            p ->
                new Row(
                    "console first paint with data, "
                        + p.page()
                        + " ("
                        + volume
                        + "): p50 ms (raw: first contentful paint)",
                    ResultsTable.ms(p.shownMedian()),
                    ResultsTable.ms(p.contentfulPaintMedian()),
                    NONE,
                    target.describe(),
                    target.judge(p.shownMedian(), 0)))
        .toList();
  }
}
