package dev.annals.bench.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchEarTest {

  @Test
  void addsTheDriverModuleInsideTheApplication() {
    String xml =
        "<application><module><web><web-uri>web.war</web-uri></web></module></application>";

    String withDriver = BenchEar.withDriverModule(xml);

    assertTrue(
        withDriver.matches(
            "(?s).*<web-uri>bench-driver.war</web-uri>\\s*<context-root>/bench</context-root>"
                + ".*</application>$"),
        withDriver);
  }

  @Test
  void rejectsSomethingThatIsNoApplicationXml() {
    assertThrows(IllegalArgumentException.class, () -> BenchEar.withDriverModule("<web-app/>"));
  }
}
