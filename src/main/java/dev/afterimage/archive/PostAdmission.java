package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.ColumnWidth;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a post as a source handed it over can be archived, checked against what the archive's columns hold before
 * it reaches the database: a post that cannot be stored is {@link Skipped} with a reason, and the good posts beside
 * it are archived. Long values are kept whole where they are evidence (the raw bytes, the text, media URLs, all in
 * unbounded columns); only bounded index columns are shortened or refused.
 */
public sealed interface PostAdmission {

    /** {@code post.platform_post_id}: VARCHAR(255). */
    int MAX_ID_CHARS = ColumnWidth.NAME;

    /** {@code post.url}, {@code post_version.source_url}, {@code event.post_url}: VARCHAR(2048). */
    int MAX_URL_CHARS = 2048;

    /** A post has a few pictures; a hundred is already hostile, and each one is a download. */
    int MAX_MEDIA = 100;

    /** Reported earlier versions kept with a post (Mastodon caps its own history far below). */
    int MAX_EARLIER_VERSIONS = 100;

    /** A view counter as shown ("12.5M") is short; anything longer is not a counter. */
    int MAX_COUNTER_CHARS = 64;

    /** Reactions are information only, never compared; this keeps a hostile page from filling the details. */
    int MAX_REACTIONS_CHARS = 4096;

    /** Nothing was posted on the web before this; an earlier date is a parser's or a publisher's mistake. */
    Instant EARLIEST_DATE = Instant.parse("1990-01-01T00:00:00Z");

    /** A publisher's clock or time zone may be off, and ours may have stepped back; beyond a year it is nonsense. */
    Duration FUTURE_SLACK = Duration.ofDays(366);

    /**
     * The post as it will be stored: ids shortened to their column, dates outside a sane range made unknown (null),
     * counters that are not counters dropped, characters no database keeps (NUL) replaced.
     */
    record Admitted(SourcePost post) implements PostAdmission {}

    /**
     * Not storable; {@code platformPostId} is the id as it would have been stored, so a post once archived and now
     * skipped is still known to have been seen.
     */
    record Skipped(String platformPostId, String reason) implements PostAdmission {}

    /** Checks one post; {@code now} is when the poll started. */
    static PostAdmission of(SourcePost post, Instant now) {
        String id = storedId(post.platformPostId());
        if (post.url().length() > MAX_URL_CHARS) {
            // A shortened URL would name another page: its permalink check could answer 404 and cry "deleted".
            return new Skipped(
                    id,
                    "its link is " + post.url().length() + " characters, over the " + MAX_URL_CHARS
                            + " the archive keeps for a post's URL");
        }
        if (post.media().size() > MAX_MEDIA) {
            return new Skipped(id, "it lists " + post.media().size() + " media, over the " + MAX_MEDIA + " allowed");
        }
        for (SourceMedia media : post.media()) {
            if (media.url().length() > MAX_URL_CHARS * 4) {
                return new Skipped(id, "a media URL is " + media.url().length() + " characters long");
            }
        }
        List<SourcePost> earlier = new ArrayList<>();
        List<SourcePost> reported = post.earlierVersions();
        for (SourcePost version :
                reported.subList(Math.max(0, reported.size() - MAX_EARLIER_VERSIONS), reported.size())) {
            if (of(version, now) instanceof Admitted admitted) {
                earlier.add(admitted.post());
            }
        }
        return new Admitted(post.toBuilder()
                .platformPostId(id)
                .publishedAt(saneDate(post.publishedAt(), now))
                .text(withoutNul(post.text()), withoutNul(post.html()))
                .views(post.views() == null || post.views().length() > MAX_COUNTER_CHARS ? null : post.views())
                .reactions(cut(post.reactions(), MAX_REACTIONS_CHARS))
                .revision(post.revision() == null ? null : storedId(post.revision()), saneDate(post.versionAt(), now))
                .earlierVersions(earlier)
                .build());
    }

    /**
     * The id a platform's post id is stored under: unchanged when it fits its column, else a prefix and the SHA-256
     * of the whole id, so two long ids sharing a prefix stay apart and the same id maps to the same row every poll.
     */
    static String storedId(String platformPostId) {
        String id = withoutNul(platformPostId);
        if (id.length() <= MAX_ID_CHARS) {
            return id;
        }
        return cut(id, 180) + "~" + Sha256.ofText(platformPostId);
    }

    /** A date outside the range where posts exist is unknown, never an error (year −999999999 overflowed). */
    static Instant saneDate(Instant date, Instant now) {
        if (date == null || date.isBefore(EARLIEST_DATE) || date.isAfter(now.plus(FUTURE_SLACK))) {
            return null;
        }
        return date;
    }

    /** PostgreSQL refuses U+0000 in text; the raw bytes keep it. */
    private static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
