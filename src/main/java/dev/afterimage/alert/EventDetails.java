package dev.afterimage.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.afterimage.diff.WordDiff;
import dev.afterimage.pdq.Dihedral;
import dev.afterimage.source.MediaKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an event says beyond its type, account and post: one record per {@link EventType}, serialised once into
 * {@code event.details} and read back by the payloads, the console and the API as fields, never as strings.
 * Component order is the order of the JSON fields.
 */
public sealed interface EventDetails {

    @JsonIgnore
    EventType type();

    /** What a message says about an event that has no post text to quote, or empty. */
    default Optional<String> words() {
        return Optional.empty();
    }

    /** One archived media file of a version, as an event lists it. */
    record MediaItem(MediaKind kind, String sha256) {}

    /**
     * @param livedAtLeastSeconds from publication to the last sighting; absent, like the two after it, when the
     *     platform gave no publication time
     * @param lived e.g. "57 min"
     * @param evidence what the platform answered for the post (e.g. "404 from the permalink")
     */
    record PostDeleted(
            String platformPostId,
            Instant publishedAt,
            Instant firstSeenAt,
            Instant lastSeenAt,
            Instant firstMissedAt,
            Instant confirmedGoneAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long livedAtLeastSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long livedAtMostSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lived,
            String evidence,
            String lastText,
            String contentHash,
            String rawSha256,
            List<MediaItem> media)
            implements EventDetails {

        @Override
        public EventType type() {
            return EventType.POST_DELETED;
        }

        @Override
        public Optional<String> words() {
            return Optional.ofNullable(evidence);
        }
    }

    /** @param missedVersions versions archived between the two that no poll saw as the newest */
    record PostEdited(
            long versionBefore,
            long versionAfter,
            String hashBefore,
            String hashAfter,
            String textBefore,
            String textAfter,
            List<WordDiff.Chunk> diff,
            int missedVersions)
            implements EventDetails {

        @Override
        public EventType type() {
            return EventType.POST_EDITED;
        }
    }

    record MediaChanged(
            long versionBefore,
            long versionAfter,
            String hashBefore,
            String hashAfter,
            List<MediaItem> mediaBefore,
            List<MediaItem> mediaAfter)
            implements EventDetails {

        @Override
        public EventType type() {
            return EventType.MEDIA_CHANGED;
        }
    }

    record PostRestored(String platformPostId, Instant deletedAt, Instant restoredAt) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.POST_RESTORED;
        }
    }

    /**
     * @param state the account's state, e.g. {@code GONE}
     * @param reason the state in words
     */
    record AccountUnavailable(String evidence, String state, String reason, Instant detectedAt)
            implements EventDetails {

        @Override
        public EventType type() {
            return EventType.ACCOUNT_UNAVAILABLE;
        }

        @Override
        public Optional<String> words() {
            return Optional.ofNullable(evidence != null ? evidence : reason);
        }
    }

    record AccountRestored(Instant detectedAt) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.ACCOUNT_RESTORED;
        }
    }

    record WatchFailing(Instant failingSince, int consecutiveUnknownPolls, String lastReason) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.WATCH_FAILING;
        }

        @Override
        public Optional<String> words() {
            return Optional.ofNullable(lastReason);
        }
    }

    record WatchRecovered(Instant failingSince, Instant recoveredAt, int unknownPolls) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.WATCH_RECOVERED;
        }
    }

    /**
     * @param summary the best match in one sentence, e.g. "This image was posted before by …"
     * @param lowQualityMatches matches on pictures too flat to trust: counted, never alerted on
     */
    record MediaReused(String summary, List<ReuseMatch> matches, int lowQualityMatches) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.MEDIA_REUSED;
        }
    }

    /** What a newly archived picture ({@code newMediaSha256}) matched. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = EarlierPost.class, name = "archive"),
        @JsonSubTypes.Type(value = ReferenceImage.class, name = "reference")
    })
    sealed interface ReuseMatch {

        int distance();

        Dihedral transform();

        String newMediaSha256();
    }

    /** The picture was archived before from another post. */
    record EarlierPost(
            long postId,
            String postUrl,
            String postState,
            long accountId,
            String account,
            Instant firstSeenAt,
            String mediaSha256,
            int distance,
            Dihedral transform,
            String newMediaSha256)
            implements ReuseMatch {}

    /** The picture is (a frame of) an image of a reference set. */
    record ReferenceImage(
            long referenceSetId,
            long referenceImageId,
            String referenceSet,
            String referenceName,
            String imageSha256,
            int distance,
            Dihedral transform,
            String newMediaSha256)
            implements ReuseMatch {}

    record WebhookDisabled(long webhookId, String url, String reason, Instant failingSince) implements EventDetails {

        @Override
        public EventType type() {
            return EventType.WEBHOOK_DISABLED;
        }

        @Override
        public Optional<String> words() {
            return Optional.ofNullable(reason);
        }
    }
}
