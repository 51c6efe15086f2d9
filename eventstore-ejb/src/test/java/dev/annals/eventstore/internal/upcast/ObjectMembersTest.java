package dev.annals.eventstore.internal.upcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.upcast.UpcastEvent;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The member-wise upcasting path against the JSON-P tree path: the same payload, member order
 * included, for every top-level operation, over payloads written as PostgreSQL's jsonb writes them
 * and with escapes, nesting and strings that look like structure.
 */
class ObjectMembersTest {

  private static final List<String> PAYLOADS =
      List.of(
          "{}",
          "{\"a\": 1}",
          "{\"a\": 1, \"b\": \"x\", \"c\": {\"d\": [1, 2, {\"e\": null}]}}",
          "{\"a\": \"}{][,\\\"\", \"b\": [\"]\", \"{\"], \"c\": -1.5e+10, \"d\": true, \"e\": false}",
          "{\"a\\\"b\": 1, \"a/b\": 2, \"\\u00e9t\\u00e9\": 3, \"tab\\t\": \"\\n\"}",
          "  {\n\"x\" :\t{} ,\"y\":[ ] }  ",
          "{\"amount\": 12.50, \"currency\": \"EUR\", \"customer\": {\"id\": \"c-1\"}}",
          "{\"customerId\": \"cust-1\", \"channel\": \"web\", \"items\": [{\"sku\": \"x\"}]}");

  private static final List<String> CHAINS =
      List.of(
          "[{'rename': {'from': '/a', 'to': '/z'}}]",
          "[{'rename': {'from': '/a', 'to': '/b'}}]",
          "[{'move': {'from': '/b', 'to': '/e'}}, {'move': {'from': '/e', 'to': '/b'}}]",
          "[{'move': {'from': '/c', 'to': '/a'}}, {'remove': '/d'}]",
          "[{'add': {'path': '/n', 'value': {'k': [1, 'two']}}}, {'add': {'path': '/a', 'value': 0}}]",
          "[{'remove': '/a'}, {'add': {'path': '/a', 'value': 'back'}}, {'renameType': 'Other'}]",
          "[{'rename': {'from': '/a~1b', 'to': '/ab'}}, {'remove': '/amount'}]",
          "[{'move': {'from': '/customerId', 'to': '/customer/id'}}, {'renameType': 'OrderPlaced'}]",
          "[{'move': {'from': '/a', 'to': '/c/new/deep'}}, {'remove': '/c/d'}]",
          "[{'move': {'from': '/c/d', 'to': '/e'}}, {'add': {'path': '/x/y', 'value': 1}}]",
          "[{'add': {'path': '/customer/id', 'value': 'c-2'}}, {'move': {'from': '/customer/id', 'to': '/customer'}}]",
          "[{'rename': {'from': '/missing', 'to': '/a'}}, {'remove': '/missing'}]");

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void everyChainGivesWhatTheTreeGives() {
    for (String payload : PAYLOADS) {
      for (String chain : CHAINS) {
        DeclarativeUpcaster u = DeclarativeUpcaster.of("T", 1, json(chain.replace('\'', '"')));
        ObjectMembers members = ObjectMembers.scan(payload);
        assertNotNull(members, payload);
        String where = chain + " on " + payload;
        UpcastEvent tree;
        try {
          tree = u.upcast(new UpcastEvent("T", json(payload)));
        } catch (JsonException shape) {
          // where the tree refuses, the members never answer: they give up and the tree reports
          assertThrows(ObjectMembers.Unsupported.class, () -> u.upcast("T", members), where);
          refusals++;
          continue;
        }
        String type;
        try {
          type = u.upcast("T", members);
        } catch (ObjectMembers.Unsupported treeOnly) {
          refusals++; // a path through a scalar or an array: the tree's way is taken
          continue;
        }
        assertEquals(tree.type(), type, where);
        JsonObject fast = json(members.text()).asJsonObject();
        assertEquals(tree.data(), fast, where);
        assertEquals(
            List.copyOf(tree.data().asJsonObject().keySet()), List.copyOf(fast.keySet()), where);
        lifted++;
      }
    }
    assertTrue(lifted > 5 * refusals, lifted + " lifted, " + refusals + " left to the tree");
  }

  private int lifted;
  private int refusals;

  @Test
  void valuesKeepTheirStoredText() {
    ObjectMembers m = ObjectMembers.scan("{\"n\": 1.50, \"o\": {\"a\": [1, 2]}}");
    assertEquals("{\"n\":1.50,\"o\":{\"a\": [1, 2]}}", m.text());
  }

  @Test
  void aPathThroughAnArrayOrAScalarIsLeftToTheTree() {
    ObjectMembers m = ObjectMembers.scan("{\"items\": [{\"sku\": 1}], \"s\": \"text\"}");
    assertThrows(ObjectMembers.Unsupported.class, () -> m.has(List.of("items", "0")));
    assertThrows(ObjectMembers.Unsupported.class, () -> m.put(List.of("s", "x"), "1"));
    assertThrows(ObjectMembers.Unsupported.class, () -> m.get(List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[1, 2]",
        "\"text\"",
        "12",
        "{\"a\": 1",
        "{\"a\" 1}",
        "{\"a\": 1,}",
        "{\"a\": 1} x",
        "{\"a\": tru}",
        "{\"a\": 01}",
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": \"open}",
        "{\"a\\q\": 1}",
        "{a: 1}",
        ""
      })
  void whatItDoesNotReadIsLeftToTheTree(String text) {
    assertNull(ObjectMembers.scan(text), text);
  }

  @Test
  void keysAreWrittenEscaped() {
    ObjectMembers m = ObjectMembers.scan("{\"q\\\"\\u0001\": 1}");
    StringBuilder key = new StringBuilder();
    JsonText.string(key, "q\"\u0001");
    assertEquals("{" + key + ":1}", m.text());
  }
}
