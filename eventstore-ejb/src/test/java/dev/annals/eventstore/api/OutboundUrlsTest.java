package dev.annals.eventstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundUrlsTest {

  private static final Set<Integer> OWN = Set.of(9080);

  private static String refusal(String url) {
    return assertThrows(InvalidRequestException.class, () -> OutboundUrls.check(url, OWN))
        .getMessage();
  }

  @Test
  void acceptsHttpAndHttpsUrlsElsewhere() {
    assertEquals(
        "https://hooks.example.test/in?x=1",
        OutboundUrls.check("https://hooks.example.test/in?x=1", OWN).toString());
    assertEquals(
        "http://127.0.0.1:8081/hook",
        OutboundUrls.check("http://127.0.0.1:8081/hook", OWN).toString());
  }

  @Test
  void refusesOtherSchemesRelativeUrlsAndCredentials() {
    assertTrue(refusal("ftp://example.test/x").contains("http or https"));
    assertTrue(refusal("file:///etc/passwd").contains("http or https"));
    assertTrue(refusal("/relative").contains("http or https"));
    assertTrue(refusal("http:///nohost").contains("host"));
    assertTrue(refusal("https://user:pw@example.test/").contains("user info"));
    assertTrue(refusal("https://example.test/#frag").contains("fragment"));
    assertTrue(refusal("http://exa mple.test/").contains("not a valid URL"));
    assertTrue(refusal("").contains("http(s) URL"));
    assertTrue(refusal("https://example.test/" + "a".repeat(2000)).contains("http(s) URL"));
  }

  @Test
  void refusesThisServersOwnPortOnLocalAddresses() {
    for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", "0.0.0.0", "127.1.2.3"}) {
      assertTrue(refusal("http://" + host + ":9080/api/tenants").contains("own endpoints"), host);
    }
  }
}
