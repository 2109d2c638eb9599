package dev.afterimage.alert;

import java.util.List;

/** A change to an endpoint; null fields stay as they are. Enabling it again clears why it was disabled. */
public record WebhookPatch(String url, List<String> events, List<Long> accounts, String format, Boolean enabled) {}
