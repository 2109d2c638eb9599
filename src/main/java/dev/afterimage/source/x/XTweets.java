package dev.afterimage.source.x;

import com.fasterxml.jackson.databind.JsonNode;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.text.HtmlText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tweets as API v2 returns them, read into posts. A post is known by the FIRST id of its
 * {@code edit_history_tweet_ids} (the original, which stays valid after edits) and carries the LAST one as its
 * revision, so every edit is a new version of the same post.
 */
final class XTweets {

    /** The fields every request for tweets names; the listing and the id lookup read the same shape. */
    static final String QUERY = "tweet.fields=created_at,edit_history_tweet_ids,attachments,entities,referenced_tweets,"
            + "conversation_id&expansions=attachments.media_keys&media.fields=url,preview_image_url,type,variants,"
            + "width,height";

    /** Snowflake ids carry their creation time in milliseconds since this epoch (2010-11-04). */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;

    private XTweets() {}

    /** Every id the tweet has had (its edit history, else its own id). */
    static List<String> allIds(JsonNode tweet) {
        List<String> ids = new ArrayList<>();
        tweet.path("edit_history_tweet_ids").forEach(id -> ids.add(id.asText()));
        if (ids.isEmpty()) {
            ids.add(tweet.path("id").asText());
        }
        return ids;
    }

    /** The answer's {@code includes.media} by {@code media_key}. */
    static Map<String, JsonNode> mediaByKey(JsonNode answer) {
        Map<String, JsonNode> media = new HashMap<>();
        for (JsonNode item : answer.path("includes").path("media")) {
            media.put(item.path("media_key").asText(), item);
        }
        return media;
    }

    /**
     * One tweet as a post; empty when it lacks an id or its time does not parse.
     *
     * @param media the answer's {@code includes.media} by key
     * @param raw the tweet's object exactly as the answer holds it
     */
    static Optional<SourcePost> post(JsonNode tweet, Map<String, JsonNode> media, byte[] raw) {
        if (!tweet.path("id").isTextual()) {
            return Optional.empty();
        }
        List<String> ids = allIds(tweet);
        String original = ids.getFirst();
        String revision = ids.getLast();
        Instant versionAt;
        try {
            versionAt = tweet.hasNonNull("created_at")
                    ? Instant.parse(tweet.get("created_at").asText())
                    : null;
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        boolean edited = ids.size() > 1;
        // An edit is a tweet of its own, created when the edit was made; the original's time is in its id.
        Instant publishedAt = edited ? snowflakeTime(original).orElse(null) : versionAt;
        String text = tweet.path("text").asText("");
        return Optional.of(SourcePost.builder(original, XNaming.postUrl(original), raw)
                .publishedAt(publishedAt)
                .text(text, HtmlText.htmlOfLines(text))
                .edited(edited)
                .media(media(tweet, media))
                .replyTo(replyTo(tweet))
                .revision(revision, versionAt)
                .build());
    }

    /**
     * When a snowflake id was made. Only asked of edited tweets, and editing came in 2022, long after every id became
     * a snowflake (November 2010).
     */
    static Optional<Instant> snowflakeTime(String id) {
        try {
            long value = Long.parseLong(id);
            return value > 0
                    ? Optional.of(Instant.ofEpochMilli((value >>> 22) + SNOWFLAKE_EPOCH_MILLIS))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Photos as they are; videos and GIFs as their best MP4, else (no variant readable) their still. */
    private static List<SourceMedia> media(JsonNode tweet, Map<String, JsonNode> media) {
        List<SourceMedia> items = new ArrayList<>();
        for (JsonNode key : tweet.path("attachments").path("media_keys")) {
            JsonNode item = media.get(key.asText());
            if (item == null) {
                continue;
            }
            String type = item.path("type").asText();
            if (type.equals("photo") && item.hasNonNull("url")) {
                items.add(new SourceMedia(MediaKind.PHOTO, item.get("url").asText()));
            } else if (type.equals("video") || type.equals("animated_gif")) {
                Optional<String> mp4 = bestMp4(item);
                if (mp4.isPresent()) {
                    items.add(new SourceMedia(MediaKind.VIDEO, mp4.get()));
                } else if (item.hasNonNull("preview_image_url")) {
                    items.add(new SourceMedia(
                            MediaKind.PREVIEW_IMAGE,
                            item.get("preview_image_url").asText()));
                }
            }
        }
        return items;
    }

    private static Optional<String> bestMp4(JsonNode item) {
        String best = null;
        long bestRate = -1;
        for (JsonNode variant : item.path("variants")) {
            if (variant.path("content_type").asText().equals("video/mp4") && variant.hasNonNull("url")) {
                long rate = variant.path("bit_rate").asLong(0);
                if (rate > bestRate) {
                    bestRate = rate;
                    best = variant.get("url").asText();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static String replyTo(JsonNode tweet) {
        for (JsonNode reference : tweet.path("referenced_tweets")) {
            if (reference.path("type").asText().equals("replied_to")
                    && reference.path("id").isTextual()) {
                return XNaming.postUrl(reference.get("id").asText());
            }
        }
        return null;
    }
}
