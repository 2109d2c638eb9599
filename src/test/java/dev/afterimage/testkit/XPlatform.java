package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FakeX} account as a {@link FakePlatform}: its timeline is the listing, the id lookup the check. */
public final class XPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final FakeX account;
    private final WrittenPosts written = new WrittenPosts();

    public XPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        // X usernames are at most 15 characters.
        account = new FakeX("xc" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36));
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        String id = String.valueOf(account.post(now().minus(age), text, photoUrls));
        written.wrote(id, text, photoUrls);
        return id;
    }

    @Override
    public void editText(String postId, String newText) {
        String[] photos = written.get(postId).photoArray();
        account.edit(Long.parseLong(postId), now(), newText, photos);
        written.wrote(postId, newText, photos);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        String text = written.get(postId).text();
        account.edit(Long.parseLong(postId), now(), text, photoUrls);
        written.wrote(postId, text, photoUrls);
    }

    @Override
    public void delete(String postId) {
        account.delete(Long.parseLong(postId));
    }

    /** The lookup is asked for a batch of ids at once, so the fault takes every lookup. */
    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault("/2/tweets", answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault("/2/users/" + account.userId() + "/tweets", answer);
    }

    /** X sends no Retry-After: its window headers say when requests are allowed again. */
    @Override
    public ResponseDefinitionBuilder tooManyRequests(Duration wait) {
        return aResponse()
                .withStatus(429)
                .withHeader("x-rate-limit-remaining", "0")
                .withHeader(
                        "x-rate-limit-reset", String.valueOf(now().plus(wait).getEpochSecond()));
    }

    @Override
    public void setAccountGone(boolean gone) {
        account.setGone(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        account.pageSize(postsPerPage);
    }

    @Override
    public String postUrl(String postId) {
        return "https://x.com/i/status/" + postId;
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    @Override
    public String goneEvidence() {
        return "Could not find tweet";
    }

    @Override
    protected void install() {
        account.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", "https://x.com/" + account.username(), "label", account.username());
    }

    @Override
    protected String picturePath(String name) {
        return "/cdn/" + account.username() + "/" + name + ".jpg";
    }
}
