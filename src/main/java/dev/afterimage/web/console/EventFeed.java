package dev.afterimage.web.console;

import dev.afterimage.alert.EventRecord;
import dev.afterimage.alert.EventType;
import dev.afterimage.watch.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Reads events for the live feed, named as a reader wants them: what happened, to which account. */
@ApplicationScoped
class EventFeed {

    private static final int FEED_SNIPPET_LENGTH = 140;

    private final Clock clock;

    EventFeed(Clock clock) {
        this.clock = clock;
    }

    /** The newest events, newest first, for the page's first render. */
    @Transactional
    List<FeedItem> latest(int limit) {
        List<EventRecord> events =
                EventRecord.find("order by id desc").page(0, limit).list();
        return items(events);
    }

    /** Events after the given id, oldest first, for the stream. */
    @Transactional
    List<FeedItem> after(long id, int limit) {
        return items(EventRecord.after(id, null, limit));
    }

    private List<FeedItem> items(List<EventRecord> events) {
        Map<Long, String> names = new HashMap<>();
        Map<Long, PostPreview> previews = PostPreview.of(events.stream()
                .map(event -> event.postId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return events.stream()
                .map(event -> item(
                        event,
                        event.accountId == null ? null : names.computeIfAbsent(event.accountId, EventFeed::name),
                        event.postId == null ? null : previews.get(event.postId)))
                .toList();
    }

    private FeedItem item(EventRecord event, String account, PostPreview preview) {
        Moment detected = Moment.of(event.detectedAt, clock.instant());
        return new FeedItem(
                event.id,
                event.type.name(),
                title(event.type),
                alarm(event.type),
                event.accountId,
                account,
                event.postUrl,
                event.postId == null ? null : "/console/posts/" + event.postId,
                detected.iso(),
                detected.utc(),
                preview == null || preview.text().isBlank() ? null : shortened(preview.snippet()));
    }

    private static String name(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) {
            return "removed account " + accountId;
        }
        return Wording.accountName(account.platform, account.label, account.handle);
    }

    /** A feed line names the post by its first words; its page has the rest. */
    private static String shortened(String snippet) {
        return snippet.length() <= FEED_SNIPPET_LENGTH
                ? snippet
                : snippet.substring(0, FEED_SNIPPET_LENGTH - 1).strip() + "…";
    }

    /** "POST_DELETED" reads as "Post deleted". */
    static String title(EventType type) {
        String words = type.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** What a researcher must not miss stands out in the feed. */
    private static boolean alarm(EventType type) {
        return switch (type) {
            case POST_DELETED, ACCOUNT_UNAVAILABLE, WATCH_FAILING, WEBHOOK_DISABLED, MEDIA_REUSED -> true;
            case POST_EDITED, MEDIA_CHANGED, POST_RESTORED, ACCOUNT_RESTORED, WATCH_RECOVERED -> false;
        };
    }
}
