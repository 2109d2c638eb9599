package dev.afterimage.testkit;

import dev.afterimage.source.LinkPreview;
import dev.afterimage.source.MediaKind;
import dev.afterimage.source.SourceMedia;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders t.me pages with the structure of the real captures in {@code ../shared/fixtures/real/telegram} (same
 * elements, classes and nesting where the parser looks), with the fake's own content and without the scripts,
 * styles and SVG decoration the parser never reads.
 */
final class FakeTelegramPages {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final String T_ME = "https://t.me";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private FakeTelegramPages() {}

    /** A {@code /s/<channel>} page: header, the messages oldest first, load-more links to older and newer pages. */
    static String listing(
            String channel,
            String title,
            List<FakeMessage> oldestFirst,
            Optional<Long> olderCursor,
            Optional<Long> newerCursor,
            boolean fullMarkup) {
        String prev = olderCursor
                .map(before -> "<link rel=\"prev\" href=\"/s/" + channel + "?before=" + before + "\">")
                .orElse("");
        String older = olderCursor
                .map(before -> "<div class=\"tgme_widget_message_centered js-messages_more_wrap\">"
                        + "<a href=\"/s/" + channel + "?before=" + before
                        + "\" class=\"tme_messages_more js-messages_more\""
                        + " data-before=\"" + before + "\"></a></div>")
                .orElse("");
        String newer = newerCursor
                .map(after -> "<div class=\"tgme_widget_message_centered js-messages_more_wrap\">"
                        + "<a href=\"/s/" + channel + "?after=" + after
                        + "\" class=\"tme_messages_more js-messages_more\""
                        + " data-after=\"" + after + "\"></a></div>")
                .orElse("");
        String messages = oldestFirst.stream()
                .map(message -> "<div class=\"tgme_widget_message_wrap js-widget_message_wrap\">"
                        + message(channel, title, message, false, fullMarkup) + "</div>")
                .collect(Collectors.joining());
        return fill(
                """
                <!DOCTYPE html>
                <html>
                  <head>
                    <meta charset="utf-8">
                    <title>{title} – Telegram</title>
                    <meta property="og:title" content="{title}">
                    <meta property="og:site_name" content="Telegram">
                    {prev}
                  </head>
                  <body class="widget_frame_base tgme_webpreview emoji_image thin_box_shadow tme_mode no_transitions">
                    <header class="tgme_header search_collapsed">
                  <div class="tgme_container">
                    <div class="tgme_header_search">
                      <form class="tgme_header_search_form" action="/s/{channel}">
                        <input class="tgme_header_search_form_input js-header_search" placeholder="Search" name="q" \
                autocomplete="off" value="" />
                      </form>
                    </div>
                    <div class="tgme_header_right_column">
                      <section class="tgme_right_column">
                        <div class="tgme_channel_info">
                          <div class="tgme_channel_info_header">
                            <i class="tgme_page_photo_image bgcolor2" data-content="{initial}"></i>
                            <div class="tgme_channel_info_header_title_wrap">
                              <div class="tgme_channel_info_header_title"><span dir="auto">{title}</span></div>
                            </div>
                            <div class="tgme_channel_info_header_username"><a \
                href="https://t.me/{channel}">@{channel}</a></div>
                          </div>
                          <div class="tgme_channel_info_description">A fake channel served by FakeTelegram.</div>
                        </div>
                      </section>
                    </div>
                  </div>
                </header>
                <main class="tgme_main" data-url="/{channel}">
                  <div class="tgme_container">
                    <section class="tgme_channel_history js-message_history">
                      {older}{messages}{newer}</section>
                  </div>
                </main>
                  </body>
                </html>
                """,
                "title",
                escape(title),
                "prev",
                prev,
                "channel",
                channel,
                "initial",
                initial(title),
                "older",
                older,
                "messages",
                messages,
                "newer",
                newer);
    }

    /** A {@code /<channel>/<id>?embed=1} page showing the message. */
    static String embed(String channel, String title, FakeMessage message) {
        return embedPage(message(channel, title, message, true, false));
    }

    /** The {@code ?embed=1} page Telegram answers (HTTP 200) for a message that does not exist. */
    static String embedNotFound() {
        return embedPage(
                """
                <div class="tgme_widget_message text_not_supported_wrap err_message js-widget_message">
                  <div class="tgme_widget_message_user"><i class="tgme_widget_message_user_photo" \
                data-content="!"></i></div>
                  <div class="tgme_widget_message_bubble">
                    <a class="tgme_widget_message_bubble_logo" href="//core.telegram.org/widgets"></a>
                    <div class="tgme_widget_message_error" dir="auto">Post not found</div>
                  </div>
                </div>""");
    }

    /** The landing page of a name nobody holds: "Telegram: Contact @name", no account title. */
    static String landingOfNobody(String name) {
        return fill(
                """
                <!DOCTYPE html>
                <html>
                  <head>
                    <meta charset="utf-8">
                    <title>Telegram: Contact @{name}</title>
                    <meta name="robots" content="noindex, nofollow"><meta property="og:title" \
                content="Telegram: Contact @{name}">
                  </head>
                  <body class="no_transition">
                    <div class="tgme_page_wrap">
                      <div class="tgme_head_wrap">
                        <div class="tgme_head">
                          <a href="//telegram.org/" class="tgme_head_brand"></a>
                        </div>
                      </div>
                      <div class="tgme_body_wrap">
                        <div class="tgme_page">
                          <div class="tgme_page_icon">
                  <i class="tgme_icon_user"></i>
                </div>
                <div class="tgme_page_description">
                  If you have <strong>Telegram</strong>, you can contact <a class="tgme_username_link" \
                href="tg://resolve?domain={name}">@{name}</a> right away.
                </div>
                <div class="tgme_page_action">
                  <a class="tgme_action_button_new" href="tg://resolve?domain={name}">Send Message</a>
                </div>
                        </div>
                      </div>
                    </div>
                  </body>
                </html>
                """,
                "name",
                name);
    }

    /**
     * The landing page of a public channel, which offers its preview. Not captured: modelled on the nonexistent-name
     * capture plus the account title, counter and "Preview channel" button public channels show.
     */
    static String landingOfPublicChannel(String channel, String title) {
        return fill(
                """
                <!DOCTYPE html>
                <html>
                  <head>
                    <meta charset="utf-8">
                    <title>Telegram: View @{channel}</title>
                    <meta property="og:title" content="{title}">
                  </head>
                  <body class="no_transition">
                    <div class="tgme_page_wrap">
                      <div class="tgme_body_wrap">
                        <div class="tgme_page">
                          <div class="tgme_page_photo"><i class="tgme_page_photo_image" \
                data-content="{initial}"></i></div>
                          <div class="tgme_page_title"><span dir="auto">{title}</span></div>
                          <div class="tgme_page_extra">1 000 subscribers</div>
                          <div class="tgme_page_action">
                            <a class="tgme_action_button_new" href="tg://resolve?domain={channel}">View in Telegram</a>
                          </div>
                          <div class="tgme_page_context_link_wrap">
                            <a class="tgme_page_context_link" href="/s/{channel}">Preview channel</a>
                          </div>
                        </div>
                      </div>
                    </div>
                  </body>
                </html>
                """,
                "channel",
                channel,
                "title",
                escape(title),
                "initial",
                initial(title));
    }

    /**
     * The landing page of a channel whose owner turned its public preview off: the account title and counter, but no
     * link to {@code /s/<channel>}. Modelled like {@link #landingOfPublicChannel} without the preview button.
     */
    static String landingWithoutPreview(String channel, String title) {
        return landingOfPublicChannel(channel, title)
                .replaceAll("(?s)\\s*<div class=\"tgme_page_context_link_wrap\">.*?</div>", "");
    }

    private static String embedPage(String message) {
        return fill(
                """
                <!DOCTYPE html>
                <html>
                  <head>
                    <meta charset="utf-8">
                    <title>Telegram Widget</title>
                    <base target="_blank">
                    <meta name="robots" content="noindex, nofollow" />
                  </head>
                  <body class="widget_frame_base tgme_widget body_widget_post emoji_image nodark">
                    {message}
                  </body>
                </html>
                """,
                "message",
                message);
    }

    private static String message(
            String channel, String title, FakeMessage message, boolean embed, boolean fullMarkup) {
        String postUrl = T_ME + "/" + channel + "/" + message.id();
        return fill(
                """
                <div class="tgme_widget_message text_not_supported_wrap js-widget_message" \
                data-post="{channel}/{id}"{postId}{view}>
                  <div class="tgme_widget_message_user"><a href="https://t.me/{channel}"><i \
                class="tgme_widget_message_user_photo bgcolor2" data-content="{initial}">{photo}</i></a></div>
                  <div class="tgme_widget_message_bubble">
                {tail}
                    <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" \
                href="https://t.me/{channel}"><span dir="auto">{title}</span></a></div>
                {forwarded}
                <div class="media_supported_cont">{media}{text}</div><div class="media_not_supported_cont">\
                <div class="message_media_not_supported_wrap">
                  <div class="message_media_not_supported">
                    <div class="message_media_not_supported_label">Please open Telegram to view this post</div>
                    <a href="{postUrl}" class="message_media_view_in_telegram">VIEW IN TELEGRAM</a>
                  </div>
                </div></div>{preview}
                <div class="tgme_widget_message_footer{compact} js-message_footer">
                  {link}
                  <div class="tgme_widget_message_info{short} js-message_info">
                    {views}<span class="tgme_widget_message_meta">{edited}<a class="tgme_widget_message_date" \
                href="{postUrl}"><time datetime="{datetime}" class="{timeClass}">{clock}</time></a></span>
                  </div>
                </div>
                  </div>
                </div>""",
                "channel",
                channel,
                "id",
                Long.toString(message.id()),
                "postId",
                embed ? " data-post-id=\"" + message.id() + "\"" : "",
                "view",
                fullMarkup ? " data-view=\"" + viewToken(channel, message.id()) + "\"" : "",
                "photo",
                fullMarkup
                        ? "<img src=\"https://cdn4.telesco.pe/file/"
                                + viewToken(channel, 0).repeat(8) + ".jpg\">"
                        : "",
                "tail",
                fullMarkup ? BUBBLE_TAIL : "",
                "initial",
                initial(title),
                "title",
                escape(title),
                "forwarded",
                forwarded(message),
                "media",
                media(postUrl, message.media()),
                "text",
                message.text().isEmpty()
                        ? ""
                        : "<div class=\"tgme_widget_message_text js-message_text\"" + " dir=\"auto\">"
                                + escape(message.text()).replace("\n", "<br/>") + "</div>",
                "preview",
                linkPreview(message),
                "link",
                embed ? permalinkLine(postUrl) : "",
                // The listing's footer is the compact one; the embed's has the permalink line instead.
                "compact",
                embed ? "" : " compact",
                "short",
                embed ? "" : " short",
                "views",
                message.views() == null
                        ? ""
                        : "<span class=\"tgme_widget_message_views\">" + escape(message.views())
                                + "</span><span class=\"copyonly\"> views</span>",
                "edited",
                message.isEdited() ? "edited &nbsp;" : "",
                "datetime",
                DATETIME.format(message.published()),
                "timeClass",
                embed ? "datetime" : "time",
                "clock",
                CLOCK.format(message.published()),
                "postUrl",
                postUrl);
    }

    /** The bubble's tail as t.me draws it on every message of a listing (its SVG as served, 2 KB). */
    private static final String BUBBLE_TAIL =
            """
            <i class="tgme_widget_message_bubble_tail">
              <svg class="bubble_icon" width="9px" height="20px" viewBox="0 0 9 20">
                <g fill="none">
                  <path class="background" fill="#ffffff" d="M8,1 L9,1 L9,20 L8,20 L8,18 C7.807,15.161 7.124,12.233 \
            5.950,9.218 C5.046,6.893 3.504,4.733 1.325,2.738 L1.325,2.738 C0.917,2.365 0.89,1.732 1.263,1.325 C1.452,1.118 \
            1.72,1 2,1 L8,1 Z"></path>
                  <path class="border_1x" fill="#d7e3ec" d="M9,1 L2,1 C1.72,1 1.452,1.118 1.263,1.325 C0.89,1.732 \
            0.917,2.365 1.325,2.738 C3.504,4.733 5.046,6.893 5.95,9.218 C7.124,12.233 7.807,15.161 8,18 L8,20 L9,20 L9,1 Z \
            M2,0 L9,0 L9,20 L7,20 L7,20 L7.002,18.068 C6.816,15.333 6.156,12.504 5.018,9.58 C4.172,7.406 2.72,5.371 \
            0.649,3.475 C-0.165,2.729 -0.221,1.464 0.525,0.649 C0.904,0.236 1.439,0 2,0 Z"></path>
                  <path class="border_2x" d="M9,1 L2,1 C1.72,1 1.452,1.118 1.263,1.325 C0.89,1.732 0.917,2.365 \
            1.325,2.738 C3.504,4.733 5.046,6.893 5.95,9.218 C7.124,12.233 7.807,15.161 8,18 L8,20 L9,20 L9,1 Z M2,0.5 \
            L9,0.5 L9,20 L7.5,20 L7.5,20 L7.501,18.034 C7.312,15.247 6.64,12.369 5.484,9.399 C4.609,7.15 3.112,5.052 \
            0.987,3.106 C0.376,2.547 0.334,1.598 0.894,0.987 C1.178,0.677 1.579,0.5 2,0.5 Z"></path>
                  <path class="border_3x" d="M9,1 L2,1 C1.72,1 1.452,1.118 1.263,1.325 C0.89,1.732 0.917,2.365 \
            1.325,2.738 C3.504,4.733 5.046,6.893 5.95,9.218 C7.124,12.233 7.807,15.161 8,18 L8,20 L9,20 L9,1 Z M2,0.667 \
            L9,0.667 L9,20 L7.667,20 L7.667,20 L7.668,18.023 C7.477,15.218 6.802,12.324 5.64,9.338 C4.755,7.064 3.243,4.946 \
            1.1,2.983 C0.557,2.486 0.52,1.643 1.017,1.1 C1.269,0.824 1.626,0.667 2,0.667 Z"></path>
                </g>
              </svg>
            </i>""";

    /** A stand-in for t.me's view token: base64 of a JSON of the channel, the post, a time and a hash. */
    private static String viewToken(String channel, long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        String.format("{\"c\":\"%s\",\"p\":\"%dg\",\"t\":1677593835,\"h\":\"ffa50cf2\"}", channel, id)
                                .getBytes(StandardCharsets.UTF_8));
    }

    private static String permalinkLine(String postUrl) {
        return "<div class=\"tgme_widget_message_link accent_color\"><a href=\"" + postUrl
                + "\" class=\"link_anchor flex_ellipsis\">" + postUrl.substring("https://".length()) + "</a></div>";
    }

    private static String forwarded(FakeMessage message) {
        return message.forwardedFrom() == null
                ? ""
                : "<div class=\"tgme_widget_message_forwarded_from accent_color\">"
                        + "Forwarded from <span class=\"tgme_widget_message_forwarded_from_name\" dir=\"auto\">"
                        + escape(message.forwardedFrom()) + "</span></div>";
    }

    /** One item stands alone; several are an album in Telegram's grouped layout, each linking to {@code ?single}. */
    private static String media(String postUrl, List<SourceMedia> media) {
        if (media.size() == 1) {
            return mediaItem(media.getFirst(), postUrl, "");
        }
        if (media.isEmpty()) {
            return "";
        }
        String items = media.stream()
                .map(item -> mediaItem(item, postUrl + "?single", " grouped_media_wrap blured"))
                .collect(Collectors.joining());
        return "<div class=\"tgme_widget_message_grouped_wrap js-message_grouped_wrap\" data-margin-w=\"2\""
                + " data-margin-h=\"2\" style=\"width:800px;\"><div class=\"tgme_widget_message_grouped"
                + " js-message_grouped\" style=\"padding-top:100%\"><div class=\"tgme_widget_message_grouped_layer"
                + " js-message_grouped_layer\" style=\"width:800px;height:800px\">" + items + "</div></div></div>";
    }

    private static String mediaItem(SourceMedia item, String href, String groupedClasses) {
        if (item.kind() == MediaKind.VIDEO) {
            return "<a class=\"tgme_widget_message_video_player" + groupedClasses + " js-message_video_player\" href=\""
                    + href + "\"><div class=\"tgme_widget_message_video_wrap\""
                    + " style=\"width:800px;padding-top:56.25%\">"
                    + "<video src=\"" + escape(item.url()) + "\" class=\"tgme_widget_message_video js-message_video\""
                    + " width=\"100%\" height=\"100%\" preload muted autoplay loop playsinline></video></div></a>";
        }
        return "<a class=\"tgme_widget_message_photo_wrap" + groupedClasses + " js-message_photo\" href=\"" + href
                + "\" style=\"width:800px;background-image:url('" + escape(item.url()) + "')\">"
                + "<div class=\"tgme_widget_message_photo\" style=\"padding-top:65.5%\"></div></a>";
    }

    private static String linkPreview(FakeMessage message) {
        if (message.linkPreview() == null) {
            return "";
        }
        LinkPreview card = message.linkPreview();
        return "<a class=\"tgme_widget_message_link_preview\" href=\"" + escape(card.url()) + "\">"
                + optionalDiv("link_preview_site_name accent_color", card.siteName())
                + (message.linkPreviewImage() == null
                        ? ""
                        : "<i class=\"link_preview_image\" style=\"background-image:" + "url('"
                                + escape(message.linkPreviewImage()) + "');padding-top:50%\"></i>")
                + optionalDiv("link_preview_title", card.title())
                + optionalDiv("link_preview_description", card.description())
                + "</a>";
    }

    private static String optionalDiv(String classes, String text) {
        return text == null ? "" : "<div class=\"" + classes + "\" dir=\"auto\">" + escape(text) + "</div>";
    }

    private static String initial(String title) {
        return title.isEmpty() ? "?" : escape(title.substring(0, title.offsetByCodePoints(0, 1)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /**
     * Replaces each {@code {key}} in the template by its value (keys and values alternate), in one pass so that a
     * value containing braces is never filled in again.
     */
    private static String fill(String template, String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return PLACEHOLDER
                .matcher(template)
                .replaceAll(placeholder ->
                        Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), placeholder.group())));
    }
}
