package dev.annals.tenancy.api;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's copy of something configured in the database (per-tenant rates, quotas), so the hot path
 * reads it without a database call. It is reloaded at most every {@code refreshMillis} by the read
 * that finds it stale (one at a time; the others read the current copy meanwhile, since a change on
 * another node may take that long anyway). After {@link #invalidate} (a change committed on this
 * node) the next reads wait for a fresh copy, so a request that follows the change sees it. While
 * the database cannot answer, the last copy stays in use; a load that started earlier never
 * replaces the copy of a later one.
 *
 * @param <T> what is copied (immutable)
 */
public final class ReloadedCopy<T> {

  private static final Logger LOG = Logger.getLogger(ReloadedCopy.class.getName());

  private final String what;
  private final long refreshMillis;
  private final Callable<T> load;
  private final AtomicBoolean loading = new AtomicBoolean();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private volatile T copy;
  private volatile long loadedAt = Long.MIN_VALUE / 2;
  private volatile long loadedGeneration = -1;
  private long storedLoad; // guarded by this

  /**
   * @param what what is copied, for the log
   * @param refreshMillis how old the copy may get
   * @param initial the copy until the first load succeeds
   * @param load reads it from the database
   */
  public ReloadedCopy(String what, long refreshMillis, T initial, Callable<T> load) {
    this.what = what;
    this.refreshMillis = refreshMillis;
    this.copy = initial;
    this.load = load;
  }

  /** The copy, reloaded first when invalidated (waiting) or stale (one reader loads). */
  public T get() {
    long wanted = generation.get();
    if (loadedGeneration != wanted) {
      synchronized (this) {
        if (loadedGeneration != wanted) {
          load();
          loadedGeneration = wanted;
        }
      }
    } else if (System.nanoTime() / 1_000_000 - loadedAt >= refreshMillis
        && loading.compareAndSet(false, true)) {
      try {
        load();
      } finally {
        loading.set(false);
      }
    }
    return copy;
  }

  /** Makes the next reads wait for a fresh copy (after a change committed on this node). */
  public void invalidate() {
    generation.incrementAndGet();
  }

  private void load() {
    long order = started.incrementAndGet();
    try {
      T loaded = load.call();
      synchronized (this) {
        if (order > storedLoad) {
          storedLoad = order;
          copy = loaded;
        }
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "Could not reload " + what + "; the last copy stays in use", e);
    } finally {
      loadedAt = System.nanoTime() / 1_000_000; // after a failure too: retry after the interval
    }
  }
}
