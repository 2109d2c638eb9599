package dev.afterimage.web.api;

/** Body of {@code POST /api/media/search} by an archived file: its SHA-256. */
public record MediaSearchRequest(String sha256) {}
