package dev.annals.eventstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StorableJsonTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  private static String refusal(JsonValue value) {
    return assertThrows(InvalidRequestException.class, () -> StorableJson.check(value, "data"))
        .getMessage();
  }

  @Test
  void ordinaryValuesPassAndDoNotGrow() {
    assertEquals(
        0,
        StorableJson.check(
            json("{\"a\":[1,-2.5,true,null,\"x\\u00e9\\ud83d\\ude00\"],\"b\":{\"c\":1e2}}"),
            "data"));
  }

  @Test
  void nulCharactersAreRefusedInStringsAndKeysNamingThePlace() {
    assertEquals(
        "data.x[1]: a string contains U+0000, which cannot be stored; remove it",
        refusal(json("{\"x\":[\"ok\",\"a\\u0000b\"]}")));
    assertTrue(refusal(json("{\"a\\u0000\":1}")).contains("a key contains U+0000"));
  }

  @Test
  void unpairedSurrogatesAreRefused() {
    assertTrue(refusal(json("[\"\\ud800\"]")).contains("unpaired UTF-16 surrogate (\\ud800)"));
    assertTrue(refusal(json("[\"\\udc00x\"]")).contains("unpaired"));
    assertTrue(refusal(json("[\"x\\ud83d\"]")).contains("unpaired"));
  }

  @Test
  void numbersBeyondADoubleAreRefused() {
    assertTrue(refusal(json("[1e309]")).contains("outside the range of a double"));
    assertTrue(refusal(json("[-1e131071]")).contains("outside the range of a double"));
    assertTrue(refusal(json("[1e-400]")).contains("outside the range of a double"));
    assertEquals(0, StorableJson.check(json("[0.0, -0, 0]"), "data"));
    // Zero is storable at any scale, and reads back with all its zeros.
    assertEquals(396, StorableJson.check(json("[0e-400]"), "data"));
    StorableJson.check(json("[1.7976931348623157e308, 4.9e-324, -4.9e-324]"), "data");
  }

  @Test
  void growthCountsTheDigitsAPlainRenderingAdds() {
    // 1e308 (written "1E+308") reads back as 309 digits.
    assertEquals(303, StorableJson.check(json("[1e308]"), "data"));
    assertEquals(309, StorableJson.plainLength(new BigDecimal("1e308")));
    assertEquals(7, StorableJson.plainLength(new BigDecimal("-0.0015")));
    assertEquals(3, StorableJson.plainLength(new BigDecimal("1.5")));
    assertEquals(4, StorableJson.plainLength(new BigDecimal("-100")));
  }

  @Test
  void nestingIsLimited() {
    JsonValue ok = JsonValue.EMPTY_JSON_ARRAY;
    for (int i = 1; i < StorableJson.MAX_DEPTH; i++) {
      ok = Json.createArrayBuilder().add(ok).build();
    }
    StorableJson.check(ok, "data");
    JsonArrayBuilder deeper = Json.createArrayBuilder().add(ok);
    assertTrue(refusal(deeper.build()).contains("deeper than 100 levels"));
  }

  @Test
  void oddKeysAreQuotedInThePath() {
    assertTrue(refusal(json("{\"a b\":{\"c\":\"\\u0000\"}}")).startsWith("data[\"a b\"].c:"));
  }
}
