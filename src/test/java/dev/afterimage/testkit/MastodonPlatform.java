package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FakeMastodon} account as a {@link FakePlatform}: its lookup and statuses are the listing, a status its check. */
public final class MastodonPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private final FakeMastodon account;
    private final Map<String, Long> numbers = new HashMap<>();

    public MastodonPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        account = new FakeMastodon(
                "contract_" + ACCOUNTS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36),
                "social.gov.example");
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        long n = numbers.size() + 1;
        FakeMastodon.FakeStatus status = account.post(n, now().minus(age), text);
        for (String url : photoUrls) {
            status.photo(url);
        }
        numbers.put(account.statusId(n), n);
        return account.statusId(n);
    }

    @Override
    public void editText(String postId, String newText) {
        account.status(number(postId)).edit(now()).text(newText);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        FakeMastodon.FakeStatus status =
                account.status(number(postId)).edit(now()).clearMedia();
        for (String url : photoUrls) {
            status.photo(url);
        }
    }

    @Override
    public void delete(String postId) {
        account.delete(number(postId));
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault(account.statusPath(number(postId)), answer);
    }

    /** The lookup path is every account's, so the fault names this one. */
    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault(
                get(urlPathEqualTo(account.lookupPath())).withQueryParam("acct", equalTo(account.username())), answer);
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
        return account.statusUrl(number(postId));
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    @Override
    public String goneEvidence() {
        return "deleted or made private";
    }

    @Override
    protected void install() {
        account.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", account.profileUrl(), "label", "Press office");
    }

    @Override
    protected String picturePath(String name) {
        return "/media/mastodon/" + account.username() + "/" + name + ".jpg";
    }

    private long number(String postId) {
        Long n = numbers.get(postId);
        if (n == null) {
            throw new IllegalArgumentException("no status " + postId + " of @" + account.username());
        }
        return n;
    }
}
