package dev.afterimage.web.memento;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Link header or link-format body back into links, written apart from the code under test so the tests check
 * the syntax rather than echo it. Whitespace around separators is allowed, as in the RFC figures.
 */
final class LinkReader {

    /** One link: its target, its relation types and every attribute as written (rel included). */
    record Link(String uri, Set<String> rels, Map<String, String> attributes) {

        String datetime() {
            return attributes.get("datetime");
        }
    }

    private final String text;
    private int at;

    private LinkReader(String text) {
        this.text = text;
    }

    static List<Link> read(String text) {
        return new LinkReader(text).links();
    }

    private List<Link> links() {
        List<Link> links = new ArrayList<>();
        skipWhitespace();
        while (at < text.length()) {
            links.add(link());
            skipWhitespace();
            if (at < text.length()) {
                expect(',');
                skipWhitespace();
            }
        }
        return links;
    }

    private Link link() {
        expect('<');
        int close = text.indexOf('>', at);
        if (close < 0) {
            throw new IllegalArgumentException("unclosed <target> at " + at + " in " + text);
        }
        String uri = text.substring(at, close);
        at = close + 1;
        Map<String, String> attributes = new LinkedHashMap<>();
        skipWhitespace();
        while (at < text.length() && text.charAt(at) == ';') {
            at++;
            skipWhitespace();
            int equals = text.indexOf('=', at);
            String name = text.substring(at, equals).strip();
            at = equals + 1;
            skipWhitespace();
            if (attributes.put(name, value()) != null) {
                throw new IllegalArgumentException("attribute " + name + " twice on <" + uri + ">");
            }
            skipWhitespace();
        }
        String rel = attributes.getOrDefault("rel", "");
        List<String> relList = Arrays.asList(rel.split(" "));
        Set<String> rels = new LinkedHashSet<>(relList);
        if (rels.size() != relList.size()) {
            throw new IllegalArgumentException("relation repeated in rel=\"" + rel + "\"");
        }
        return new Link(uri, rels, attributes);
    }

    private String value() {
        if (text.charAt(at) == '"') {
            int close = text.indexOf('"', at + 1);
            String quoted = text.substring(at + 1, close);
            at = close + 1;
            return quoted;
        }
        int start = at;
        while (at < text.length() && ";, \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
