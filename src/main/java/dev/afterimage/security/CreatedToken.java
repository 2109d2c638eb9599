package dev.afterimage.security;

/** A token just created, with its secret: the only moment the secret exists outside the caller's hands. */
public record CreatedToken(ApiToken token, String secret) {}
