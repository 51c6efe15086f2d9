package dev.annals.bench.report;

/**
 * One line of the results table; values are already formatted.
 *
 * @param metric what was measured, on which path, at which concurrency
 * @param annals Annals' figure
 * @param raw raw PostgreSQL's figure for the same work, or "—"
 * @param ratio Annals ÷ raw, or "—"
 * @param target the target for this line, or "—"
 * @param status met, missed, or "—" without a target
 */
public record Row(
    String metric, String annals, String raw, String ratio, String target, String status) {}
