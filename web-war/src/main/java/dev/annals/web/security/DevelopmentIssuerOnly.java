package dev.annals.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that exists only while the development issuer is on: otherwise {@link
 * DevelopmentIssuerGate} answers 404 to every caller, admins included, exactly as for a path nobody
 * serves (before any role is checked, so no 403 reveals that the path exists).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DevelopmentIssuerOnly {}
