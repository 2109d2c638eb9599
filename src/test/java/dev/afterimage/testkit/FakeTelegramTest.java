package dev.afterimage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.telegram.EmbedResult;
import dev.afterimage.source.telegram.LandingResult;
import dev.afterimage.source.telegram.ParsedListing;
import dev.afterimage.source.telegram.TelegramPageParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** FakeTelegram's pages, read by the real parser, say exactly what its model holds. */
class FakeTelegramTest {

    private static final String T_ME = "https://t.me";
    static final Instant MORNING = Instant.parse("2026-07-20T08:00:00Z");

    private final FakeTelegram channel = new FakeTelegram("mod_russia", "Ministry of Defence");

    @Test
    void newestPageParsesIntoExactlyTheModel() {
        channel.post(101, MORNING, "Сводка за сутки.\nПодробности — ниже 🚀").views("1.2K");
        channel.post(102, MORNING.plusSeconds(60), "<script>alert(1)</script> & \"quoted\"")
                .edited();
        channel.post(103, MORNING.plusSeconds(120), "").photo("https://cdn.example/103.jpg");
        channel.post(104, MORNING.plusSeconds(180), "Смотрите видео").video("https://cdn.example/104.mp4?token=x");
        channel.post(105, MORNING.plusSeconds(240), "Reposted").forwardedFrom("Another Channel");
        channel.post(106, MORNING.plusSeconds(300), "Read this")
                .linkPreview(
                        new LinkPreview("https://news.example/a", "News", "A headline", "A description"),
                        "https://cdn.example/card.jpg");

        ParsedListing.Listing listing = listing(channel.listingPage(Optional.empty(), 20));

        assertEquals(List.of("106", "105", "104", "103", "102", "101"), ids(listing));
        assertEquals(Optional.empty(), listing.olderPageCursor());
        for (SourcePost post : listing.postsNewestFirst()) {
            assertMatchesModel(channel.message(Long.parseLong(post.platformPostId())), post);
        }
    }

    @Test
    void fullMarkupWeighsAsARealListingAndReadsTheSame() {
        channel.post(101, MORNING, "Сводка за сутки.\nПодробности — ниже 🚀").views("1.2K");
        channel.post(102, MORNING.plusSeconds(60), "").photo("https://cdn.example/102.jpg");
        String light = channel.listingPage(Optional.empty(), 20);
        String full = channel.fullMarkup(true).listingPage(Optional.empty(), 20);

        int perMessage =
                (full.getBytes(StandardCharsets.UTF_8).length - light.getBytes(StandardCharsets.UTF_8).length) / 2;
        assertTrue(perMessage > 2000, "each message gains the markup of a real one: " + perMessage + " bytes");
        List<SourcePost> read = listing(full).postsNewestFirst();
        List<SourcePost> lightRead = listing(light).postsNewestFirst();
        assertEquals(ids(listing(light)), ids(listing(full)));
        for (int i = 0; i < read.size(); i++) {
            assertEquals(lightRead.get(i).text(), read.get(i).text());
            assertEquals(lightRead.get(i).html(), read.get(i).html());
            assertEquals(lightRead.get(i).media(), read.get(i).media());
            assertEquals(lightRead.get(i).views(), read.get(i).views());
        }
    }

    @Test
    void albumIsOnePostWithItsMediaInOrder() {
        channel.post(200, MORNING, "Альбом")
                .photo("https://cdn.example/a.jpg")
                .video("https://cdn.example/b.mp4")
                .photo("https://cdn.example/c.jpg");

        SourcePost album = listing(channel.listingPage(Optional.empty(), 20))
                .postsNewestFirst()
                .getFirst();

        assertEquals(
                List.of(
                        new SourceMedia(MediaKind.PHOTO, "https://cdn.example/a.jpg"),
                        new SourceMedia(MediaKind.VIDEO, "https://cdn.example/b.mp4"),
                        new SourceMedia(MediaKind.PHOTO, "https://cdn.example/c.jpg")),
                album.media());
        assertEquals("Альбом", album.text());
    }

    @Test
    void pagesChainThroughCursorsFromNewestToOldest() {
        LongStream.rangeClosed(1, 45).forEach(id -> channel.post(id, MORNING.plusSeconds(id), "Post " + id));

        ParsedListing.Listing newest = listing(channel.listingPage(Optional.empty(), 20));
        ParsedListing.Listing middle = listing(channel.listingPage(Optional.of(26L), 20));
        ParsedListing.Listing oldest = listing(channel.listingPage(Optional.of(6L), 20));

        assertEquals(range(45, 26), ids(newest));
        assertEquals(Optional.of("26"), newest.olderPageCursor());
        assertEquals(range(25, 6), ids(middle));
        assertEquals(Optional.of("6"), middle.olderPageCursor());
        assertEquals(range(5, 1), ids(oldest));
        assertEquals(Optional.empty(), oldest.olderPageCursor());
    }

    @Test
    void editedMessageShowsItsNewTextAndTheEditedMark() {
        channel.post(7, MORNING, "Before");
        channel.edit(7, "After");

        SourcePost post = listing(channel.listingPage(Optional.empty(), 20))
                .postsNewestFirst()
                .getFirst();

        assertEquals("After", post.text());
        assertEquals(true, post.edited());
    }

    @Test
    void replacedMediaShowsTheNewUrls() {
        channel.post(8, MORNING, "Photo").photo("https://cdn.example/old.jpg");
        channel.message(8).clearMedia().photo("https://cdn.example/new.jpg").edited();

        SourcePost post = listing(channel.listingPage(Optional.empty(), 20))
                .postsNewestFirst()
                .getFirst();

        assertEquals(List.of(new SourceMedia(MediaKind.PHOTO, "https://cdn.example/new.jpg")), post.media());
    }

    @Test
    void deletedMessageLeavesAGapAndItsEmbedSaysPostNotFound() {
        channel.post(1, MORNING, "One");
        channel.post(2, MORNING.plusSeconds(1), "Two");
        channel.post(3, MORNING.plusSeconds(2), "Three");
        channel.delete(2);

        assertEquals(List.of("3", "1"), ids(listing(channel.listingPage(Optional.empty(), 20))));
        assertEquals(new EmbedResult.NotFound("Post not found"), embed(channel.embedPage(2), 2));
    }

    @Test
    void embedShowsTheSamePostAsTheListing() {
        channel.post(9, MORNING, "Same\ntext")
                .photo("https://cdn.example/9.jpg")
                .views("5")
                .edited();

        SourcePost embedded = assertInstanceOf(EmbedResult.Found.class, embed(channel.embedPage(9), 9))
                .post();

        assertMatchesModel(channel.message(9), embedded);
    }

    @Test
    void channelWithoutMessagesIsAnEmptyListing() {
        ParsedListing.Listing listing = listing(channel.listingPage(Optional.empty(), 20));

        assertEquals(List.of(), listing.postsNewestFirst());
        assertEquals(Optional.empty(), listing.olderPageCursor());
    }

    @Test
    void goneChannelsLandingIsNoSuchAccount() {
        channel.setGone(true);

        assertInstanceOf(LandingResult.NoSuchAccount.class, landing(channel.landingPage()));
    }

    @Test
    void publicChannelsLandingIsNeverTakenForGone() {
        assertInstanceOf(LandingResult.Unrecognised.class, landing(channel.landingPage()));
    }

    private static void assertMatchesModel(FakeMessage message, SourcePost post) {
        String id = Long.toString(message.id());
        assertEquals(id, post.platformPostId());
        assertEquals("https://t.me/mod_russia/" + id, post.url(), id);
        assertEquals(message.published(), post.publishedAt(), id);
        assertEquals(message.text(), post.text(), id);
        assertEquals(message.isEdited(), post.edited(), id);
        assertEquals(expectedMedia(message), post.media(), id);
        assertEquals(message.linkPreview(), post.linkPreview(), id);
        assertEquals(message.forwardedFrom(), post.forwardedFrom(), id);
        assertEquals(message.views(), post.views(), id);
        assertEquals(List.of(), post.attachments(), id);
        assertNull(post.replyTo(), id);
    }

    private static List<SourceMedia> expectedMedia(FakeMessage message) {
        List<SourceMedia> media = new ArrayList<>(message.media());
        if (message.linkPreviewImage() != null) {
            media.add(new SourceMedia(MediaKind.PREVIEW_IMAGE, message.linkPreviewImage()));
        }
        return media;
    }

    private static ParsedListing.Listing listing(String page) {
        return listing(page.getBytes(StandardCharsets.UTF_8));
    }

    static ParsedListing.Listing listing(byte[] page) {
        return assertInstanceOf(ParsedListing.Listing.class, TelegramPageParser.parseListing(page, "mod_russia", T_ME));
    }

    private static EmbedResult embed(String page, long id) {
        return embed(page.getBytes(StandardCharsets.UTF_8), id);
    }

    static EmbedResult embed(byte[] page, long id) {
        return TelegramPageParser.parseEmbed(page, "mod_russia", Long.toString(id), T_ME);
    }

    private static LandingResult landing(String page) {
        return landing(page.getBytes(StandardCharsets.UTF_8));
    }

    static LandingResult landing(byte[] page) {
        return TelegramPageParser.parseLanding(page);
    }

    static List<String> ids(ParsedListing.Listing listing) {
        return listing.postsNewestFirst().stream()
                .map(SourcePost::platformPostId)
                .toList();
    }

    static List<String> range(long newest, long oldest) {
        return LongStream.iterate(newest, id -> id >= oldest, id -> id - 1)
                .mapToObj(Long::toString)
                .toList();
    }
}
