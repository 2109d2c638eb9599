package dev.afterimage.source;

/** A file attached to a post that cannot be downloaded without login (e.g. a Telegram document): its name and size as shown. */
public record Attachment(String title, String extra) {}
