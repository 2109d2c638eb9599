package dev.afterimage.web.console;

/**
 * A webhook endpoint as the console lists it; its secret only as a hint.
 *
 * @param events the event types it receives, in words
 */
public record WebhookRow(
        long id,
        String url,
        String events,
        String format,
        boolean enabled,
        String disabledReason,
        String secretHint,
        Moment lastSuccess,
        Moment failingSince) {}
