package dev.afterimage.web.memento;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every memento of one original resource (RFC 7089's URI-T), and the Memento headers and TimeMap bodies derived from
 * them.
 *
 * @param original the original resource (URI-R)
 * @param timegate its TimeGate on this instance (URI-G)
 * @param self this TimeMap in {@code application/link-format}
 * @param jsonSelf this TimeMap in JSON
 * @param mementos at least one; kept sorted oldest first
 */
public record TimeMap(String original, String timegate, String self, String jsonSelf, List<Memento> mementos) {

    private static final String LINK_FORMAT = "application/link-format";

    public TimeMap {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(timegate, "timegate");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(jsonSelf, "jsonSelf");
        Objects.requireNonNull(mementos, "mementos");
        if (mementos.isEmpty()) {
            throw new IllegalArgumentException("mementos must not be empty: a TimeMap of " + original
                    + " lists at least one, and a resource never archived has no TimeMap");
        }
        mementos = mementos.stream()
                .sorted(Comparator.comparing(Memento::datetime))
                .toList();
    }

    /** The oldest memento. */
    public Memento first() {
        return mementos.getFirst();
    }

    /** The newest memento, which a TimeGate gives when no Accept-Datetime is sent. */
    public Memento last() {
        return mementos.getLast();
    }

    /**
     * The memento a TimeGate answers for an Accept-Datetime. RFC 7089 leaves the choice to the server;
     * ours is the nearest in time either way, the earlier on a tie, so a time before the first gives the first and
     * one after the last gives the last.
     */
    public Memento closest(Instant wanted) {
        Objects.requireNonNull(wanted, "wanted");
        Memento best = first();
        for (Memento candidate : mementos) {
            if (distance(candidate, wanted).compareTo(distance(best, wanted)) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The {@code application/link-format} body (RFC 7089 section 5): original, timegate, self with the span it
     * covers, then every memento oldest first, the ends marked {@code first memento} and {@code last memento}.
     * Links are separated by {@code ",\n"}.
     */
    public String linkFormat() {
        List<LinkValue> links = new ArrayList<>();
        links.add(LinkValue.to(original, "original"));
        links.add(LinkValue.to(timegate, "timegate"));
        links.add(LinkValue.to(self, "self")
                .with("type", LINK_FORMAT)
                .with("from", MementoTimestamps.httpDate(first().datetime()))
                .with("until", MementoTimestamps.httpDate(last().datetime())));
        for (int i = 0; i < mementos.size(); i++) {
            links.add(mementoLink(i, relations(i, -1)));
        }
        return join(links, ",\n");
    }

    /**
     * The Link header of a Memento response (RFC 7089 section 4.2.1): original, timemap, timegate, then, oldest first,
     * the first, previous, given, next and last mementos. A memento in several of those roles is one link with the
     * relations combined, such as {@code rel="prev first memento"}.
     *
     * @throws IllegalArgumentException if the memento is not in this TimeMap
     */
    public String mementoLinkHeader(Memento memento) {
        int position = mementos.indexOf(memento);
        if (position < 0) {
            throw new IllegalArgumentException("memento " + memento + " is not in the TimeMap of " + original);
        }
        List<LinkValue> links = new ArrayList<>();
        links.add(LinkValue.to(original, "original"));
        links.add(LinkValue.to(self, "timemap").with("type", LINK_FORMAT));
        links.add(LinkValue.to(timegate, "timegate"));
        List<Integer> shown = List.of(0, position - 1, position, position + 1, mementos.size() - 1);
        shown.stream()
                .filter(i -> i >= 0 && i < mementos.size())
                .distinct()
                .sorted()
                .forEach(i -> links.add(mementoLink(i, relations(i, position))));
        return join(links, ", ");
    }

    /**
     * The Link header of the TimeGate's 302 (RFC 7089 section 4.2.1): original, the timemap with the span it covers,
     * and the first and last mementos.
     */
    public String timeGateLinkHeader() {
        List<LinkValue> links = new ArrayList<>();
        links.add(LinkValue.to(original, "original"));
        links.add(LinkValue.to(self, "timemap")
                .with("type", LINK_FORMAT)
                .with("from", MementoTimestamps.httpDate(first().datetime()))
                .with("until", MementoTimestamps.httpDate(last().datetime())));
        links.add(mementoLink(0, relations(0, -1)));
        if (mementos.size() > 1) {
            links.add(mementoLink(mementos.size() - 1, relations(mementos.size() - 1, -1)));
        }
        return join(links, ", ");
    }

    /**
     * The JSON TimeMap in the shape Memento aggregators and the Wayback Machine serve (mementoweb.org's TimeMap JSON
     * guide), datetimes in ISO 8601 UTC:
     *
     * <pre>{@code
     * {"original_uri": "...", "timegate_uri": "...",
     *  "timemap_uri": {"link_format": "...", "json_format": "..."},
     *  "mementos": {"first": {"datetime": "2017-11-14T10:57:00Z", "uri": "..."},
     *               "last": {...},
     *               "list": [{"datetime": "...", "uri": "..."}, ...]}}
     * }</pre>
     *
     * URIs are written as in the Link headers, so every serialisation names a memento the same way.
     */
    public Map<String, Object> json() {
        Map<String, Object> timemapUri = new LinkedHashMap<>();
        timemapUri.put("link_format", UriReference.safe(self));
        timemapUri.put("json_format", UriReference.safe(jsonSelf));
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("first", json(first()));
        listed.put("last", json(last()));
        listed.put("list", mementos.stream().map(TimeMap::json).toList());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("original_uri", UriReference.safe(original));
        json.put("timegate_uri", UriReference.safe(timegate));
        json.put("timemap_uri", timemapUri);
        json.put("mementos", listed);
        return json;
    }

    private static Map<String, Object> json(Memento memento) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("datetime", DateTimeFormatter.ISO_INSTANT.format(memento.datetime()));
        json.put("uri", UriReference.safe(memento.uri()));
        return json;
    }

    /**
     * The relations of the memento at index i, navigation first as in {@code rel="prev first memento"}.
     *
     * @param current index of the memento being served, or -1 when there is none (TimeMap, TimeGate)
     */
    private String relations(int i, int current) {
        List<String> rels = new ArrayList<>();
        if (current >= 0 && i == current - 1) {
            rels.add("prev");
        }
        if (current >= 0 && i == current + 1) {
            rels.add("next");
        }
        if (i == 0) {
            rels.add("first");
        }
        if (i == mementos.size() - 1) {
            rels.add("last");
        }
        rels.add("memento");
        return String.join(" ", rels);
    }

    private LinkValue mementoLink(int i, String rel) {
        Memento memento = mementos.get(i);
        return LinkValue.to(memento.uri(), rel).with("datetime", MementoTimestamps.httpDate(memento.datetime()));
    }

    private static Duration distance(Memento memento, Instant wanted) {
        return Duration.between(memento.datetime(), wanted).abs();
    }

    private static String join(List<LinkValue> links, String separator) {
        return links.stream().map(LinkValue::serialise).collect(Collectors.joining(separator));
    }
}
