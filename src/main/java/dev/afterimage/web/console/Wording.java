package dev.afterimage.web.console;

import dev.afterimage.detect.PollOutcome;
import dev.afterimage.source.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** The console's words for what the archive stores as codes: intervals, poll outcomes, failure reasons, names. */
final class Wording {

    /** Long enough for a host and a status line; a platform's whole error page is noise on a dashboard. */
    static final int MAX_REASON_LENGTH = 200;

    private static final Pattern UNKNOWN_HOST = Pattern.compile("unknown host: ([\\w.-]+)");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Wording() {}

    /** "every minute", "every 5 minutes", "every 1 hour 30 minutes": what a researcher sets, not ISO-8601. */
    static String every(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds <= 0) {
            return "continuously";
        }
        List<String> parts = new ArrayList<>();
        add(parts, seconds / 86_400, "day");
        add(parts, seconds % 86_400 / 3_600, "hour");
        add(parts, seconds % 3_600 / 60, "minute");
        add(parts, seconds % 60, "second");
        String joined = String.join(" ", parts);
        return "every " + (joined.startsWith("1 ") && parts.size() == 1 ? joined.substring(2) : joined);
    }

    private static void add(List<String> parts, long count, String unit) {
        if (count > 0) {
            parts.add(count + " " + unit + (count == 1 ? "" : "s"));
        }
    }

    static String outcome(PollOutcome outcome) {
        if (outcome == null) {
            return "not polled yet";
        }
        return switch (outcome) {
            case OK -> "read in full";
            case PARTIAL -> "read in part";
            case ACCOUNT_GONE -> "account gone";
            case UNKNOWN -> "failed";
        };
    }

    /**
     * A failure reason as one short line of plain text: a platform may answer an error with a whole HTML page, which
     * must neither render nor flood the row; the network's terse wording gets a name a reader recognises.
     */
    static String reason(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String text = SPACE.matcher(Jsoup.parse(detail).text()).replaceAll(" ").strip();
        Matcher host = UNKNOWN_HOST.matcher(text);
        text = host.replaceAll(
                match -> Matcher.quoteReplacement("network error (unknown host " + match.group(1) + ")"));
        if (text.length() > MAX_REASON_LENGTH) {
            return text.substring(0, MAX_REASON_LENGTH - 1).stripTrailing() + "…";
        }
        return text;
    }

    /**
     * How an account is named: its label, else the handle with an "@" where the platform has handles. A feed or a web
     * page is watched by its address, which an "@" would turn into nonsense.
     */
    static String accountName(Platform platform, String label, String handle) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return handle(platform, handle);
    }

    static String handle(Platform platform, String handle) {
        if (platform == Platform.RSS || platform == Platform.WEB) {
            return handle.replaceFirst("^https?://", "").replaceFirst("/$", "");
        }
        return "@" + handle;
    }
}
