package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.QuotaSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The limits body: rates as before, quotas all three, each 0 or more or null. */
class TenantLimitsParsingTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String body(String quotas) {
    return "{\"requestsPerSecond\":null,\"principalRequestsPerSecond\":null,\"quotas\":"
        + quotas
        + "}";
  }

  @Test
  void quotasAreReadWithNullForTheDefaultAndZeroForUnlimited() {
    JsonObject j =
        json(body("{\"maxStreams\":10,\"maxStorageBytes\":0,\"maxSubscriptions\":null}"));
    TenantLimitsResource.parse(j);
    assertEquals(new QuotaSettings(10L, 0L, null), TenantLimitsResource.quotas(j));
  }

  @Test
  void badQuotasAreRefusedNamingTheField() {
    String[][] cases = {
      {
        "{\"maxStreams\":-1,\"maxStorageBytes\":null,\"maxSubscriptions\":null}",
        "quotas.maxStreams"
      },
      {
        "{\"maxStreams\":1,\"maxStorageBytes\":2.5,\"maxSubscriptions\":null}",
        "quotas.maxStorageBytes"
      },
      {"{\"maxStreams\":1,\"maxStorageBytes\":null}", "quotas.maxSubscriptions"},
      {"{\"maxStreams\":1,\"maxStorageBytes\":null,\"maxSubscriptions\":null,\"y\":1}", "quotas.y"},
      {
        "{\"maxStreams\":1e30,\"maxStorageBytes\":null,\"maxSubscriptions\":null}",
        "quotas.maxStreams"
      },
      {"null", "'quotas'"},
    };
    for (String[] c : cases) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () -> TenantLimitsResource.quotas(json(body(c[0]))),
              c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
    }
  }

  @Test
  void unknownTopLevelFieldsAreStillRefused() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                TenantLimitsResource.parse(
                    json(
                        "{\"requestsPerSecond\":null,\"principalRequestsPerSecond\":null,"
                            + "\"quota\":{}}")));
    assertTrue(e.getMessage().contains("'quota'"), e.getMessage());
  }
}
