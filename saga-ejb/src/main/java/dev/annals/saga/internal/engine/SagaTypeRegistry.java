package dev.annals.saga.internal.engine;

import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.SagaData;
import dev.annals.saga.api.SagaDefinition;
import dev.annals.saga.api.SagaPlan;
import dev.annals.saga.infrastructure.http.HttpSteps;
import dev.annals.saga.infrastructure.types.SagaTypeRepository;
import dev.annals.saga.internal.declarative.HttpSagaTypeJson;
import dev.annals.saga.internal.execution.JavaSteps;
import dev.annals.saga.internal.execution.SagaSteps;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saga types by name: the Java ones (CDI beans implementing {@link SagaDefinition}, found once at
 * start-up) first, then the tenant's declarative ones (stored JSON, parsed strictly each time, so a
 * stored definition that no longer parses fails its sagas' steps rather than running something
 * else). Reading a declarative type needs the caller's transaction.
 */
@ApplicationScoped
public class SagaTypeRegistry {

  private static final Logger LOG = Logger.getLogger(SagaTypeRegistry.class.getName());

  @Inject @Any Instance<SagaDefinition<?>> definitions;

  @Inject SagaTypeRepository repository;

  @Inject SagasConfig config;

  private final Map<String, SagaDefinition<?>> java = new TreeMap<>();
  private HttpClient client;

  /**
   * A resolved saga type.
   *
   * @param plan what a new saga of it follows
   * @param steps its steps' invokers
   * @param checkData refuses data that does not fit the type (InvalidRequestException)
   */
  public record Resolved(SagaPlan plan, SagaSteps steps, Consumer<JsonObject> checkData) {}

  @PostConstruct
  void discover() {
    for (SagaDefinition<?> d : definitions) {
      SagaDefinition<?> clash = java.putIfAbsent(d.type(), d);
      if (clash != null) {
        LOG.log(Level.WARNING, "Two Java saga types are named {0}; the first wins", d.type());
      }
    }
    client = HttpSteps.client(config.connectTimeout());
    LOG.log(Level.INFO, "Java saga types: {0}", java.keySet());
  }

  /** Whether a Java saga type has this name. */
  public boolean isJava(String type) {
    return java.containsKey(type);
  }

  /** The type, Java or the tenant's declarative one; empty when neither exists. */
  public Optional<Resolved> resolve(TenantId tenant, String type) {
    SagaDefinition<?> definition = java.get(type);
    if (definition != null) {
      return Optional.of(javaType(definition));
    }
    try {
      return repository
          .find(tenant, type)
          .map(
              info ->
                  declarative(HttpSagaTypeJson.parse(type, info.definition(), config.ownPorts())));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read saga type " + type, e);
    }
  }

  /** Parses a declarative definition as the API receives it, checking URLs against this server. */
  public HttpSagaType parse(String type, JsonObject definition) {
    return HttpSagaTypeJson.parse(type, definition, config.ownPorts());
  }

  private <D> Resolved javaType(SagaDefinition<D> definition) {
    SagaData<D> data = new SagaData<>(definition.dataType());
    return new Resolved(
        definition.plan(),
        new JavaSteps<>(definition),
        json -> {
          try {
            data.fromJson(json);
          } catch (RuntimeException e) {
            throw new InvalidRequestException(
                "'data' does not fit saga type '" + definition.type() + "'");
          }
        });
  }

  private Resolved declarative(HttpSagaType type) {
    return new Resolved(type.plan(), new HttpSteps(type, client, config.callTimeout()), json -> {});
  }
}
