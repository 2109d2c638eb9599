package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FakeTelegram} channel as a {@link FakePlatform}: its listing {@code /s/<channel>}, its embeds. */
public final class TelegramPlatform extends ApiWatchedPlatform {

    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private final FakeTelegram channel;
    private long lastId;

    public TelegramPlatform(WireMockServer wireMock, MutableClock clock) {
        super(wireMock, clock);
        channel = new FakeTelegram(
                "contract_" + CHANNELS.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36),
                "Ministry");
    }

    @Override
    public Optional<String> cannot(Capability capability) {
        return Optional.empty();
    }

    @Override
    public String publish(Duration age, String text, String... photoUrls) {
        FakeMessage message = channel.post(++lastId, now().minus(age), text);
        for (String url : photoUrls) {
            message.photo(url);
        }
        return String.valueOf(lastId);
    }

    @Override
    public void editText(String postId, String newText) {
        channel.edit(Long.parseLong(postId), newText);
    }

    @Override
    public void swapPhotos(String postId, String... photoUrls) {
        FakeMessage message = channel.message(Long.parseLong(postId)).clearMedia();
        for (String url : photoUrls) {
            message.photo(url);
        }
    }

    @Override
    public void delete(String postId) {
        channel.delete(Long.parseLong(postId));
    }

    @Override
    public Fault answerCheck(String postId, ResponseDefinitionBuilder answer) {
        return fault("/" + channel.channel() + "/" + postId, answer);
    }

    @Override
    public Fault answerListing(ResponseDefinitionBuilder answer) {
        return fault("/s/" + channel.channel(), answer);
    }

    @Override
    public void setAccountGone(boolean gone) {
        channel.setGone(gone);
    }

    @Override
    public void pageSize(int postsPerPage) {
        channel.pageSize(postsPerPage);
    }

    @Override
    public String postUrl(String postId) {
        return "https://t.me/" + channel.channel() + "/" + postId;
    }

    @Override
    public String archivedText(String writtenText) {
        return writtenText;
    }

    @Override
    public String goneEvidence() {
        return "Post not found";
    }

    @Override
    protected void install() {
        channel.install(wireMock);
    }

    @Override
    protected Map<String, ?> watchRequest() {
        return Map.of("url", "https://t.me/" + channel.channel(), "label", "Ministry");
    }

    @Override
    protected String picturePath(String name) {
        return "/cdn/" + channel.channel() + "/" + name + ".jpg";
    }
}
