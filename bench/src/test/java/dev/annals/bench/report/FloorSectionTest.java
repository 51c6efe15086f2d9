package dev.annals.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.bench.http.Wrk;
import dev.annals.bench.http.WrkRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorSectionTest {

  private static Wrk.Result result(WrkRequest request, long perSecond, long errors) {
    return new Wrk.Result(request, perSecond * 10, 10, 1, 2, errors, 0, "");
  }

  @Test
  void judgesEachTargetAgainstItsReference() {
    List<FloorSection.Check> checks =
        FloorSection.checks(
            List.of(
                result(WrkRequest.NOOP, 10_000, 0),
                result(WrkRequest.API_FLOOR, 6_000, 0),
                result(WrkRequest.READ_SMALL, 7_540, 0),
                result(WrkRequest.APPEND_ONE, 7_541, 0)));
    assertEquals("met", checks.get(0).status());
    assertEquals("0.60×", checks.get(0).ratio());
    assertEquals("missed", checks.get(1).status());
    assertEquals("met", checks.get(2).status());
  }

  @Test
  void errorsOrAMissingRunNeverCountAsMet() {
    List<FloorSection.Check> checks =
        FloorSection.checks(
            List.of(
                result(WrkRequest.NOOP, 10_000, 0),
                result(WrkRequest.API_FLOOR, 9_000, 3),
                result(WrkRequest.READ_SMALL, 9_000, 0)));
    assertEquals("errors: 3", checks.get(0).status());
    assertEquals("missed", checks.get(1).status());
    assertEquals(
        "missing", checks.get(1).against().substring(checks.get(1).against().length() - 7));
  }
}
