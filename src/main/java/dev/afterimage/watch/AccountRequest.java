package dev.afterimage.watch;

/**
 * What a user asks to watch: either a profile URL, or a platform and a handle. Everything else is optional.
 *
 * @param pollInterval an ISO-8601 duration such as {@code PT60S}
 */
public record AccountRequest(
        String url, String platform, String handle, String label, String pollInterval, Boolean enabled) {}
