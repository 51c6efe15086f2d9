package dev.annals.eventstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"x\"}}",
        "\"q\\\" b\\\\ n\\n t\\t c\\u0001 e\\u00e9 \\ud83d\\ude00\"",
        "-12.5e3",
        "12345678901234567890123",
        "[{\"sku\":\"A-1\",\"qty\":2,\"price\":10.5}]"
      })
  void writesWhatTheLibraryReadsBackAsTheSameValue(String json) {
    JsonValue value = Json.createReader(new StringReader(json)).readValue();
    String text = JsonText.of(value);
    assertEquals(value, Json.createReader(new StringReader(text)).readValue());
  }

  @Test
  void isCompactLikeTheLibrary() {
    JsonValue value =
        Json.createReader(new StringReader("{ \"a\" : [ 1 , 2 ] , \"b\" : \"c\" }")).readValue();
    assertEquals(value.toString(), JsonText.of(value));
  }

  @Test
  void stringsAreCopiedWholeUntilTheFirstCharacterToEscape() {
    assertEquals("\"plain ü ✓\"", string("plain ü ✓"));
    assertEquals("\"\"", string(""));
    assertEquals("\"abc\\\"d\\\\e\\n\"", string("abc\"d\\e\n"));
    assertEquals("\"\\u0001x\"", string("\u0001x"));
    assertEquals("\"pair 😀 ok\"", string("pair \ud83d\ude00 ok"));
    assertEquals("\"lone \\ud83d end\"", string("lone \ud83d end"));
    assertEquals("\"tail \\ude00\"", string("tail \ude00"));
  }

  private static String string(String s) {
    StringBuilder b = new StringBuilder();
    JsonText.string(b, s);
    return b.toString();
  }
}
