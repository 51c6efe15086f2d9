package dev.annals.eventstore.infrastructure.wakeup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.tenancy.api.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WakeupChannelsTest {

  @Test
  void aTenantsChannelNamesItAndNoOther() {
    TenantId acme = new TenantId("acme");
    assertEquals("annals:wakeup:acme", WakeupChannels.of(acme));
    assertEquals(Optional.of(acme), WakeupChannels.tenant(WakeupChannels.of(acme)));
  }

  @Test
  void channelsThatNameNoValidTenantAreIgnored() {
    assertEquals(Optional.empty(), WakeupChannels.tenant("annals:wakeup:"));
    assertEquals(Optional.empty(), WakeupChannels.tenant("annals:wakeup:Not Valid"));
    assertEquals(Optional.empty(), WakeupChannels.tenant("annals:rate:acme"));
    assertEquals(Optional.empty(), WakeupChannels.tenant(null));
  }
}
