package dev.afterimage.web.api;

/** The account a profile URL names, as {@code GET /api/accounts/resolve} answers it before anything is saved. */
public record ResolvedAccount(String platform, String handle, String canonicalUrl) {}
