package dev.afterimage.alert;

import java.util.List;

/**
 * A new endpoint. Only the URL is required: events default to all, accounts to all, format to json, and a secret
 * is generated when none is given.
 *
 * @param events {@link EventType} names ({@code POST_DELETED}) or payload names ({@code post.deleted})
 */
public record WebhookRequest(String url, List<String> events, List<Long> accounts, String format, String secret) {}
