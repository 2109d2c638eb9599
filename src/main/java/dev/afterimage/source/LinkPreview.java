package dev.afterimage.source;

/** The card a platform shows under a post that links somewhere. Any field but the URL may be null. */
public record LinkPreview(String url, String siteName, String title, String description) {}
