package dev.afterimage.web.api;

import java.time.Instant;

/** {@code POST /api/tokens}: what the token is for, its role, and optionally when it stops working. */
public record TokenRequest(String name, String role, Instant expiresAt) {}
