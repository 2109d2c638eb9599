package dev.afterimage.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FakeVk} community as a {@link FakePlatform}: {@code wall.get} is the listing, {@code wall.getById} the check. */
public final class VkPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger COMMUNITIES = new AtomicInteger();

    private final FakeVk community;
    private final WrittenPosts written = new WrittenPosts();

    public VkPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        community = new FakeVk(
                "vkcontract_" + COMMUNITIES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36));
    }

    @Override
    public Optional<String> cannot(Capability capability) {
        return switch (capability) {
            case PAGING -> Optional.of("FakeVk serves the whole wall in one wall.get answer: it has no older page");
            case UNREAD_PAGES -> Optional.of(READS_EVERY_PAGE);
        };
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        String id = community.post(now().minus(age), text, photoUrls);
        written.wrote(id, text, photoUrls);
        return id;
    }

    @Override
    public void editText(String postId, String newText) {
        String[] photos = written.get(postId).photoArray();
        community.edit(postId, now(), newText, photos);
        written.wrote(postId, newText, photos);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        String text = written.get(postId).text();
        community.edit(postId, now(), text, photoUrls);
        written.wrote(postId, text, photoUrls);
    }

    @Override
    public void delete(String postId) {
        community.delete(postId);
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault(get(urlPathEqualTo("/method/wall.getById")).withQueryParam("posts", equalTo(postId)), answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault("/method/wall.get", answer);
    }

    /** A deleted community is how a VK account vanishes; a closed one is its own state (see VkWatchScenarioTest). */
    @Override
    public void setAccountGone(boolean gone) {
        community.setDeleted(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        throw new UnsupportedOperationException(cannot(Capability.PAGING).orElseThrow());
    }

    @Override
    public String postUrl(String postId) {
        return "https://vk.com/wall" + postId;
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    @Override
    public String goneEvidence() {
        return "wall.getById";
    }

    @Override
    protected void install() {
        community.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", "https://vk.com/" + community.screenName(), "label", community.screenName());
    }

    @Override
    protected String picturePath(String name) {
        return "/cdn/" + community.screenName() + "/" + name + ".jpg";
    }
}
