package dev.afterimage.source.telegram;

import static dev.afterimage.source.telegram.PageVariants.html;
import static dev.afterimage.source.telegram.PageVariants.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.Attachment;
import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import dev.afterimage.testkit.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The listing parser against the real captures of {@code t.me/s/durov} and {@code t.me/s/kpszsu}, and variants. */
class ListingParsingTest {

    private static final String T_ME = "https://t.me";
    private static final String DUROV = "telegram/channel-page-durov-excerpt.html";
    private static final String KPSZSU = "telegram/channel-page-kpszsu.html";

    @Test
    void durovPageListsItsPostsNewestFirstWithTheOlderPageCursor() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals(List.of("536", "535", "525", "524", "523"), ids(listing));
        assertEquals(Optional.of("523"), listing.olderPageCursor());
    }

    @Test
    void postsGetCanonicalUrlsWhateverBaseTheyAreGiven() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals("https://t.me/durov/523", post(listing, "523").url());
    }

    @Test
    void publishedAtIsTheMessageDateTime() {
        SourcePost post = post(durov(RealFixtures.read(DUROV)), "523");

        assertEquals(Instant.parse("2026-06-09T19:33:51Z"), post.publishedAt());
    }

    @Test
    void onlyThePostMarkedEditedIsEdited() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals(
                List.of("535"),
                listing.postsNewestFirst().stream()
                        .filter(SourcePost::edited)
                        .map(SourcePost::platformPostId)
                        .toList());
    }

    @Test
    void photoPostHasItsOnePhotoFromTheCdn() {
        SourcePost post = post(durov(RealFixtures.read(DUROV)), "536");

        assertEquals(1, post.media().size());
        SourceMedia photo = post.media().getFirst();
        assertEquals(MediaKind.PHOTO, photo.kind());
        assertTrue(
                photo.url().startsWith("https://cdn4.telesco.pe/file/e4T8Xz9-sbmgOyzFj83b_N-UKdVEcsJWJGd"),
                photo.url());
        assertTrue(photo.url().endsWith(".jpg"), photo.url());
        assertEquals("🇦🇫😈", post.text());
    }

    @Test
    void videoPostsHaveTheirVideoNotItsThumbnail() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        for (String id : List.of("523", "524")) {
            List<SourceMedia> media = post(listing, id).media();
            assertEquals(1, media.size(), id);
            assertEquals(MediaKind.VIDEO, media.getFirst().kind(), id);
            assertTrue(
                    media.getFirst().url().startsWith("https://cdn4.telesco.pe/file/"),
                    media.getFirst().url());
            assertTrue(
                    media.getFirst().url().contains(".mp4?token="),
                    media.getFirst().url());
        }
    }

    @Test
    void linkPreviewIsReadWithItsImage() {
        SourcePost post = post(durov(RealFixtures.read(DUROV)), "525");

        assertEquals(
                new LinkPreview(
                        "https://telegram.org/blog/watch-apps-and-more",
                        "Telegram",
                        "Smartwatch Apps, Rich Text for Bots, AI Guardians for Groups, and Much More",
                        "Today’s update brings Telegram to Apple Watch and Android smartwatches, adds filthy rich text for"
                                + " bots, lets AI admins screen new group members, and introduces smarter polls, browser"
                                + " controls, and much more."),
                post.linkPreview());
        assertEquals(1, post.media().size());
        assertEquals(MediaKind.PREVIEW_IMAGE, post.media().getFirst().kind());
        assertTrue(post.media().getFirst().url().startsWith("https://cdn4.telesco.pe/file/Rv7kp0JuFrEp"));
    }

    @Test
    void textKeepsLineBreaksAndEmojiAndNothingElse() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals(
                "⌚️ Telegram is now on Wear OS.\n\nOwners of Galaxy Watch, Pixel Watch, Xiaomi Watch and other"
                        + " smartwatches — enjoy! ☕️",
                post(listing, "524").text());
        assertEquals(
                "🔄 Telegram’s new update is out. Lots of great new features.\n\n😂 But most importantly: the"
                        + " announcement is actually fun to read.",
                post(listing, "525").text());
        assertFalse(post(listing, "523").text().contains("views"));
        assertFalse(post(listing, "523").text().contains("VIEW IN TELEGRAM"));
    }

    @Test
    void htmlKeepsFormattingAndLinksButNoScriptsHandlersOrStyles() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals(
                "⌚️ Telegram is now on <b>Wear OS</b>.<br><br>Owners of Galaxy Watch, Pixel Watch, Xiaomi Watch"
                        + " and other smartwatches — enjoy! ☕️",
                post(listing, "524").html());
        String withLink = post(listing, "525").html();
        assertTrue(
                withLink.contains(
                        "<a href=\"https://telegram.org/blog/watch-apps-and-more\" rel=\"nofollow noopener\">new update</a>"),
                withLink);
        for (SourcePost post : listing.postsNewestFirst()) {
            assertFalse(post.html().contains("onclick"), post.html());
            assertFalse(post.html().contains("<script"), post.html());
            assertFalse(post.html().contains("style="), post.html());
            assertFalse(post.html().contains("class="), post.html());
        }
    }

    @Test
    void viewsAndReactionsAreKeptAsShown() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        assertEquals("12.5M", post(listing, "523").views());
        assertEquals("4.91M", post(listing, "535").views());
        assertEquals("16.7K 191K 51.1K 44.8K", post(listing, "535").reactions());
    }

    @Test
    void plainPostsHaveNoMediaPreviewAttachmentForwardOrReply() {
        SourcePost post = post(durov(RealFixtures.read(DUROV)), "535");

        assertEquals(List.of(), post.media());
        assertNull(post.linkPreview());
        assertEquals(List.of(), post.attachments());
        assertNull(post.forwardedFrom());
        assertNull(post.replyTo());
    }

    @Test
    void rawFragmentIsTheMessageWrapOfThatPostOnly() {
        ParsedListing.Listing listing = durov(RealFixtures.read(DUROV));

        String raw = new String(post(listing, "535").rawFragment(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("<div class=\"tgme_widget_message_wrap js-widget_message_wrap\">"), raw);
        assertTrue(raw.contains("data-post=\"durov/535\""));
        assertFalse(raw.contains("durov/536"));
        assertTrue(raw.contains("designated me as a “terrorist”"), raw);
    }

    @Test
    void rawFragmentIsTheExactBytesOfTheResponse() {
        byte[] page = RealFixtures.read(DUROV);
        ParsedListing.Listing listing = durov(page);

        for (var post : listing.postsNewestFirst()) {
            String received = new String(page, StandardCharsets.UTF_8);
            String fragment = new String(post.rawFragment(), StandardCharsets.UTF_8);
            assertTrue(
                    received.contains(fragment),
                    "fragment of " + post.platformPostId() + " is not a slice of the page");
            assertTrue(fragment.endsWith("</div>"), fragment);
        }
    }

    @Test
    void kpszsuPageListsItsThreePostsWithTheOlderPageCursor() {
        ParsedListing.Listing listing = kpszsu(RealFixtures.read(KPSZSU));

        assertEquals(List.of("82768", "82767", "82766"), ids(listing));
        assertEquals(Optional.of("82751"), listing.olderPageCursor());
        assertEquals(
                "Реактивні БпЛА на півдні від Дніпра, курс на захід.",
                post(listing, "82768").text());
        assertEquals(
                "🏍 Реактивний БпЛА на півдні Дніпропетровщини, на південно-західний напрямок.",
                post(listing, "82766").text());
        assertEquals("🙏300 🫡6 ⚡3 🔥1", post(listing, "82766").reactions());
        assertEquals(
                Instant.parse("2026-10-04T11:59:33Z"), post(listing, "82768").publishedAt());
        assertEquals("8.09K", post(listing, "82768").views());
    }

    @Test
    void aRemovedMessageIsAbsentAndTheOthersRemain() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> doc.selectFirst("[data-post=durov/524]")
                .closest(".tgme_widget_message_wrap")
                .remove());

        assertEquals(List.of("536", "535", "525", "523"), ids(durov(page)));
    }

    @Test
    void aChangedTextIsReadAsTheNewText() {
        byte[] page =
                variant(RealFixtures.read(KPSZSU), doc -> doc.selectFirst("[data-post=kpszsu/82768] .js-message_text")
                        .text("Відбій тривоги."));

        assertEquals("Відбій тривоги.", post(kpszsu(page), "82768").text());
    }

    @Test
    void aChannelWithNoMessagesIsAnEmptyListing() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> {
            doc.select(".tgme_widget_message_wrap").remove();
            doc.select(".js-messages_more_wrap").remove();
        });

        ParsedListing.Listing listing = durov(page);
        assertEquals(List.of(), listing.postsNewestFirst());
        assertEquals(Optional.empty(), listing.olderPageCursor());
    }

    @Test
    void aLoadMoreLinkWithoutMessagesIsUnparseableNotEmpty() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> doc.select(".tgme_widget_message_wrap")
                .remove());

        assertInstanceOf(ParsedListing.Unparseable.class, parse(page, "durov"));
    }

    @Test
    void messagesWithoutPostIdsAreUnparseableNotEmpty() {
        byte[] page = variant(
                RealFixtures.read(DUROV), doc -> doc.select("[data-post]").removeAttr("data-post"));

        assertInstanceOf(ParsedListing.Unparseable.class, parse(page, "durov"));
    }

    @Test
    void messagesWithoutDatesAreUnparseableNotEmpty() {
        byte[] page = variant(RealFixtures.read(KPSZSU), doc -> doc.select("a.tgme_widget_message_date")
                .remove());

        assertInstanceOf(ParsedListing.Unparseable.class, parse(page, "kpszsu"));
    }

    @Test
    void oneUnreadableMessageLeavesTheOthersListed() {
        byte[] page = variant(RealFixtures.read(KPSZSU), doc -> doc.selectFirst("[data-post=kpszsu/82767]")
                .removeAttr("data-post"));

        assertEquals(List.of("82768", "82766"), ids(kpszsu(page)));
    }

    @Test
    void serviceMessagesAreSkipped() {
        byte[] page = variant(RealFixtures.read(KPSZSU), doc -> doc.selectFirst("[data-post=kpszsu/82767]")
                .addClass("service_message"));

        assertEquals(List.of("82768", "82766"), ids(kpszsu(page)));
    }

    @Test
    void aPageOfOnlyServiceMessagesIsAnEmptyListing() {
        byte[] page = variant(
                RealFixtures.read(KPSZSU), doc -> doc.select("[data-post]").addClass("service_message"));

        assertEquals(List.of(), ids(kpszsu(page)));
    }

    @Test
    void aPageWithoutALoadMoreLinkHasNoCursor() {
        byte[] page = variant(RealFixtures.read(KPSZSU), doc -> doc.select(".js-messages_more_wrap")
                .remove());

        assertEquals(Optional.empty(), kpszsu(page).olderPageCursor());
    }

    @Test
    void protocolRelativePhotoUrlsAreMadeHttps() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> {
            Element photo = doc.selectFirst("a.tgme_widget_message_photo_wrap");
            photo.attr("style", photo.attr("style").replace("https://cdn4", "//cdn4"));
        });

        assertTrue(post(durov(page), "536").media().getFirst().url().startsWith("https://cdn4.telesco.pe/file/"));
    }

    @Test
    void aVideoWithoutSourceKeepsItsStillAsAPhoto() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> doc.selectFirst("[data-post=durov/523] video")
                .remove());

        SourceMedia still = post(durov(page), "523").media().getFirst();
        assertEquals(MediaKind.PHOTO, still.kind());
        assertTrue(still.url().startsWith("https://cdn4.telesco.pe/file/d7GubgXgA70QGeuaub"), still.url());
    }

    @Test
    void anAlbumIsOnePostWithItsPhotosInOrder() {
        byte[] page = variant(RealFixtures.read(DUROV), doc -> {
            Element photo = doc.selectFirst("[data-post=durov/536] a.tgme_widget_message_photo_wrap");
            photo.before(
                    """
                    <div class="tgme_widget_message_grouped_wrap js-message_grouped_wrap"><div \
                    class="tgme_widget_message_grouped js-message_grouped"><div \
                    class="tgme_widget_message_grouped_layer js-message_grouped_layer">\
                    <a class="tgme_widget_message_photo_wrap grouped_media_wrap blured js-message_photo" \
                    href="https://t.me/durov/536?single" \
                    style="width:400px;background-image:url('//cdn.example/1.jpg')"></a>\
                    <a class="tgme_widget_message_photo_wrap grouped_media_wrap blured js-message_photo" \
                    href="https://t.me/durov/537?single" \
                    style="width:400px;background-image:url('//cdn.example/2.jpg')"></a>\
                    </div></div></div>""");
            photo.remove();
        });

        ParsedListing.Listing listing = durov(page);

        assertEquals(List.of("536", "535", "525", "524", "523"), ids(listing));
        assertEquals(
                List.of(
                        new SourceMedia(MediaKind.PHOTO, "https://cdn.example/1.jpg"),
                        new SourceMedia(MediaKind.PHOTO, "https://cdn.example/2.jpg")),
                post(listing, "536").media());
    }

    @Test
    void documentsAreAttachmentsWithTheirTitleAndSize() {
        byte[] page = variant(
                RealFixtures.read(DUROV),
                doc -> doc.selectFirst("[data-post=durov/535]" + " .tgme_widget_message_text")
                        .before(
                                """
                <div class="tgme_widget_message_document_wrap"><div class="tgme_widget_message_document">\
                <div class="tgme_widget_message_document_title accent_color" dir="auto">report.pdf</div>\
                <div class="tgme_widget_message_document_extra" dir="auto">1.2 MB</div></div></div>"""));

        assertEquals(
                List.of(new Attachment("report.pdf", "1.2 MB")),
                post(durov(page), "535").attachments());
    }

    @Test
    void aReplyLinksToTheCanonicalParentAndItsQuoteIsNotThePostsText() {
        byte[] page = variant(
                RealFixtures.read(DUROV),
                doc -> doc.selectFirst("[data-post=durov/536]" + " .tgme_widget_message_text")
                        .before(
                                """
                <a class="tgme_widget_message_reply" href="https://t.me/s/durov/525?single"><div \
                class="tgme_widget_message_author accent_color"><span class="tgme_widget_message_author_name" \
                dir="auto">Pavel Durov</span></div><div class="tgme_widget_message_metatext js-message_reply_text" \
                dir="auto">Telegram’s new update is out.</div></a>"""));

        SourcePost post = post(durov(page), "536");
        assertEquals("https://t.me/durov/525", post.replyTo());
        assertEquals("🇦🇫😈", post.text());
    }

    @Test
    void relativeLinksInTheTextBecomeTelegramLinks() {
        byte[] page = variant(
                RealFixtures.read(KPSZSU), doc -> doc.selectFirst("[data-post=kpszsu/82768]" + " .js-message_text")
                        .append(" <a href=\"?q=%23ППО\">#ППО</a>"));

        SourcePost post = post(kpszsu(page), "82768");
        String link = "<a href=\"https://t.me/s/kpszsu?q=%23ППО\" rel=\"nofollow noopener\">#ППО</a>";
        assertTrue(post.html().contains(link), post.html());
        assertEquals("Реактивні БпЛА на півдні від Дніпра, курс на захід. #ППО", post.text());
    }

    @Test
    void aTrailingSlashOnTheCanonicalBaseChangesNoUrl() {
        ParsedListing listing = TelegramPageParser.parseListing(RealFixtures.read(DUROV), "durov", "https://t.me/");

        assertEquals(
                "https://t.me/durov/536",
                assertInstanceOf(ParsedListing.Listing.class, listing)
                        .postsNewestFirst()
                        .getFirst()
                        .url());
    }

    @Test
    void theChannelsOwnPageForAnotherNameIsNotAChannelPage() {
        assertInstanceOf(ParsedListing.NotAChannelPage.class, parse(RealFixtures.read(DUROV), "kpszsu"));
    }

    @Test
    void aLoginFormIsNotAChannelPage() {
        byte[] loginWall = html(
                """
                <!DOCTYPE html><html><head><title>Log in</title></head><body>
                <form action="/login" method="post"><input name="phone"><button>Next</button></form>
                </body></html>""");

        assertInstanceOf(ParsedListing.NotAChannelPage.class, parse(loginWall, "durov"));
    }

    @Test
    void anEmptyBodyIsNotAChannelPage() {
        assertInstanceOf(ParsedListing.NotAChannelPage.class, parse(new byte[0], "durov"));
    }

    @Test
    void theLandingPageIsNotAChannelPage() {
        byte[] landing = RealFixtures.read("telegram/landing-nonexistent-username.html");

        assertInstanceOf(ParsedListing.NotAChannelPage.class, parse(landing, "zzqwxnonexistentchannel12345"));
    }

    @Test
    void anEmbedPageIsNotAChannelPage() {
        byte[] embed = RealFixtures.read("telegram/embed-existing-durov-523.html");

        assertInstanceOf(ParsedListing.NotAChannelPage.class, parse(embed, "durov"));
    }

    private static ParsedListing parse(byte[] page, String channel) {
        return TelegramPageParser.parseListing(page, channel, T_ME);
    }

    private static ParsedListing.Listing durov(byte[] page) {
        return assertInstanceOf(ParsedListing.Listing.class, parse(page, "durov"));
    }

    private static ParsedListing.Listing kpszsu(byte[] page) {
        return assertInstanceOf(ParsedListing.Listing.class, parse(page, "kpszsu"));
    }

    private static List<String> ids(ParsedListing.Listing listing) {
        return listing.postsNewestFirst().stream()
                .map(SourcePost::platformPostId)
                .toList();
    }

    private static SourcePost post(ParsedListing.Listing listing, String id) {
        return listing.postsNewestFirst().stream()
                .filter(post -> post.platformPostId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no post " + id + " in " + ids(listing)));
    }
}
