package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.source.Platform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which deletions and edits a reader asked for. Every part is optional; dates are whole UTC days, both ends included.
 * Values that cannot be understood are refused, naming the field, rather than silently widening the list.
 *
 * @param group an account group's exact name, or null
 * @param platform null for every platform
 * @param accountId null for every account
 * @param kinds never empty: every kind when none was asked for
 * @param from first day, or null
 * @param to last day, or null
 * @param words words every listed post holds in some archived version; blank for no search
 */
public record ChangeFilter(
        String group,
        Platform platform,
        Long accountId,
        Set<ChangeKind> kinds,
        LocalDate from,
        LocalDate to,
        String words) {

    static ChangeFilter parse(
            String group, String platform, String account, List<String> types, String from, String to, String q) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        for (String type : types == null ? List.<String>of() : types) {
            if (!type.isBlank()) {
                kinds.add(ChangeKind.ofParam(type)
                        .orElseThrow(() -> new InvalidFieldException(
                                "type",
                                "type must be one of "
                                        + Arrays.stream(ChangeKind.values())
                                                .map(ChangeKind::param)
                                                .toList()
                                        + ", not \"" + type + "\"")));
            }
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw new InvalidFieldException("to", "to (" + toDay + ") is before from (" + fromDay + ")");
        }
        return new ChangeFilter(
                blankToNull(group),
                blank(platform)
                        ? null
                        : Platform.fromApiName(platform.strip())
                                .orElseThrow(() -> new InvalidFieldException(
                                        "platform", "platform \"" + platform + "\" is not one Afterimage watches")),
                accountId(account),
                kinds.isEmpty() ? EnumSet.allOf(ChangeKind.class) : kinds,
                fromDay,
                toDay,
                q == null ? "" : q.strip());
    }

    /** The first instant listed, or null. */
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the last day, or null. */
    Instant toExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean shows(ChangeKind kind) {
        return kinds.size() < ChangeKind.values().length && kinds.contains(kind);
    }

    public boolean searching() {
        return !words.isEmpty();
    }

    /** The filter as a query string, without a leading "?", for paging and export links. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "group", group);
        add(parts, "platform", platform == null ? null : platform.apiName());
        add(parts, "account", accountId == null ? null : accountId.toString());
        if (kinds.size() < ChangeKind.values().length) {
            kinds.forEach(kind -> add(parts, "type", kind.param()));
        }
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        add(parts, "q", words.isEmpty() ? null : words);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static LocalDate day(String field, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " must be a day as yyyy-mm-dd, not \"" + text + "\"");
        }
    }

    private static Long accountId(String text) {
        if (blank(text)) {
            return null;
        }
        if (!text.strip().matches("\\d{1,18}")) {
            throw new InvalidFieldException("account", "account must be an account id, not \"" + text + "\"");
        }
        return Long.parseLong(text.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
