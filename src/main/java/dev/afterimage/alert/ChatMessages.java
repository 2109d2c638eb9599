package dev.afterimage.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Slack and Discord incoming-webhook messages of an {@link AlertSummary}. */
final class ChatMessages {

    /** Discord's limit for an embed description is 4096; a few lines are what a reader wants anyway. */
    private static final int EXCERPT_LIMIT = 600;

    private ChatMessages() {}

    static Map<String, Object> slack(AlertSummary alert) {
        StringBuilder text =
                new StringBuilder("*").append(slackEscape(alert.account())).append("*");
        if (alert.excerpt() != null && !alert.excerpt().isBlank()) {
            for (String line : excerpt(alert.excerpt()).split("\n")) {
                text.append("\n>").append(slackEscape(line));
            }
        }
        List<String> links = new ArrayList<>();
        if (alert.lived() != null) {
            links.add("lived " + slackEscape(alert.lived()));
        }
        if (alert.archivedCopyUrl() != null) {
            links.add("<" + alert.archivedCopyUrl() + "|Archived copy>");
        }
        if (alert.originalUrl() != null) {
            links.add("<" + alert.originalUrl() + "|Original>");
        }
        if (!links.isEmpty()) {
            text.append("\n").append(String.join(" · ", links));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        section.put("text", Map.of("type", "mrkdwn", "text", text.toString()));
        if (alert.thumbnailUrl() != null) {
            section.put(
                    "accessory",
                    Map.of("type", "image", "image_url", alert.thumbnailUrl(), "alt_text", "archived picture"));
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", alert.title() + ": " + alert.account());
        message.put(
                "blocks",
                List.of(
                        Map.of("type", "header", "text", Map.of("type", "plain_text", "text", alert.title())),
                        section,
                        Map.of(
                                "type",
                                "context",
                                "elements",
                                List.of(Map.of("type", "mrkdwn", "text", slackEscape(alert.footer()))))));
        return message;
    }

    static Map<String, Object> discord(AlertSummary alert) {
        Map<String, Object> embed = new LinkedHashMap<>();
        embed.put("title", alert.title());
        if (alert.archivedCopyUrl() != null) {
            embed.put("url", alert.archivedCopyUrl());
        }
        if (alert.excerpt() != null && !alert.excerpt().isBlank()) {
            embed.put("description", excerpt(alert.excerpt()));
        }
        embed.put("color", alert.color());
        embed.put("timestamp", alert.at().toString());
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Account", alert.account(), true));
        if (alert.lived() != null) {
            fields.add(field("Lived", alert.lived(), true));
        }
        if (alert.originalUrl() != null) {
            fields.add(field("Original", alert.originalUrl(), false));
        }
        embed.put("fields", fields);
        if (alert.thumbnailUrl() != null) {
            embed.put("thumbnail", Map.of("url", alert.thumbnailUrl()));
        }
        embed.put("footer", Map.of("text", alert.footer()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("username", "Afterimage");
        message.put("embeds", List.of(embed));
        // Archived text may contain @everyone or role mentions: they must not ping anyone.
        message.put("allowed_mentions", Map.of("parse", List.of()));
        return message;
    }

    private static Map<String, Object> field(String name, String value, boolean inline) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        field.put("value", value);
        field.put("inline", inline);
        return field;
    }

    /** The first three lines, cut to a readable length. */
    static String excerpt(String text) {
        String[] lines = text.strip().split("\n");
        String joined = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(3, lines.length)));
        return joined.length() <= EXCERPT_LIMIT ? joined : joined.substring(0, EXCERPT_LIMIT - 1) + "…";
    }

    /** Slack's mrkdwn needs these three escaped, and nothing else. */
    private static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
