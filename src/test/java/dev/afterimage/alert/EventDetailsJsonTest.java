package dev.afterimage.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.afterimage.diff.WordDiff;
import dev.afterimage.pdq.Dihedral;
import dev.afterimage.source.MediaKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON of each event type is a contract with webhook receivers and API clients: field names, their order, and
 * which fields are left out, as receivers have seen them since the details were plain maps.
 */
@QuarkusTest
class EventDetailsJsonTest {

    private static final Instant T0 = Instant.parse("2017-11-14T09:00:00Z");
    private static final Instant T1 = Instant.parse("2017-11-14T09:57:00Z");

    @Inject
    EventDetailsJson json;

    static Stream<EventDetails> everyType() {
        return Stream.of(
                new EventDetails.PostDeleted(
                        "523",
                        T0,
                        T0,
                        T1,
                        T1,
                        T1,
                        3420L,
                        3420L,
                        "57 min",
                        "404 from the permalink",
                        "Evidence",
                        "c".repeat(64),
                        "r".repeat(64),
                        List.of(new EventDetails.MediaItem(MediaKind.PHOTO, "m"))),
                new EventDetails.PostEdited(1, 2, "a", "b", "one", "two", WordDiff.between("one", "two"), 0),
                new EventDetails.MediaChanged(
                        1,
                        2,
                        "a",
                        "b",
                        List.of(new EventDetails.MediaItem(MediaKind.PHOTO, "x")),
                        List.of(new EventDetails.MediaItem(MediaKind.VIDEO, null))),
                new EventDetails.PostRestored("523", T0, T1),
                new EventDetails.AccountUnavailable("404 from the profile", "GONE", "gone", T1),
                new EventDetails.AccountRestored(T1),
                new EventDetails.WatchFailing(T0, 5, "timeout"),
                new EventDetails.WatchRecovered(T0, T1, 5),
                new EventDetails.MediaReused(
                        "This image was posted before.",
                        List.of(
                                new EventDetails.EarlierPost(
                                        7, "https://t.me/a/1", "LIVE", 3, "@a", T0, "e", 4, Dihedral.ORIGINAL, "n"),
                                new EventDetails.ReferenceImage(
                                        2, 9, "Trailers", "ac130.mp4#t=14", "i", 12, Dihedral.MIRROR_HORIZONTAL, "n")),
                        1),
                new EventDetails.WebhookDisabled(4, "https://hooks.example/x", "410 Gone", T0));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void eachTypeReadsBackAsTheRecordItWasWrittenFrom(EventDetails details) {
        EventRecord stored = new EventRecord();
        stored.type = details.type();
        stored.details = json.write(details);

        assertEquals(details, json.read(stored));
    }

    @Test
    void everyEventTypeHasItsOwnRecord() {
        assertEquals(
                Arrays.asList(EventType.values()),
                everyType().map(EventDetails::type).toList());
        everyType()
                .forEach(details ->
                        assertEquals(details.getClass(), details.type().detailsType()));
    }

    @Test
    void deletionOfAPostWithoutPublicationTimeLeavesOutItsLifetime() {
        String written = json.write(new EventDetails.PostDeleted(
                "9", null, T0, T0, T1, T1, null, null, null, "410", "text", "h", "r", List.of()));

        assertEquals(
                "{\"platformPostId\":\"9\",\"publishedAt\":null,\"firstSeenAt\":\"2017-11-14T09:00:00Z\","
                        + "\"lastSeenAt\":\"2017-11-14T09:00:00Z\",\"firstMissedAt\":\"2017-11-14T09:57:00Z\","
                        + "\"confirmedGoneAt\":\"2017-11-14T09:57:00Z\",\"evidence\":\"410\",\"lastText\":\"text\","
                        + "\"contentHash\":\"h\",\"rawSha256\":\"r\",\"media\":[]}",
                written);
    }

    @Test
    void editAndReuseKeepTheFieldsReceiversKnow() {
        assertEquals(
                "{\"versionBefore\":1,\"versionAfter\":2,\"hashBefore\":\"a\",\"hashAfter\":\"b\","
                        + "\"textBefore\":\"one two\",\"textAfter\":\"one three\",\"diff\":["
                        + "{\"op\":\"EQUAL\",\"text\":\"one \"},{\"op\":\"DELETE\",\"text\":\"two\"},"
                        + "{\"op\":\"INSERT\",\"text\":\"three\"}],\"missedVersions\":0}",
                json.write(new EventDetails.PostEdited(
                        1, 2, "a", "b", "one two", "one three", WordDiff.between("one two", "one three"), 0)));
        assertEquals(
                "{\"summary\":\"S.\",\"matches\":[{\"kind\":\"archive\",\"postId\":7,\"postUrl\":\"u\","
                        + "\"postState\":\"LIVE\",\"accountId\":3,\"account\":\"@a\","
                        + "\"firstSeenAt\":\"2017-11-14T09:00:00Z\",\"mediaSha256\":\"e\",\"distance\":4,"
                        + "\"transform\":\"ORIGINAL\",\"newMediaSha256\":\"n\"}],\"lowQualityMatches\":0}",
                json.write(new EventDetails.MediaReused(
                        "S.",
                        List.of(new EventDetails.EarlierPost(
                                7, "u", "LIVE", 3, "@a", T0, "e", 4, Dihedral.ORIGINAL, "n")),
                        0)));
    }

    @Test
    void detailsStoredWithFieldsInAnotherOrderStillRead() {
        EventRecord stored = new EventRecord();
        stored.type = EventType.ACCOUNT_UNAVAILABLE;
        stored.details = "{\"reason\":\"gone\",\"detectedAt\":\"2017-11-14T09:57:00Z\",\"state\":\"GONE\","
                + "\"evidence\":\"404\"}";

        assertEquals(new EventDetails.AccountUnavailable("404", "GONE", "gone", T1), json.read(stored));
    }
}
