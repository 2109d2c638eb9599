package dev.afterimage.source.telegram;

import dev.afterimage.source.SourcePost;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a channel listing page ({@code t.me/s/<channel>}) turned out to be. Only {@link Listing} says anything about
 * the channel's posts; the other two prove nothing and must be treated as "don't know".
 */
public sealed interface ParsedListing {

    /**
     * The channel's page with its posts. An existing channel with no posts is a listing with no posts.
     *
     * @param postsNewestFirst the posts on the page, highest message id first
     * @param olderPageCursor the {@code before} value that fetches the next older page; empty on the oldest page
     */
    record Listing(List<SourcePost> postsNewestFirst, Optional<String> olderPageCursor) implements ParsedListing {
        public Listing {
            postsNewestFirst = List.copyOf(postsNewestFirst);
            Objects.requireNonNull(olderPageCursor, "olderPageCursor");
        }
    }

    /** The page carries no channel markup at all: a login wall, an error page, another kind of page. */
    record NotAChannelPage(String why) implements ParsedListing {}

    /**
     * The page is a channel page with message markup, yet not one message could be read: the markup has changed.
     * Kept apart from an empty {@link Listing} so that it can never pass for a channel whose posts all vanished.
     */
    record Unparseable(String why) implements ParsedListing {}
}
