package dev.afterimage.source.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general entities a feed declares in its own DOCTYPE ({@code <!ENTITY copy "&#169;">}), expanded in the text
 * after it, as an XML parser would.
 *
 * <p>Only internal entities are read: an external one ({@code SYSTEM}/{@code PUBLIC}) is never fetched nor opened, so
 * a feed cannot make the service read a file or a URL (XXE). Expansion is bounded, so a feed cannot exhaust memory by
 * nesting entities ("billion laughs"): at most {@value #MAX_ENTITIES} entities, nested at most {@value #MAX_DEPTH}
 * deep, each at most {@value #MAX_VALUE} characters once expanded, and the document grows by at most
 * {@value #MAX_GROWTH} characters; beyond that, references are left as written.
 */
final class DtdEntities {

    static final int MAX_ENTITIES = 256;
    static final int MAX_DEPTH = 4;
    static final int MAX_VALUE = 4_096;
    // A feed is read whole into memory anyway (the HTTP layer caps its size); this keeps expansion in the same range.
    static final int MAX_GROWTH = 1 << 20;

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[^\\[>]*\\[(.*?)]\\s*>", Pattern.DOTALL);
    private static final Pattern ENTITY =
            Pattern.compile("<!ENTITY\\s+([A-Za-z_][\\w.-]*)\\s+(?:\"([^\"]*)\"|'([^']*)')\\s*>");
    private static final Pattern REFERENCE = Pattern.compile("&([A-Za-z_][\\w.-]*);");
    // XML's own five are never redefined.
    private static final Set<String> PREDEFINED = Set.of("lt", "gt", "amp", "apos", "quot");

    private DtdEntities() {}

    /** The document with its internal DOCTYPE removed and its declared entities expanded; unchanged without one. */
    static String expand(String document) {
        Matcher doctype = DOCTYPE.matcher(document);
        if (!doctype.find() || doctype.start() > 4_096) {
            return document;
        }
        Map<String, String> entities = new LinkedHashMap<>();
        Matcher declaration = ENTITY.matcher(doctype.group(1));
        while (declaration.find() && entities.size() < MAX_ENTITIES) {
            String name = declaration.group(1);
            if (!PREDEFINED.contains(name)) {
                String value = declaration.group(2) != null ? declaration.group(2) : declaration.group(3);
                entities.putIfAbsent(name, value);
            }
        }
        String rest = document.substring(doctype.end());
        if (entities.isEmpty()) {
            return document;
        }
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            for (Map.Entry<String, String> entity : entities.entrySet()) {
                String expanded = substitute(entity.getValue(), entities, MAX_VALUE);
                entity.setValue(expanded);
            }
        }
        return document.substring(0, doctype.start()) + substitute(rest, entities, rest.length() + MAX_GROWTH);
    }

    private static String substitute(String text, Map<String, String> entities, int limit) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (reference.find()) {
            String value = entities.get(reference.group(1));
            if (value == null) {
                continue;
            }
            if (out.length() + value.length() + (reference.start() - from) > limit) {
                break;
            }
            out.append(text, from, reference.start()).append(value);
            from = reference.end();
        }
        return out.append(text, from, text.length()).toString();
    }
}
