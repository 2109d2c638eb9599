package dev.afterimage.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request that carries no credentials: who it is depends on whether the service is open or its archive public. */
final class AmbientRequest extends BaseAuthenticationRequest {}
