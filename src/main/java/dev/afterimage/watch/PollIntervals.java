package dev.afterimage.watch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A poll interval as people write it: the short forms the configuration keys take ({@code 90} seconds, {@code 60s},
 * {@code 5m}, {@code 2h}, {@code 1d}) or ISO-8601 ({@code PT60S}).
 */
final class PollIntervals {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)?");

    private PollIntervals() {}

    /** The interval, or empty when the text is neither form. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return Optional.of(
                    switch (unit) {
                        case "m" -> Duration.ofMinutes(amount);
                        case "h" -> Duration.ofHours(amount);
                        case "d" -> Duration.ofDays(amount);
                        default -> Duration.ofSeconds(amount);
                    });
        }
        try {
            return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
