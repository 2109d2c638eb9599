package dev.afterimage.web.archive;

import dev.afterimage.archive.NormalisedContent;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.watch.Account;
import java.util.List;
import java.util.Map;

/**
 * The same statement published by the same publisher on other platforms: posts of the accounts in the post's
 * account group that have a version with the same normalised text. They stay separate posts (each has its own
 * life and may be deleted on its own); the archive only links them. Call inside a transaction.
 */
final class CrossPosts {

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
        List<Post> others = Post.list(
                "id <> :post and accountId in (select a.id from Account a where a.groupName = :group and a.id <> :account)"
                        + " and id in (select v.postId from PostVersion v where v.textSha256 in :texts)"
                        + " order by publishedAt, id",
                Map.of("post", post.id, "group", account.groupName, "account", account.id, "texts", texts));
        return others.stream()
                .map(other -> {
                    Account publisher = Account.findById(other.accountId);
                    return new CrossPost(
                            publisher.platform.apiName(),
                            publisher.label != null ? publisher.label : publisher.handle,
                            other.url,
                            other.state.name(),
                            "/archive?url="
                                    + java.net.URLEncoder.encode(other.url, java.nio.charset.StandardCharsets.UTF_8));
                })
                .toList();
    }
}
