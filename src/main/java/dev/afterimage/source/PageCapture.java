package dev.afterimage.source;

import dev.afterimage.source.http.Exchange;

/** A fetched page as it can be archived: where from, the HTTP heads, and the body as received. */
public record PageCapture(String url, Exchange exchange, byte[] body) {}
