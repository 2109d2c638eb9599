package dev.afterimage.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.InstanceConfig;
import dev.afterimage.archive.Media;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.source.MediaKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the body an endpoint receives for an event, in its format. Rendered once, when the event is committed,
 * so every attempt sends the same bytes and the archive may change afterwards without changing what was said.
 */
@ApplicationScoped
class WebhookPayloads {

    private static final int RED = 0xD93025;
    private static final int AMBER = 0xF29900;
    private static final int GREEN = 0x188038;
    private static final int GREY = 0x5F6368;

    private final ObjectMapper json;
    private final EventDetailsJson eventDetails;
    private final AccountDirectory accounts;
    private final String publicUrl;

    WebhookPayloads(
            ObjectMapper json, EventDetailsJson eventDetails, AccountDirectory accounts, InstanceConfig instance) {
        this.json = json;
        this.eventDetails = eventDetails;
        this.accounts = accounts;
        this.publicUrl = instance.publicUrl().replaceFirst("/+$", "");
    }

    String render(EventRecord event, WebhookFormat format) {
        Optional<AccountCard> account = event.accountId == null ? Optional.empty() : accounts.find(event.accountId);
        Optional<Post> post = event.postId == null ? Optional.empty() : Post.<Post>findByIdOptional(event.postId);
        Optional<PostVersion> version = post.flatMap(p -> PostVersion.newestOf(p.id));
        List<VersionMedia> media =
                version.map(v -> VersionMedia.ofVersion(v.id)).orElse(List.of());
        EventDetails details = eventDetails.read(event);
        return switch (format) {
            case JSON ->
                write(envelope(
                        event.type.payloadName(),
                        event.detectedAt,
                        data(event, account, post, version, media, details)));
            case SLACK -> write(ChatMessages.slack(summary(event, account, post, version, media, details)));
            case DISCORD -> write(ChatMessages.discord(summary(event, account, post, version, media, details)));
        };
    }

    String renderTest(Webhook webhook, Instant at) {
        String text = "This is a test message from Afterimage: the endpoint is reachable.";
        AlertSummary summary = AlertSummary.aboutNoPost(
                "Test event", "Afterimage", text, at, GREY, "Afterimage webhook " + webhook.id);
        return switch (webhook.format) {
            case JSON -> write(envelope("webhook.test", at, Map.of("webhookId", webhook.id, "message", text)));
            case SLACK -> write(ChatMessages.slack(summary));
            case DISCORD -> write(ChatMessages.discord(summary));
        };
    }

    private Map<String, Object> envelope(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type);
        envelope.put("timestamp", at);
        envelope.put("data", data);
        return envelope;
    }

    private Map<String, Object> data(
            EventRecord event,
            Optional<AccountCard> account,
            Optional<Post> post,
            Optional<PostVersion> version,
            List<VersionMedia> media,
            EventDetails details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", event.id);
        data.put("eventType", event.type);
        data.put("detectedAt", event.detectedAt);
        data.put(
                "account",
                account.<Object>map(card -> card)
                        .orElseGet(() -> event.accountId == null ? null : Map.of("id", event.accountId)));
        post.ifPresent(p -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", p.id);
            shown.put("url", p.url);
            shown.put("source", sourceOf(p, account));
            shown.put("mentionOf", p.linkedUrl);
            shown.put("platformPostId", p.platformPostId);
            shown.put("state", p.state);
            shown.put("publishedAt", p.publishedAt);
            shown.put("firstSeenAt", p.firstSeenAt);
            shown.put("lastSeenAt", p.lastSeenAt);
            shown.put("deletedAt", p.deletedAt);
            shown.put("lived", lived(details));
            version.ifPresent(v -> {
                shown.put("text", v.text);
                shown.put("contentHash", v.contentHash);
                shown.put("rawSha256", v.rawSha256);
            });
            shown.put("media", media.stream().map(this::mediaOf).toList());
            data.put("post", shown);
            data.put("archivedCopyUrl", archivedCopyUrl(p));
        });
        // The details as stored, so every format and every later reading says what was detected then.
        data.put("details", parse(event.details));
        return data;
    }

    private Map<String, Object> mediaOf(VersionMedia link) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", link.kind);
        item.put("sha256", link.mediaSha256);
        if (link.mediaSha256 != null) {
            item.put("url", publicUrl + "/media/" + link.mediaSha256);
            Media stored = Media.findById(link.mediaSha256);
            if (stored != null) {
                item.put("contentType", stored.contentType);
                item.put("size", stored.sizeBytes);
            }
        }
        return item;
    }

    private AlertSummary summary(
            EventRecord event,
            Optional<AccountCard> account,
            Optional<Post> post,
            Optional<PostVersion> version,
            List<VersionMedia> media,
            EventDetails details) {
        String who = account.map(card -> card.name() + " (" + card.platform() + " @" + card.handle() + ")")
                        .orElse(event.accountId == null ? "Afterimage" : "account " + event.accountId)
                + post.map(p -> p.linkedUrl)
                        .map(linked -> ", mentioning " + linked + " (not a copy of it)")
                        .orElse("");
        String excerpt =
                version.map(v -> v.text).orElseGet(() -> details.words().orElse(null));
        // A reuse is told by what the picture matches; the post's own words follow.
        if (details instanceof EventDetails.MediaReused reused) {
            excerpt = reused.summary() + (excerpt == null || excerpt.isBlank() ? "" : "\n\n" + excerpt);
        }
        String thumbnail = media.stream()
                .filter(link -> link.kind == MediaKind.PHOTO && link.mediaSha256 != null)
                .findFirst()
                .map(link -> publicUrl + "/media/" + link.mediaSha256)
                .orElse(null);
        return new AlertSummary(
                titleOf(event.type),
                who,
                excerpt,
                lived(details),
                post.map(this::archivedCopyUrl).orElse(null),
                post.map(p -> p.url).orElse(null),
                thumbnail,
                event.detectedAt,
                colorOf(event.type),
                "Afterimage event " + event.id);
    }

    /**
     * Who served this copy, so a receiver never takes a feed's mention of a Telegram post for the Telegram post: the
     * account's platform and handle.
     */
    private static Map<String, Object> sourceOf(Post post, Optional<AccountCard> account) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("accountId", post.accountId);
        source.put("platform", account.map(AccountCard::platform).orElse(null));
        source.put("account", account.map(AccountCard::handle).orElse(null));
        return source;
    }

    /** The archived page of the post, as a reader opens it. */
    private String archivedCopyUrl(Post post) {
        return publicUrl + "/archive?url=" + URLEncoder.encode(post.url, StandardCharsets.UTF_8);
    }

    private static String lived(EventDetails details) {
        return details instanceof EventDetails.PostDeleted deleted ? deleted.lived() : null;
    }

    static String titleOf(EventType type) {
        return switch (type) {
            case POST_DELETED -> "Post deleted";
            case POST_EDITED -> "Post edited";
            case MEDIA_CHANGED -> "Photos or videos changed";
            case POST_RESTORED -> "Deleted post is back";
            case ACCOUNT_UNAVAILABLE -> "Account gone or no longer public";
            case ACCOUNT_RESTORED -> "Account is back";
            case WATCH_FAILING -> "Watch failing";
            case WATCH_RECOVERED -> "Watch working again";
            case WEBHOOK_DISABLED -> "Webhook disabled";
            case MEDIA_REUSED -> "Picture seen before";
        };
    }

    private static int colorOf(EventType type) {
        return switch (type) {
            case POST_DELETED, ACCOUNT_UNAVAILABLE, WEBHOOK_DISABLED -> RED;
            case POST_EDITED, MEDIA_CHANGED, WATCH_FAILING, MEDIA_REUSED -> AMBER;
            case POST_RESTORED, ACCOUNT_RESTORED, WATCH_RECOVERED -> GREEN;
        };
    }

    private JsonNode parse(String details) {
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event details are not JSON", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload is not serialisable", e);
        }
    }
}
