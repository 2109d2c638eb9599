package dev.afterimage.web.console;

import dev.afterimage.watch.AccountRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The add-account form as typed, with what went wrong next to each field.
 *
 * @param platform empty to detect it from the URL; "rss" or "web" for a feed or a news page, which no URL names
 * @param intervalSeconds the poll interval in seconds; empty for the default
 * @param options a web page's CSS selectors, by option name
 * @param errors by field name ({@code url}, {@code label}, {@code pollInterval}, {@code options.item}, ...)
 * @param detected what the URL was recognised as, once checked
 */
public record AccountForm(
        String url,
        String platform,
        String label,
        String group,
        String intervalSeconds,
        Map<String, String> options,
        Map<String, String> errors,
        String detected) {

    /** The options a web page's source reads, in the order the form asks for them. */
    static final List<String> WEB_OPTIONS =
            List.of("item", "link", "title", "date", "dateFormat", "body", "notFound", "nextPage");

    static AccountForm empty() {
        return new AccountForm("", "", "", "", "", Map.of(), Map.of(), null);
    }

    static AccountForm read(MultivaluedMap<String, String> form) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : WEB_OPTIONS) {
            String value = text(form, "option." + option);
            if (!value.isEmpty()) {
                options.put(option, value);
            }
        }
        return new AccountForm(
                text(form, "url"),
                text(form, "platform"),
                text(form, "label"),
                text(form, "group"),
                text(form, "interval"),
                options,
                Map.of(),
                null);
    }

    AccountRequest request() {
        if (!platform.isEmpty()) {
            return new AccountRequest(null, platform, url, label, interval(intervalSeconds), null, group, options);
        }
        return new AccountRequest(url, null, null, label, interval(intervalSeconds), null, group, options);
    }

    AccountForm withError(String field, String message) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        // Errors about the platform or handle come from the URL the form asked for.
        all.put(field.equals("platform") || field.equals("handle") ? "url" : field, message);
        return new AccountForm(url, platform, label, group, intervalSeconds, options, all, detected);
    }

    AccountForm withDetected(String description) {
        return new AccountForm(url, platform, label, group, intervalSeconds, options, errors, description);
    }

    /** The error shown under a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    /** The error shown under a web-page option's field, or null. */
    public String optionError(String name) {
        return errors.get("options." + name);
    }

    /** What the form holds for a web-page option. */
    public String option(String name) {
        return options.getOrDefault(name, "");
    }

    public List<String> webOptions() {
        return WEB_OPTIONS;
    }

    /** Seconds as the service's ISO-8601 duration; anything else is passed on for the service to refuse by name. */
    static String interval(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return null;
        }
        return seconds.strip().matches("\\d{1,9}") ? "PT" + seconds.strip() + "S" : seconds.strip();
    }

    static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value.strip();
    }
}
