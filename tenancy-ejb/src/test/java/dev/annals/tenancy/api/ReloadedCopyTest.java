package dev.annals.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A node's copy of configuration: loaded when stale or invalidated, kept when a load fails. */
class ReloadedCopyTest {

  @Test
  void loadsOnceUntilInvalidated() {
    AtomicInteger loads = new AtomicInteger();
    ReloadedCopy<Integer> copy = new ReloadedCopy<>("numbers", 60_000, 0, loads::incrementAndGet);
    assertEquals(1, copy.get());
    assertEquals(1, copy.get(), "fresh: no reload");
    copy.invalidate();
    assertEquals(2, copy.get());
    assertEquals(2, loads.get());
  }

  /** A request that follows a change made on this node sees it, also while another loads it. */
  @Test
  void readsAfterAnInvalidationWaitForTheFreshCopy() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ReloadedCopy<Integer> copy =
        new ReloadedCopy<>(
            "numbers",
            60_000,
            0,
            () -> {
              int n = loads.incrementAndGet();
              if (n == 2) {
                entered.countDown();
                release.await();
              }
              return n;
            });
    assertEquals(1, copy.get());
    copy.invalidate();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> loader = pool.submit(copy::get);
      entered.await();
      Future<Integer> reader = pool.submit(copy::get);
      release.countDown();
      assertEquals(2, loader.get());
      assertEquals(2, reader.get(), "the reader waited for the fresh copy");
      assertEquals(2, loads.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedLoadKeepsTheLastCopy() {
    AtomicInteger loads = new AtomicInteger();
    ReloadedCopy<Integer> copy =
        new ReloadedCopy<>(
            "numbers",
            60_000,
            0,
            () -> {
              if (loads.incrementAndGet() > 1) {
                throw new SQLException("down");
              }
              return 7;
            });
    assertEquals(7, copy.get());
    copy.invalidate();
    assertEquals(7, copy.get());
    assertEquals(2, loads.get());
  }
}
