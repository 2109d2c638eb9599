package dev.afterimage.testkit;

import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One message of a {@link FakeTelegram} channel, changed in place by a test (fluently) and rendered on the next page
 * the fake serves. Telegram shows times to the second, so the publication time is kept to the second.
 */
public final class FakeMessage {

    private final long id;
    private final Instant published;
    private String text;
    private final List<SourceMedia> media = new ArrayList<>();
    private boolean edited;
    private String views;
    private String forwardedFrom;
    private LinkPreview linkPreview;
    private String linkPreviewImage;

    FakeMessage(long id, Instant published, String text) {
        this.id = id;
        this.published = Objects.requireNonNull(published, "published").truncatedTo(ChronoUnit.SECONDS);
        this.text = Objects.requireNonNull(text, "text");
    }

    /** Adds a photo; two or more media items make an album (one post, Telegram's grouped layout). */
    public FakeMessage photo(String url) {
        media.add(new SourceMedia(MediaKind.PHOTO, url));
        return this;
    }

    /** Adds a video Telegram serves on the web (a {@code <video src>}). */
    public FakeMessage video(String url) {
        media.add(new SourceMedia(MediaKind.VIDEO, url));
        return this;
    }

    /** Removes all photos and videos, e.g. before adding the ones that replace them. */
    public FakeMessage clearMedia() {
        media.clear();
        return this;
    }

    /** Marks the message edited, as Telegram does after any change of its text or media. */
    public FakeMessage edited() {
        edited = true;
        return this;
    }

    /** Replaces the text; the edited mark is left as it is (see {@link FakeTelegram#edit}). */
    public FakeMessage text(String newText) {
        text = Objects.requireNonNull(newText, "newText");
        return this;
    }

    /** The view counter as Telegram shows it, e.g. "12.5M"; null shows none. */
    public FakeMessage views(String shown) {
        views = shown;
        return this;
    }

    /** Shows the message as forwarded from the named source; null shows it as the channel's own. */
    public FakeMessage forwardedFrom(String name) {
        forwardedFrom = name;
        return this;
    }

    /**
     * Shows a link preview card under the text.
     *
     * @param imageUrl the card's image, or null for a card without one
     */
    public FakeMessage linkPreview(LinkPreview card, String imageUrl) {
        linkPreview = Objects.requireNonNull(card, "card");
        linkPreviewImage = imageUrl;
        return this;
    }

    public long id() {
        return id;
    }

    public Instant published() {
        return published;
    }

    public String text() {
        return text;
    }

    /** The photos and videos in the order added. */
    public List<SourceMedia> media() {
        return List.copyOf(media);
    }

    public boolean isEdited() {
        return edited;
    }

    public String views() {
        return views;
    }

    public String forwardedFrom() {
        return forwardedFrom;
    }

    public LinkPreview linkPreview() {
        return linkPreview;
    }

    public String linkPreviewImage() {
        return linkPreviewImage;
    }
}
