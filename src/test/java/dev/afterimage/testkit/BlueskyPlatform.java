package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** A {@link FakeBluesky} account as a {@link FakePlatform}: its author feed is the listing, a post's thread its check. */
public final class BlueskyPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final String XRPC = "/xrpc/";

    private final FakeBluesky account;
    private long lastNumber;

    public BlueskyPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        int number = ACCOUNTS.incrementAndGet();
        String unique = Long.toString(System.nanoTime() % 1_000_000, 36);
        account = new FakeBluesky(
                "contract-" + number + "-" + unique + ".bsky.social",
                BlueskyScenario.did("contract" + number + unique));
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        FakeBluesky.Post post = account.post(++lastNumber, now().minus(age), text);
        for (String url : photoUrls) {
            post.photo(url);
        }
        return post.recordKey();
    }

    @Override
    public void editText(String postId, String newText) {
        account.existing(number(postId)).rewrite(newText, now());
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        account.existing(number(postId)).replacePhotos(List.of(photoUrls), now());
    }

    @Override
    public void delete(String postId) {
        account.delete(number(postId));
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault(
                get(urlPathEqualTo(XRPC + "app.bsky.feed.getPostThread"))
                        .withQueryParam("uri", equalTo(account.atUri(number(postId)))),
                answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault(
                get(urlPathEqualTo(XRPC + "app.bsky.feed.getAuthorFeed"))
                        .withQueryParam(
                                "actor",
                                matching(Pattern.quote(account.handle()) + "|" + Pattern.quote(account.did()))),
                answer);
    }

    /** Deactivation is how a Bluesky account vanishes and comes back. */
    @Override
    public void setAccountGone(boolean gone) {
        account.setDeactivated(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        account.pageSize(postsPerPage);
    }

    @Override
    public String postUrl(String postId) {
        return "https://bsky.app/profile/" + account.handle() + "/post/" + postId;
    }

    @Override
    public String pastedUrl(String postId) {
        return postUrl(postId).replace("https://", "http://") + "?ref=share";
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    @Override
    public String goneEvidence() {
        return "NotFound";
    }

    @Override
    protected void install() {
        account.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", "https://bsky.app/profile/" + account.handle(), "label", "Ministry");
    }

    @Override
    protected String picturePath(String name) {
        return "/img/feed_fullsize/plain/" + account.did() + "/" + name + "@jpeg";
    }

    private long number(String recordKey) {
        for (long n = 1; n <= lastNumber; n++) {
            if (FakeBluesky.recordKey(n).equals(recordKey)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no post " + recordKey + " of " + account.handle());
    }
}
