package dev.afterimage.source.http;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GETs a page the way a reader's browser would reach it, following a few redirects, for sources whose permalink
 * is a publisher's own page (a feed entry's link, a news item) that moves when a site is reorganised.
 */
public final class Redirects {

    /** A moved article seldom takes more than two hops; a longer chain is a loop or a login dance. */
    public static final int MAX_HOPS = 5;

    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    private Redirects() {}

    /**
     * The final answer after at most {@value #MAX_HOPS} redirects. A redirect without a usable {@code Location}, or
     * one hop too many, is returned as the 3xx it is, for the caller to judge as it judges any other 3xx.
     */
    public static HttpOutcome follow(WebClient web, String url, Map<String, String> headers) {
        HttpOutcome outcome = web.get(url, headers);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (!(outcome instanceof HttpOutcome.Received received) || !FOLLOWED.contains(received.status())) {
                return outcome;
            }
            Optional<String> next = WebUrls.resolve(received.url(), received.header("location"));
            if (next.isEmpty()) {
                return outcome;
            }
            outcome = web.get(next.get(), headers);
        }
        return outcome;
    }
}
