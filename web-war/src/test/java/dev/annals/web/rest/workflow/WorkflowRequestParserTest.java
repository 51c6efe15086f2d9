package dev.annals.web.rest.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.web.rest.workflow.WorkflowRequestParser.AsOf;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowRequestParserTest {

  @Test
  void asOfIsAVersionOrAnRfc3339Time() {
    assertEquals(new AsOf.Version(3), WorkflowRequestParser.asOf("3"));
    assertEquals(
        new AsOf.Time(Instant.parse("2026-11-30T11:00:00Z")),
        WorkflowRequestParser.asOf("2026-11-30T12:00:00+01:00"));
    assertEquals(
        new AsOf.Time(Instant.parse("2026-11-30T12:00:00.123456Z")),
        WorkflowRequestParser.asOf("2026-11-30T12:00:00.123456Z"));
    for (String bad :
        new String[] {"0", "-1", "", "yesterday", "2026-11-30", "99999999999999999999"}) {
      assertTrue(
          assertThrows(InvalidRequestException.class, () -> WorkflowRequestParser.asOf(bad))
              .getMessage()
              .contains("'asOf'"),
          bad);
    }
  }

  @Test
  void ifMatchNamesAVersionQuotedOrNot() {
    assertNull(WorkflowRequestParser.ifMatch(null));
    assertEquals(3L, WorkflowRequestParser.ifMatch("\"3\""));
    assertEquals(3L, WorkflowRequestParser.ifMatch("3"));
    assertEquals(12L, WorkflowRequestParser.ifMatch("W/\"12\""));
    for (String bad : new String[] {"*", "\"0\"", "\"\"", "\"x\"", "1, 2"}) {
      assertThrows(InvalidRequestException.class, () -> WorkflowRequestParser.ifMatch(bad), bad);
    }
  }

  @Test
  void aWorkflowIdIsALowerCaseUuid() {
    String id = "3f2b1c9e-2b7d-4c1a-9d0e-5f6a7b8c9d01";
    assertEquals(id, WorkflowRequestParser.id(id));
    for (String bad : new String[] {id.toUpperCase(), "1-1-1-1-1", "x", "", id + "0"}) {
      assertThrows(InvalidRequestException.class, () -> WorkflowRequestParser.id(bad), bad);
    }
  }
}
