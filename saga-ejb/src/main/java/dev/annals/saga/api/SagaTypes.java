package dev.annals.saga.api;

import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A tenant's declarative saga types (steps as HTTP calls), defined by a tenant admin. Every change
 * is audited. Redefining a type never changes a saga that runs already: it follows the plan it
 * started with. Java saga types are deployed with the server and cannot be defined here.
 */
@Local
public interface SagaTypes {

  /**
   * Defines or redefines a type.
   *
   * @param tenant the tenant
   * @param type the type's name
   * @param definition {@code {"steps": [...], "timeoutMs"?}}, parsed strictly
   * @return the stored type, and whether it is new
   * @throws dev.annals.tenancy.api.InvalidRequestException naming the field at fault, or when the
   *     name is a Java saga type's
   */
  DefinedSagaType define(TenantId tenant, String type, JsonObject definition);

  /**
   * The type as stored.
   *
   * @throws SagaTypeNotFoundException when the tenant has no such declarative type
   */
  SagaTypeInfo show(TenantId tenant, String type);

  /** Every declarative type of the tenant, by name. */
  List<SagaTypeInfo> list(TenantId tenant);

  /**
   * Deletes a type; sagas of it that run already go on with their plans.
   *
   * @return the type as it was
   * @throws SagaTypeNotFoundException when the tenant has no such declarative type
   */
  SagaTypeInfo delete(TenantId tenant, String type);
}
