package dev.afterimage.alert;

import java.util.Locale;
import java.util.Optional;

/** The shape of the body sent to an endpoint. */
public enum WebhookFormat {
    /** Afterimage's own JSON, documented in docs/webhooks.md. */
    JSON,
    /** A Slack incoming-webhook message. */
    SLACK,
    /** A Discord webhook message with an embed. */
    DISCORD;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookFormat> fromApiName(String name) {
        for (WebhookFormat format : values()) {
            if (format.apiName().equalsIgnoreCase(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
