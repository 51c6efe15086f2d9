package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  private static JsonObject read(byte[] body) {
    return JsonBody.readObject(new ByteArrayInputStream(body), 1 << 20);
  }

  private static JsonObject read(String body) {
    return read(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(String body) {
    return refusal(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(byte[] body) {
    return assertThrows(InvalidRequestException.class, () -> read(body)).getMessage();
  }

  @Test
  void aWellFormedObjectIsReadWithItsValues() {
    JsonObject o = read(" {\"a\":[1,2.50,{\"b\":null}],\"c\":\"\\u00e9\",\"d\":1e2} \n");
    assertEquals("[1,2.50,{\"b\":null}]", o.get("a").toString());
    assertEquals("é", o.getString("c"));
    assertEquals(100, o.getJsonNumber("d").intValue());
  }

  @Test
  void trailingTextIsRefused() {
    assertTrue(refusal("{\"a\":1} x").contains("not valid JSON"));
    assertTrue(refusal("{\"a\":1}{\"b\":2}").contains("not valid JSON"));
  }

  @Test
  void duplicateKeysAreRefusedNamingTheKey() {
    assertTrue(
        refusal("{\"events\":[{\"type\":\"A\",\"type\":\"B\"}]}")
            .contains("the key \"type\" appears twice in one object"));
  }

  @Test
  void invalidUtf8IsRefusedNotRepaired() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertTrue(refusal(body).contains("not valid UTF-8 (at byte offset 6)"));
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    assertTrue(refusal(overlong).contains("not valid UTF-8"));
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertTrue(refusal(deep).contains("nest deeper than " + JsonBody.MAX_DEPTH + " levels"));
    String ok = "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}";
    read(ok);
  }

  @Test
  void overlongNumberLiteralsAreRefused() {
    assertTrue(refusal("{\"n\":0." + "1".repeat(5000) + "}").contains("number literal too long"));
  }

  @Test
  void onlyAnObjectIsABody() {
    assertEquals("The request body must be a JSON object", refusal("[1]"));
    assertEquals("The request body is empty: send a JSON object", refusal("  "));
    assertTrue(refusal("{\"a\":").contains("not valid JSON"));
  }

  @Test
  void oversizedBodiesAreRefusedBeforeParsing() {
    assertThrows(
        AppendTooLargeException.class,
        () -> JsonBody.readObject(new ByteArrayInputStream(new byte[11]), 10));
  }
}
