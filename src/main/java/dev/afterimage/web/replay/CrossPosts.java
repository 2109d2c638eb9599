package dev.afterimage.web.replay;

import dev.afterimage.archive.NormalisedContent;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.watch.Account;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The same statement published by the same publisher on other platforms: posts of the accounts in the post's
 * account group that have a version with the same normalised text. They stay separate posts (each has its own
 * life and may be deleted on its own); the archive only links them. Call inside a transaction.
 */
final class CrossPosts {

    /** A short common text ("Statement", "Video") could match hundreds of posts; the earliest ones are the useful. */
    private static final int MAX_SHOWN = 20;

    private CrossPosts() {}

    /** Another post carrying the same text: where it was published and where its archived copy is. */
    record CrossPost(String platform, String accountName, String url, String state, String archiveUrl) {}

    static List<CrossPost> of(Post post, Account account) {
        if (account == null || account.groupName == null) {
            return List.of();
        }
        List<String> texts = PostVersion.ofPost(post.id).stream()
                .map(version -> version.textSha256)
                .filter(hash -> hash != null && !hash.equals(NormalisedContent.NO_TEXT_HASH))
                .distinct()
                .toList();
        if (texts.isEmpty()) {
            return List.of();
        }
        Map<Long, Account> publishers =
                Account.<Account>list("groupName = ?1 and id <> ?2", account.groupName, account.id).stream()
                        .collect(Collectors.toMap(publisher -> publisher.id, publisher -> publisher));
        if (publishers.isEmpty()) {
            return List.of();
        }
        List<Post> others = Post.find(
                        "accountId in :accounts and id in (select v.postId from PostVersion v where v.textSha256 in :texts)"
                                + " order by publishedAt nulls last, id",
                        Map.of("accounts", publishers.keySet(), "texts", texts))
                .page(0, MAX_SHOWN)
                .list();
        return others.stream()
                .map(other -> {
                    Account publisher = publishers.get(other.accountId);
                    return new CrossPost(
                            publisher.platform.apiName(),
                            publisher.label != null ? publisher.label : publisher.handle,
                            other.url,
                            other.state.name(),
                            "/archive?url=" + URLEncoder.encode(other.url, StandardCharsets.UTF_8));
                })
                .toList();
    }
}
