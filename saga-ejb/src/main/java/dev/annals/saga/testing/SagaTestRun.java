package dev.annals.saga.testing;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaData;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.api.StepStatus;
import dev.annals.saga.internal.execution.InMemorySagaLog;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A saga run by {@link SagaTestFixture}, at rest, with its expectations. Each {@code expect…}
 * throws an {@link AssertionError} saying what differs, so it works with any test framework.
 *
 * @param <D> the saga's data
 */
public final class SagaTestRun<D> {

  private final SagaTestFixture<D> fixture;
  private final InMemorySagaLog log;
  private final SagaId id;
  private final SagaData<D> data;
  private final List<String> executed;
  private final Instant clock;

  SagaTestRun(
      SagaTestFixture<D> fixture,
      InMemorySagaLog log,
      SagaId id,
      SagaData<D> data,
      List<String> executed,
      Instant clock) {
    this.fixture = fixture;
    this.log = log;
    this.id = id;
    this.data = data;
    this.executed = List.copyOf(executed);
    this.clock = clock;
  }

  SagaTestRun<D> next(List<String> moreExecuted, Instant at) {
    return new SagaTestRun<>(fixture, log, id, data, moreExecuted, at);
  }

  InMemorySagaLog store() {
    return log;
  }

  SagaId id() {
    return id;
  }

  /** An operator's retry of a failed saga or compensation, run until at rest again. */
  public SagaTestRun<D> whenRetried() {
    Saga saga = saga();
    saga.retry(clock);
    log.save(saga);
    return fixture.drive(this, Optional.empty());
  }

  /** Expects the saga's state. */
  public SagaTestRun<D> expectState(SagaState expected) {
    SagaState actual = saga().state();
    check(actual == expected, "state " + expected.wireName(), actual.wireName());
    return this;
  }

  /**
   * Expects what ran, in order: a step's name for each attempt of its action, {@code
   * <step>:compensate} for each attempt of its compensation.
   */
  public SagaTestRun<D> expectExecuted(String... expected) {
    check(executed.equals(Arrays.asList(expected)), Arrays.toString(expected), executed.toString());
    return this;
  }

  /** Expects the number of attempts of a step's action. */
  public SagaTestRun<D> expectAttempts(String step, int expected) {
    int actual = status(step).attempts();
    check(actual == expected, step + " tried " + expected + " times", String.valueOf(actual));
    return this;
  }

  /** Expects the saga's data to equal {@code expected}. */
  public SagaTestRun<D> expectData(D expected) {
    D actual = data();
    check(Objects.equals(actual, expected), String.valueOf(expected), String.valueOf(actual));
    return this;
  }

  /** Expects the saga's data to pass {@code test}. */
  public SagaTestRun<D> expectData(Predicate<D> test) {
    D actual = data();
    check(test.test(actual), "data passing the test", String.valueOf(actual));
    return this;
  }

  /** Expects the kinds of the saga's log events, in order. */
  @SafeVarargs
  public final SagaTestRun<D> expectLog(Class<? extends SagaEvent>... expected) {
    List<String> actual = log.events(id).stream().map(e -> e.getClass().getSimpleName()).toList();
    List<String> wanted = Arrays.stream(expected).map(Class::getSimpleName).toList();
    check(actual.equals(wanted), wanted.toString(), actual.toString());
    return this;
  }

  /** The saga's data now. */
  public D data() {
    return data.fromJson(saga().data());
  }

  /** The saga as its log makes it, for what the expectations do not cover. */
  public Saga saga() {
    return log.load(id).orElseThrow();
  }

  /** The saga's log. */
  public List<SagaEvent> log() {
    return log.events(id);
  }

  /** What ran, as {@link #expectExecuted} names it. */
  public List<String> executed() {
    return executed;
  }

  /** The virtual time the run stopped at. */
  public Instant clock() {
    return clock;
  }

  private StepStatus status(String step) {
    return saga().steps().stream()
        .filter(s -> s.name().equals(step))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No step " + step));
  }

  private static void check(boolean holds, String expected, String actual) {
    if (!holds) {
      throw new AssertionError("Expected " + expected + " but was " + actual);
    }
  }
}
