package dev.afterimage.web.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Deletions and edits as files a spreadsheet or a script opens: one row per change, the same columns in both. */
@ApplicationScoped
class ChangeExport {

    /** One change, flat: what a newsroom's spreadsheet needs to cite it. */
    record Item(
            long eventId,
            String type,
            String detectedAt,
            Long accountId,
            String account,
            String platform,
            String group,
            Long postId,
            String postUrl,
            String publishedAt,
            String lastSeenAt,
            String deletedAt,
            int versions,
            String media,
            String text,
            String consoleUrl) {}

    private static final String[] HEADER = {
        "event_id",
        "type",
        "detected_at",
        "account_id",
        "account",
        "platform",
        "group",
        "post_id",
        "post_url",
        "published_at",
        "last_seen_at",
        "deleted_at",
        "versions",
        "media",
        "text",
        "console_url"
    };

    private final ObjectMapper json;

    ChangeExport(ObjectMapper json) {
        this.json = json;
    }

    byte[] json(List<ChangeRow> rows) {
        try {
            return json.writeValueAsBytes(rows.stream().map(ChangeExport::item).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the export as JSON", e);
        }
    }

    byte[] csv(List<ChangeRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // A byte-order mark, so a spreadsheet opening the file reads its non-Latin text as UTF-8.
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        // Cells that start like a formula are quoted as text: a post's words must not run in the reader's spreadsheet.
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), format)) {
            for (ChangeRow row : rows) {
                Item item = item(row);
                printer.printRecord(
                        item.eventId(),
                        item.type(),
                        item.detectedAt(),
                        item.accountId(),
                        inert(item.account()),
                        item.platform(),
                        inert(item.group()),
                        item.postId(),
                        item.postUrl(),
                        item.publishedAt(),
                        item.lastSeenAt(),
                        item.deletedAt(),
                        item.versions(),
                        item.media(),
                        inert(item.text()),
                        item.consoleUrl());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Item item(ChangeRow row) {
        DeletionWindow deletion = row.deletion();
        return new Item(
                row.eventId(),
                row.kind().event().payloadName(),
                row.detectedAt().toString(),
                row.accountId(),
                row.account(),
                row.platformName(),
                row.group(),
                row.postId(),
                row.postUrl(),
                iso(row.publishedAt()),
                deletion == null ? null : deletion.lastSeen().iso(),
                deletion == null ? null : deletion.confirmed().iso(),
                row.preview().versions(),
                String.join(", ", row.preview().badges()),
                row.preview().text(),
                row.postPage());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** OWASP's advice for CSV injection: a leading =, +, -, @, tab or carriage return is escaped by a quote. */
    private static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
