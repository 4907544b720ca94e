package org.kalkan.security.internal;

/** Anything that stands for a Kalkan user in a security context: a form/token login or an OIDC login. */
public interface PrincipalHolder {

    KalkanPrincipal kalkanPrincipal();
}
