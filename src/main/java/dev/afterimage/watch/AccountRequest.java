package dev.afterimage.watch;

import java.util.Map;

/**
 * What a user asks to watch: either a profile URL, or a platform and a handle. Everything else is optional.
 *
 * @param pollInterval e.g. {@code 60s}, {@code 5m} or ISO-8601 {@code PT60S}
 * @param group the publisher the account belongs to, shared by its accounts on other platforms
 * @param options what the platform's source needs for this account (for a web page, its CSS selectors)
 */
public record AccountRequest(
        String url,
        String platform,
        String handle,
        String label,
        String pollInterval,
        Boolean enabled,
        String group,
        Map<String, String> options) {

    public AccountRequest {
        options = options == null ? Map.of() : options;
    }

    public AccountRequest(
            String url, String platform, String handle, String label, String pollInterval, Boolean enabled) {
        this(url, platform, handle, label, pollInterval, enabled, null, Map.of());
    }
}
