package dev.afterimage.security;

/**
 * Who is making a request, as the service's own mechanism established it.
 *
 * @param name the user's name, {@code token:<name>} for an API token, or {@code owner} while the service is open
 */
public record Caller(String name, Role role) {}
