package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenRequestParserTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String refusal(String body) {
    return assertThrows(
            InvalidRequestException.class,
            () -> TokenRequestParser.parse(json(body), Optional.empty()))
        .getMessage();
  }

  @Test
  void aFullRequestIsRead() {
    TokenRequestParser.ParsedToken t =
        TokenRequestParser.parse(
            json(
                "{\"subject\":\"svc@acme\",\"roles\":[\"writer\",\"reader\"],"
                    + "\"tenants\":[\"acme\",\"*\"],\"ttlSeconds\":600}"),
            Optional.empty());
    assertEquals("svc@acme", t.subject());
    assertEquals(List.of("writer", "reader"), t.roles());
    assertEquals(List.of("acme", "*"), t.tenants());
    assertEquals(Duration.ofMinutes(10), t.ttl());
  }

  @Test
  void theScrapeRoleIsARoleOnlyWhereConfigured() {
    String body = "{\"subject\":\"prometheus\",\"roles\":[\"metrics-reader\"]}";
    assertEquals(
        List.of("metrics-reader"),
        TokenRequestParser.parse(json(body), Optional.of("metrics-reader")).roles());
    assertTrue(refusal(body).contains("Unknown role 'metrics-reader'"));
    String other =
        assertThrows(
                InvalidRequestException.class,
                () ->
                    TokenRequestParser.parse(
                        json("{\"subject\":\"x\",\"roles\":[\"root\"]}"),
                        Optional.of("metrics-reader")))
            .getMessage();
    assertTrue(other.endsWith("reader, metrics-reader"), other);
  }

  @Test
  void tenantsAndTtlHaveDefaults() {
    TokenRequestParser.ParsedToken t =
        TokenRequestParser.parse(
            json("{\"subject\":\"ops\",\"roles\":[\"platform-admin\"]}"), Optional.empty());
    assertEquals(List.of(), t.tenants());
    assertEquals(Duration.ofHours(1), t.ttl());
  }

  @Test
  void badInputIsRefusedByName() {
    assertTrue(refusal("{\"roles\":[\"reader\"]}").contains("'subject'"));
    assertTrue(refusal("{\"subject\":\"a b\",\"roles\":[\"reader\"]}").contains("'subject'"));
    assertTrue(refusal("{\"subject\":\"a\",\"roles\":[]}").contains("'roles'"));
    assertTrue(refusal("{\"subject\":\"a\",\"roles\":\"reader\"}").contains("'roles'"));
    assertTrue(refusal("{\"subject\":\"a\",\"roles\":[\"root\"]}").contains("Unknown role 'root'"));
    assertTrue(
        refusal("{\"subject\":\"a\",\"roles\":[\"reader\"],\"tenants\":[\"Acme!\"]}")
            .contains("'tenants' entry 'Acme!'"));
    assertTrue(
        refusal("{\"subject\":\"a\",\"roles\":[\"reader\"],\"ttlSeconds\":59}")
            .contains("'ttlSeconds'"));
    assertTrue(
        refusal("{\"subject\":\"a\",\"roles\":[\"reader\"],\"ttlSeconds\":2592001}")
            .contains("'ttlSeconds'"));
    assertTrue(
        refusal("{\"subject\":\"a\",\"roles\":[\"reader\"],\"ttlSeconds\":1.5}")
            .contains("'ttlSeconds'"));
    assertTrue(
        refusal("{\"subject\":\"a\",\"roles\":[\"reader\"],\"groups\":[]}")
            .contains("Unknown field 'groups'"));
  }
}
