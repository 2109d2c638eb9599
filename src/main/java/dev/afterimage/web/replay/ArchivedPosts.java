package dev.afterimage.web.replay;

import dev.afterimage.archive.Media;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostState;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.detect.Lifetimes;
import dev.afterimage.source.MediaKind;
import dev.afterimage.watch.Account;
import dev.afterimage.web.memento.Memento;
import dev.afterimage.web.memento.MementoTimestamps;
import dev.afterimage.web.memento.TimeMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Builds what the archive shows of a post: the page, and its Memento time map. Call inside a transaction. */
@ApplicationScoped
public class ArchivedPosts {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The versions of a post, oldest first, each with its memento URL. */
    TimeMap timeMap(Post post, List<PostVersion> versions, String baseUrl) {
        List<Memento> mementos = versions.stream()
                .map(version -> new Memento(seconds(version.observedAt), baseUrl + mementoPath(version, post)))
                .toList();
        return new TimeMap(
                post.url,
                baseUrl + "/web/" + inPath(post.url),
                baseUrl + "/timemap/link/" + inPath(post.url),
                baseUrl + "/timemap/json/" + inPath(post.url),
                mementos);
    }

    public ArchivedPostPage page(Post post, List<PostVersion> versions, PostVersion selected) {
        Account account = Account.findById(post.accountId);
        List<ArchivedPostPage.VersionBlock> blocks = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            PostVersion version = versions.get(i);
            String diff = i == 0 ? null : DiffHtml.between(versions.get(i - 1).text, version.text);
            blocks.add(new ArchivedPostPage.VersionBlock(
                    i + 1,
                    moment(version.observedAt),
                    sanitised(version.html),
                    diff,
                    version.editedMarker,
                    media(version),
                    version.contentHash,
                    version.rawSha256,
                    "/web/" + MementoTimestamps.format14(version.observedAt) + "id_/" + inPath(post.url),
                    mementoPath(version, post)));
        }
        int selectedIndex = versions.indexOf(selected);
        if (selectedIndex > 0) {
            blocks.addFirst(blocks.remove(versions.size() - 1 - selectedIndex));
        }
        return new ArchivedPostPage(
                account == null ? "deleted account" : (account.label != null ? account.label : "@" + account.handle),
                account == null ? null : account.handle,
                account == null ? null : account.platform.apiName(),
                account == null ? null : account.canonicalUrl,
                post.url,
                post.state.name(),
                isNewest(post, selected) ? deletedBanner(post) : null,
                moment(post.publishedAt),
                moment(post.firstSeenAt),
                moment(post.lastSeenAt),
                blocks,
                "/timemap/link/" + inPath(post.url),
                "/api/posts/" + post.id,
                CrossPosts.of(post, account),
                account == null
                        ? "account " + post.accountId + " (deleted)"
                        : account.platform.apiName() + " account " + account.handle,
                post.linkedUrl);
    }

    /** Only the newest version is shown with what happened after it; an older memento shows the post as it was then. */
    private static boolean isNewest(Post post, PostVersion selected) {
        return PostVersion.newestOf(post.id)
                .map(newest -> newest.id.equals(selected.id))
                .orElse(false);
    }

    private static String deletedBanner(Post post) {
        if (post.state != PostState.DELETED || post.deletedAt == null) {
            return null;
        }
        String banner = "Deleted — detected " + UTC.format(post.deletedAt);
        if (post.publishedAt != null) {
            banner += ", " + Lifetimes.human(Duration.between(post.publishedAt, post.deletedAt)) + " after publication";
        }
        return banner;
    }

    private static List<ArchivedPostPage.MediaItem> media(PostVersion version) {
        return VersionMedia.ofVersion(version.id).stream()
                .map(link -> {
                    Media media = link.mediaSha256 == null ? null : Media.findById(link.mediaSha256);
                    if (media == null) {
                        return new ArchivedPostPage.MediaItem(
                                link.kind.name(), null, null, null, null, null, false, false, true);
                    }
                    String dimensions = media.width == null ? null : media.width + " × " + media.height;
                    return new ArchivedPostPage.MediaItem(
                            link.kind.name(),
                            "/media/" + media.sha256,
                            media.sha256,
                            size(media.sizeBytes),
                            media.contentType,
                            dimensions,
                            media.contentType.startsWith("image/") && link.kind != MediaKind.VIDEO,
                            media.contentType.startsWith("video/"),
                            false);
                })
                .toList();
    }

    /** Sanitised again at rendering: whatever is in the database, only harmless markup reaches a reader. */
    private static String sanitised(String html) {
        return Jsoup.clean(
                html,
                Safelist.basic()
                        .addAttributes("a", "rel")
                        .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer"));
    }

    static String mementoPath(PostVersion version, Post post) {
        return "/web/" + MementoTimestamps.format14(version.observedAt) + "/" + inPath(post.url);
    }

    /**
     * A post URL as the end of an archive path: a '#' (in a feed entry's {@code MentionUrl}) is escaped, or the
     * browser would keep the rest to itself as a fragment.
     */
    public static String inPath(String url) {
        return url.replace("#", "%23");
    }

    private static ArchivedPostPage.Moment moment(Instant instant) {
        return instant == null ? null : new ArchivedPostPage.Moment(UTC.format(instant), instant.toString());
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
