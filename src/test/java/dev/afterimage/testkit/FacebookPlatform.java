package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FakeFacebook} Page as a {@link FakePlatform}: its {@code /posts} edge is the listing, a post's node the check. */
public final class FacebookPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger PAGES = new AtomicInteger();

    private final FakeFacebook page;
    private final WrittenPosts written = new WrittenPosts();

    public FacebookPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        page = new FakeFacebook(
                "fbcontract." + PAGES.incrementAndGet() + "." + Long.toString(System.nanoTime() % 1_000_000, 36));
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        String id = page.post(now().minus(age), text, photoUrls);
        written.wrote(id, text, photoUrls);
        return id;
    }

    @Override
    public void editText(String postId, String newText) {
        String[] photos = written.get(postId).photoArray();
        page.edit(postId, now(), newText, photos);
        written.wrote(postId, newText, photos);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        String text = written.get(postId).text();
        page.edit(postId, now(), text, photoUrls);
        written.wrote(postId, text, photoUrls);
    }

    @Override
    public void delete(String postId) {
        page.delete(postId);
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault("/" + FakeFacebook.VERSION + "/" + postId, answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault("/" + FakeFacebook.VERSION + "/" + page.handle() + "/posts", answer);
    }

    @Override
    public void setAccountGone(boolean gone) {
        page.setGone(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        page.pageSize(postsPerPage);
    }

    @Override
    public String postUrl(String postId) {
        return "https://www.facebook.com/" + page.handle() + "/posts/" + postId.substring(postId.indexOf('_') + 1);
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    /** Graph's "object does not exist" for a post of a Page that still answers. */
    @Override
    public String goneEvidence() {
        return "100/33";
    }

    @Override
    protected void install() {
        page.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", "https://www.facebook.com/" + page.handle(), "label", page.handle());
    }

    @Override
    protected String picturePath(String name) {
        return "/cdn/" + page.handle() + "/" + name + ".jpg";
    }
}
