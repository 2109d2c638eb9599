package dev.afterimage.web.memento;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One archived version of an original resource (RFC 7089's URI-M): when it was captured and the URL where this
 * instance serves it.
 *
 * <p>The datetime is kept to the second: Memento-Datetime, HTTP dates and the 14-digit Wayback timestamps in memento
 * URLs all stop there, and a finer instant would let {@link TimeMap#closest} prefer a neighbour over the memento a
 * URL's own timestamp names.
 */
public record Memento(Instant datetime, String uri) {

    public Memento {
        datetime = Objects.requireNonNull(datetime, "datetime").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(uri, "uri");
    }
}
