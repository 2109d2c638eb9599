package dev.afterimage.archive;

import dev.afterimage.hash.Sha256;
import dev.afterimage.source.Attachment;
import dev.afterimage.source.SourceMedia;
import dev.afterimage.source.SourcePost;
import java.text.Normalizer;
import java.util.List;

/**
 * The part of a post that makes it what it is, written out canonically and hashed: text, media hashes in
 * order, attachments, link, forward, reply and the platform's revision id where it has one. Views, reactions, markup and CDN URLs are left out, since they
 * change without the author doing anything.
 */
public final class NormalisedContent {

    private static final String MISSING = "missing";

    private NormalisedContent() {}

    /** @param mediaHashes the SHA-256 of each of the post's media in order; null where the bytes are not yet stored */
    public static ContentHash hash(SourcePost post, List<String> mediaHashes) {
        return new ContentHash(Sha256.ofText(canonical(post, mediaHashes)));
    }

    static String canonical(SourcePost post, List<String> mediaHashes) {
        StringBuilder out = new StringBuilder();
        out.append("text:").append(normaliseText(post.text())).append('\n');
        List<SourceMedia> media = post.media();
        for (int i = 0; i < media.size(); i++) {
            String hash = i < mediaHashes.size() && mediaHashes.get(i) != null ? mediaHashes.get(i) : MISSING;
            out.append("media:")
                    .append(media.get(i).kind())
                    .append(' ')
                    .append(hash)
                    .append('\n');
        }
        for (Attachment attachment : post.attachments()) {
            out.append("attachment:").append(normaliseText(attachment.title())).append('\n');
        }
        if (post.linkPreview() != null) {
            out.append("link:").append(post.linkPreview().url()).append('\n');
        }
        if (post.forwardedFrom() != null) {
            out.append("forwarded:").append(normaliseText(post.forwardedFrom())).append('\n');
        }
        if (post.replyTo() != null) {
            out.append("reply:").append(post.replyTo()).append('\n');
        }
        if (post.revision() != null) {
            out.append("revision:").append(post.revision()).append('\n');
        }
        return out.toString();
    }

    /** The text hash of a post without text, which says nothing about what it states. */
    public static final String NO_TEXT_HASH = Sha256.ofText("");

    /** The hash of the normalised text alone. */
    public static String textHash(String text) {
        return Sha256.ofText(normaliseText(text));
    }

    /** Unicode NFC, one kind of line break, no trailing blanks: the same words must hash the same. */
    public static String normaliseText(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00a0', ' ')
                .strip();
    }
}
