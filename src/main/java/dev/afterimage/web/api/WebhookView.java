package dev.afterimage.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.afterimage.alert.EventType;
import dev.afterimage.alert.Webhook;
import dev.afterimage.alert.WebhookSecret;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it: the secret only as a hint, except in the answer that created it.
 *
 * @param secret present only when the endpoint was just created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        long id,
        String url,
        List<EventType> events,
        List<Long> accounts,
        String format,
        boolean enabled,
        String disabledReason,
        String secretHint,
        String secret,
        Instant createdAt,
        Instant failingSince,
        Instant lastSuccessAt) {

    static WebhookView of(Webhook webhook) {
        return of(webhook, null);
    }

    static WebhookView of(Webhook webhook, String secret) {
        return new WebhookView(
                webhook.id,
                webhook.url,
                webhook.types().stream().sorted().toList(),
                webhook.accounts(),
                webhook.format.apiName(),
                webhook.enabled,
                webhook.disabledReason,
                new WebhookSecret(webhook.secret).hint(),
                secret,
                webhook.createdAt,
                webhook.failingSince,
                webhook.lastSuccessAt);
    }
}
