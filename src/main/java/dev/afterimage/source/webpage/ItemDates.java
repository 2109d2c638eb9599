package dev.afterimage.source.webpage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the date a news page shows for an item. A date without a time of day is taken as midnight UTC, and one
 * without a zone as UTC: the page does not say more, and a few hours do not matter to the watch window.
 */
final class ItemDates {

    private static final List<DateTimeFormatter> COMMON = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private ItemDates() {}

    /** The instant {@code text} names, by the configured pattern first, then the common ones; null when none fits. */
    static Instant parse(String text, Optional<DateTimeFormatter> configured) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace('\u00a0', ' ');
        if (configured.isPresent()) {
            Instant parsed = parse(value, configured.get());
            if (parsed != null) {
                return parsed;
            }
        }
        for (DateTimeFormatter format : COMMON) {
            Instant parsed = parse(value, format);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    private static Instant parse(String value, DateTimeFormatter format) {
        try {
            TemporalAccessor parsed = format.parseBest(
                    value, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            return switch (parsed) {
                case ZonedDateTime zoned -> zoned.toInstant();
                case OffsetDateTime offset -> offset.toInstant();
                case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
                case LocalDate day -> day.atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
