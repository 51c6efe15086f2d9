package dev.annals.eventstore.internal.upcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.upcast.UpcastEvent;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The declarative operation engine: what each operation does, and what a definition refuses. */
class DeclarativeUpcasterTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  private static UpcastEvent run(String operations, String type, String data) {
    return DeclarativeUpcaster.of("T", 1, json(operations))
        .upcast(new UpcastEvent(type, json(data)));
  }

  @Test
  void topLevelOperationsWriteMembersInTheOrderPointerOperationsGive() {
    // a renamed, moved or added member goes last, as JSON-P's pointer add/remove put it
    UpcastEvent out =
        run(
            "[{'rename':{'from':'/channel','to':'/salesChannel'}},"
                + "{'add':{'path':'/taxIncluded','value':true}},"
                + "{'move':{'from':'/customerId','to':'/customer/id'}},{'remove':'/legacy'}]",
            "T",
            "{'channel':'web','customerId':'c-1','legacy':0,'amount':1}");
    assertEquals(
        "{\"amount\":1,\"salesChannel\":\"web\",\"taxIncluded\":true,\"customer\":{\"id\":\"c-1\"}}",
        dev.annals.eventstore.api.JsonText.of(out.data()));
    assertEquals(
        json("{'b':{'x':1},'a/b':2}"),
        run(
                "[{'rename':{'from':'/a~1b','to':'/b'}},{'add':{'path':'/a~1b','value':2}}]",
                "T",
                "{'a/b':{'x':1}}")
            .data(),
        "escaped member names");
  }

  @Test
  void renameMovesAMemberInPlace() {
    UpcastEvent out = run("[{'rename':{'from':'/qty','to':'/quantity'}}]", "T", "{'qty':3,'a':1}");
    assertEquals(json("{'a':1,'quantity':3}"), out.data());
    assertEquals("T", out.type());
  }

  @Test
  void renameOfAnAbsentMemberChangesNothing() {
    assertEquals(
        json("{'a':1}"),
        run("[{'rename':{'from':'/qty','to':'/quantity'}}]", "T", "{'a':1}").data());
  }

  @Test
  void renameInsideANestedObject() {
    assertEquals(
        json("{'o':{'b':1}}"),
        run("[{'rename':{'from':'/o/a','to':'/o/b'}}]", "T", "{'o':{'a':1}}").data());
  }

  @Test
  void addOnlyWhereAbsent() {
    String op = "[{'add':{'path':'/currency','value':'EUR'}}]";
    assertEquals(json("{'currency':'EUR'}"), run(op, "T", "{}").data());
    assertEquals(json("{'currency':'USD'}"), run(op, "T", "{'currency':'USD'}").data());
    assertEquals(json("{'currency':null}"), run(op, "T", "{'currency':null}").data());
  }

  @Test
  void addCreatesMissingParents() {
    assertEquals(
        json("{'a':{'b':{'c':[1]}}}"),
        run("[{'add':{'path':'/a/b/c','value':[1]}}]", "T", "{}").data());
  }

  @Test
  void removeDropsAValueAndIgnoresAnAbsentOne() {
    assertEquals(json("{'b':2}"), run("[{'remove':'/legacy'}]", "T", "{'legacy':1,'b':2}").data());
    assertEquals(json("{'b':2}"), run("[{'remove':'/legacy'}]", "T", "{'b':2}").data());
    assertEquals(json("[1,3]"), run("[{'remove':'/1'}]", "T", "[1,2,3]").data());
  }

  @Test
  void moveIntoANewParentObject() {
    assertEquals(
        json("{'address':{'street':'Main'},'n':1}"),
        run("[{'move':{'from':'/street','to':'/address/street'}}]", "T", "{'street':'Main','n':1}")
            .data());
  }

  @Test
  void moveIntoAnExistingParentKeepsItsMembers() {
    assertEquals(
        json("{'address':{'city':'X','street':'Main'}}"),
        run(
                "[{'move':{'from':'/street','to':'/address/street'}}]",
                "T",
                "{'street':'Main','address':{'city':'X'}}")
            .data());
  }

  @Test
  void moveReplacesAValueAtTheTarget() {
    assertEquals(
        json("{'b':1}"), run("[{'move':{'from':'/a','to':'/b'}}]", "T", "{'a':1,'b':2}").data());
  }

  @Test
  void keysWithEscapedCharacters() {
    assertEquals(
        json("{'a/b':1}"),
        run("[{'rename':{'from':'/a~0b','to':'/a~1b'}}]", "T", "{'a~b':1}").data());
  }

  @Test
  void renameTypeChangesOnlyTheType() {
    UpcastEvent out = run("[{'renameType':'ItemAddedV2'}]", "ItemAdded", "'text'");
    assertEquals("ItemAddedV2", out.type());
    assertEquals(json("'text'"), out.data());
  }

  @Test
  void operationsApplyInOrder() {
    UpcastEvent out =
        run(
            "[{'rename':{'from':'/qty','to':'/quantity'}},"
                + "{'add':{'path':'/currency','value':'EUR'}},"
                + "{'remove':'/legacy'},"
                + "{'move':{'from':'/quantity','to':'/line/quantity'}},"
                + "{'renameType':'ItemAddedV2'}]",
            "ItemAdded",
            "{'qty':2,'legacy':true}");
    assertEquals("ItemAddedV2", out.type());
    assertEquals(json("{'currency':'EUR','line':{'quantity':2}}"), out.data());
  }

  @Test
  void aPayloadThatIsNoObjectFailsAtReadTime() {
    JsonException e =
        assertThrows(JsonException.class, () -> run("[{'remove':'/a'}]", "T", "'text'"));
    assertTrue(e.getMessage().contains("string"), e.getMessage());
  }

  @Test
  void aParentThatIsNoObjectFailsAtReadTime() {
    assertThrows(
        JsonException.class, () -> run("[{'add':{'path':'/a/b','value':1}}]", "T", "{'a':5}"));
  }

  @Test
  void theInputIsNotChanged() {
    JsonValue data = json("{'qty':3}");
    DeclarativeUpcaster.of("T", 1, json("[{'rename':{'from':'/qty','to':'/quantity'}}]"))
        .upcast(new UpcastEvent("T", data));
    assertEquals(json("{'qty':3}"), data);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}| 'operations' is required and must be an array",
        "[]| 'operations' must hold 1 to 100",
        "[1]| operations[0] must be an object with exactly one of",
        "[{}]| operations[0] must be an object with exactly one of",
        "[{'remove':'/a','add':{'path':'/b','value':1}}]| operations[0] must be an object",
        "[{'copy':{'from':'/a','to':'/b'}}]| operations[0] names an unknown operation \"copy\"",
        "[{'remove':'/a'},{'remove':'a'}]| operations[1].remove must be a JSON Pointer into",
        "[{'remove':''}]| operations[0].remove must be a JSON Pointer into",
        "[{'remove':5}]| operations[0].remove must be a JSON Pointer string",
        "[{'remove':'/a~2'}]| operations[0].remove is no valid JSON Pointer",
        "[{'rename':{'from':'/a'}}]| operations[0].rename must be an object with exactly 'from' and 'to'",
        "[{'rename':{'from':'/a','to':'/b','x':1}}]| operations[0].rename must be an object with exactly",
        "[{'rename':{'from':'/a','to':'/o/b'}}]| operations[0].rename renames a member in place",
        "[{'rename':{'from':'/a','to':'/a'}}]| operations[0].rename: 'from' and 'to' are the same",
        "[{'move':{'from':'/a','to':'/a/b'}}]| operations[0].move: 'to' may not be 'from' or inside it",
        "[{'move':{'from':'/a','to':1}}]| operations[0].move.to must be a JSON Pointer string",
        "[{'add':{'path':'/a'}}]| operations[0].add must be an object with exactly 'path' and 'value'",
        "[{'renameType':'1bad'}]| operations[0].renameType: Event type must be",
        "[{'renameType':{}}]| operations[0].renameType must be an event type",
      })
  void invalidDefinitionsAreRefusedNamingThePlace(String operations, String message) {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> DeclarativeUpcaster.of("T", 1, json(operations)));
    assertTrue(
        e.getMessage().contains(message.strip().replace('\'', '\'')),
        () -> "'" + e.getMessage() + "' should contain '" + message.strip() + "'");
  }

  @Test
  void moreThanAHundredOperationsAreRefused() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i <= OperationParser.MAX_OPERATIONS; i++) {
      b.append(i > 0 ? "," : "").append("{'remove':'/a").append(i).append("'}");
    }
    assertThrows(
        InvalidRequestException.class,
        () -> DeclarativeUpcaster.of("T", 1, json(b.append(']').toString())));
  }
}
