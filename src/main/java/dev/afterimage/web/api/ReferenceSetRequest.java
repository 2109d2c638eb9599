package dev.afterimage.web.api;

/** Body of {@code POST /api/reference-sets}. */
public record ReferenceSetRequest(String name, String description) {}
