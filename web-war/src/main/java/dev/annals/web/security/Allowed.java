package dev.annals.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of one resource method, enforced by {@link AccessFilter}: the caller needs one of
 * the roles and, when {@link #tenantInPath()}, the path's {@code {tenant}} must be one of its
 * tenants (otherwise 404, exactly as for a tenant that does not exist). A resource method without
 * this annotation is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

  /** The roles that may call the method: any one suffices. */
  Role[] value();

  /** Whether the path's {@code {tenant}} must be one of the caller's tenants. */
  boolean tenantInPath() default true;
}
