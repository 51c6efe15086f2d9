package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AppendRequestParserTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void expectedVersionDefaultsToAnyAndMissingIdsAreGenerated() {
    var parsed = AppendRequestParser.parse(json("{\"events\":[{\"type\":\"A\",\"data\":null}]}"));
    assertInstanceOf(ExpectedVersion.Any.class, parsed.expected());
    assertEquals("null", parsed.events().get(0).data().toString());
    assertTrue(parsed.events().get(0).metadata().isEmpty());
  }

  @Test
  void everyExpectedVersionFormIsUnderstood() {
    assertInstanceOf(
        ExpectedVersion.NoStream.class,
        AppendRequestParser.expectedVersion(Json.createValue("no_stream")));
    assertInstanceOf(
        ExpectedVersion.StreamExists.class,
        AppendRequestParser.expectedVersion(Json.createValue("exists")));
    assertEquals(
        new ExpectedVersion.Exact(7), AppendRequestParser.expectedVersion(Json.createValue(7)));
    assertThrows(
        InvalidRequestException.class,
        () -> AppendRequestParser.expectedVersion(Json.createValue(1e30)));
  }

  @Test
  void errorsNameTheFieldAtFault() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AppendRequestParser.parse(
                    json("{\"events\":[{\"type\":\"A\",\"data\":1},{\"type\":\"B\"}]}")));
    assertTrue(e.getMessage().startsWith("events[1].data"), e.getMessage());
  }

  @Test
  void dataKeepsItsJsonForm() {
    var parsed =
        AppendRequestParser.parse(
            json(
                "{\"events\":[{\"type\":\"A\",\"data\":{\"a\":[1,\"x\"]},\"metadata\":{\"k\":1}}]}"));
    assertEquals("{\"a\":[1,\"x\"]}", parsed.events().get(0).data().toString());
    assertEquals(1, parsed.events().get(0).metadata().getInt("k"));
  }

  @Test
  void schemaVersionDefaultsToOneAndMustBeAPositiveInteger() {
    assertEquals(
        1,
        AppendRequestParser.parse(json("{\"events\":[{\"type\":\"A\",\"data\":1}]}"))
            .events()
            .get(0)
            .schemaVersion());
    assertEquals(
        3,
        AppendRequestParser.parse(
                json("{\"events\":[{\"type\":\"A\",\"data\":1,\"schemaVersion\":3}]}"))
            .events()
            .get(0)
            .schemaVersion());
    for (String bad : new String[] {"0", "-1", "1.5", "\"2\"", "2147483648", "1e400", "true"}) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () ->
                  AppendRequestParser.parse(
                      json(
                          "{\"events\":[{\"type\":\"A\",\"data\":1},"
                              + "{\"type\":\"A\",\"data\":1,\"schemaVersion\":"
                              + bad
                              + "}]}")),
              bad);
      assertTrue(e.getMessage().startsWith("events[1].schemaVersion"), e.getMessage());
    }
  }
}
