package dev.afterimage.alert;

/** A new endpoint and its secret, which is shown this once. */
public record CreatedWebhook(Webhook webhook, String secret) {}
