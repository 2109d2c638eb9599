package dev.afterimage.source.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pasted http(s) URL taken apart, before anyone asks which platform it belongs to.
 *
 * @param host the host, lower-cased, without a trailing dot
 * @param authority the host, followed by {@code :port} only when the port is not the scheme's default
 * @param segments the path's segments, percent-decoded; empty ones are dropped, so trailing or doubled slashes do not
 *     matter
 * @param query the query's parameters in order, decoded; any that do not decode are left out
 */
record PastedUrl(String host, String authority, List<String> segments, List<QueryParameter> query) {

    /** A public DNS name: dot-separated labels, the last one starting with a letter (so no IP addresses). */
    static final Pattern DOMAIN_NAME =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?");

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

    /** A scheme without {@code //} ({@code javascript:}, {@code mailto:}); a colon before digits is a port instead. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)");

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private static final int HIGHEST_PORT = 65535;

    /** One query parameter, decoded. */
    record QueryParameter(String name, String value) {}

    /** The host, and the host with the port when that is not the default. */
    private record Authority(String host, String hostAndPort) {

        /** User info is refused: in a pasted link it only ever serves to disguise the real host. */
        static Optional<Authority> parse(String authority, int defaultPort) {
            if (authority.contains("@")) {
                return Optional.empty();
            }
            int colon = authority.lastIndexOf(':');
            String host = Ascii.lowerCase(colon < 0 ? authority : authority.substring(0, colon));
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!DOMAIN_NAME.matcher(host).matches()) {
                return Optional.empty();
            }
            if (colon < 0) {
                return Optional.of(new Authority(host, host));
            }
            String port = authority.substring(colon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) > HIGHEST_PORT) {
                return Optional.empty();
            }
            int number = Integer.parseInt(port);
            return Optional.of(new Authority(host, number == defaultPort ? host : host + ":" + number));
        }
    }

    PastedUrl {
        segments = List.copyOf(segments);
        query = List.copyOf(query);
    }

    /** An http or https URL, with or without its scheme; anything else, or a URL with user info, gives nothing. */
    static Optional<PastedUrl> parse(String text) {
        String rest;
        int defaultPort;
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.lookingAt()) {
            switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
                case "http" -> defaultPort = 80;
                case "https" -> defaultPort = 443;
                default -> {
                    return Optional.empty();
                }
            }
            rest = text.substring(scheme.end());
        } else if (text.startsWith("//")) {
            defaultPort = 443;
            rest = text.substring(2);
        } else if (OTHER_SCHEME.matcher(text).lookingAt()) {
            return Optional.empty();
        } else {
            defaultPort = 443;
            rest = text;
        }
        rest = before(rest, '#');
        String query = after(rest, '?');
        rest = before(rest, '?');
        String authority = before(rest, '/');
        String path = rest.substring(authority.length());
        Optional<List<String>> segments = decodedSegments(path);
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        return Authority.parse(authority, defaultPort)
                .map(parsed ->
                        new PastedUrl(parsed.host(), parsed.hostAndPort(), segments.get(), queryParameters(query)));
    }

    /** Whether the host is the domain or one of its subdomains. */
    boolean hostIsWithin(String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** Whether the URL is on one of these hosts at the default port. */
    boolean isOn(Set<String> hosts) {
        return hosts.contains(authority);
    }

    /** The first value of a query parameter. */
    Optional<String> queryValue(String name) {
        return query.stream()
                .filter(parameter -> parameter.name().equals(name))
                .map(QueryParameter::value)
                .findFirst();
    }

    /** A path's non-empty segments, each percent-decoded; nothing when one of them does not decode. */
    static Optional<List<String>> decodedSegments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Optional<String> decoded = PercentEncoding.decode(segment);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            segments.add(decoded.get());
        }
        return Optional.of(segments);
    }

    /** Parameters no platform reads must not cost a post its URL, so one that does not decode is only skipped. */
    private static List<QueryParameter> queryParameters(String query) {
        List<QueryParameter> parameters = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            Optional<String> decodedName = PercentEncoding.decode(name.replace('+', ' '));
            Optional<String> decodedValue = PercentEncoding.decode(value.replace('+', ' '));
            if (!pair.isEmpty() && decodedName.isPresent() && decodedValue.isPresent()) {
                parameters.add(new QueryParameter(decodedName.get(), decodedValue.get()));
            }
        }
        return parameters;
    }

    private static String before(String text, char separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at);
    }

    private static String after(String text, char separator) {
        int at = text.indexOf(separator);
        return at < 0 ? "" : text.substring(at + 1);
    }
}
