package dev.afterimage.source.webpage;

import dev.afterimage.InvalidFieldException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * How to read one news page: CSS selectors for its items and for the parts of each item.
 *
 * @param item selects each news item on the listing page
 * @param link selects, within an item, the {@code <a>} whose {@code href} is the item's own page; empty when the item
 *     itself is that {@code <a>}
 * @param title selects the item's title within the item; empty to take the link's text
 * @param date selects the item's date within the item (its {@code datetime} attribute, else its text); may be empty
 * @param body selects the article's body on the item's own page; empty to keep the title only
 * @param notFound selects what a "page not found" page shows, on a site that answers such pages with HTTP 200
 * @param dateFormat the date's pattern ({@link DateTimeFormatter}) when it is none of the common ones; may be empty
 * @param nextPage selects, on a listing page, the link to the next older page; empty when the page is not paged
 */
record WebPageOptions(
        String item,
        String link,
        String title,
        String date,
        String body,
        String notFound,
        String dateFormat,
        String nextPage) {

    static final String ITEM = "item";
    static final String LINK = "link";
    static final String TITLE = "title";
    static final String DATE = "date";
    static final String BODY = "body";
    static final String NOT_FOUND = "notFound";
    static final String DATE_FORMAT = "dateFormat";
    static final String NEXT_PAGE = "nextPage";

    private static final Set<String> SELECTORS = Set.of(ITEM, LINK, TITLE, DATE, BODY, NOT_FOUND, NEXT_PAGE);
    private static final Set<String> KNOWN = Set.of(ITEM, LINK, TITLE, DATE, BODY, NOT_FOUND, DATE_FORMAT, NEXT_PAGE);

    /** The options of an account, as validated when it was added. */
    static WebPageOptions of(Map<String, String> options) {
        return new WebPageOptions(
                options.getOrDefault(ITEM, ""),
                options.getOrDefault(LINK, ""),
                options.getOrDefault(TITLE, ""),
                options.getOrDefault(DATE, ""),
                options.getOrDefault(BODY, ""),
                options.getOrDefault(NOT_FOUND, ""),
                options.getOrDefault(DATE_FORMAT, ""),
                options.getOrDefault(NEXT_PAGE, ""));
    }

    /**
     * The options checked and stripped: every selector must parse, {@code item} must be given and {@code link} be
     * present (empty means the item is the link), and the date format must be a valid pattern.
     *
     * @throws InvalidFieldException naming the first option that is wrong
     */
    static Map<String, String> validate(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new InvalidFieldException(
                        "options." + name, "unknown option; web pages take " + String.join(", ", sorted(KNOWN)));
            }
        }
        String item = options.getOrDefault(ITEM, "").strip();
        if (item.isEmpty()) {
            throw new InvalidFieldException(
                    "options." + ITEM, "a CSS selector of the listing's news items is required, e.g. \"article.news\"");
        }
        if (!options.containsKey(LINK)) {
            throw new InvalidFieldException(
                    "options." + LINK,
                    "a CSS selector of the item's link within the item is required, e.g. \"h2 a\";"
                            + " \"\" when the item itself is the link");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        for (String name : sorted(options.keySet())) {
            String value = options.get(name).strip();
            if (SELECTORS.contains(name) && !value.isEmpty()) {
                parseSelector(name, value);
            }
            if (name.equals(DATE_FORMAT) && !value.isEmpty()) {
                dateFormatter(value)
                        .orElseThrow(() -> new InvalidFieldException(
                                "options." + DATE_FORMAT,
                                "\"" + value + "\" is not a java.time date pattern, e.g. dd.MM.yyyy"));
            }
            if (!value.isEmpty() || name.equals(LINK)) {
                valid.put(name, value);
            }
        }
        return Map.copyOf(valid);
    }

    /** The configured date pattern, if any. */
    Optional<DateTimeFormatter> dateFormatter() {
        return dateFormat.isEmpty() ? Optional.empty() : dateFormatter(dateFormat);
    }

    private static Optional<DateTimeFormatter> dateFormatter(String pattern) {
        try {
            // Month names on the page are the site's language; English is the one safe guess without a locale option.
            return Optional.of(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Evaluator parseSelector(String name, String selector) {
        try {
            return QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            throw new InvalidFieldException(
                    "options." + name, "\"" + selector + "\" is not a CSS selector: " + e.getMessage());
        }
    }

    private static java.util.List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
