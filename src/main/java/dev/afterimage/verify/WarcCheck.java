package dev.afterimage.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Re-computes every WARC record's {@code WARC-Block-Digest} and {@code WARC-Payload-Digest} from its bytes. The
 * payload of an HTTP record is what follows its header; digests may be spelt in base32 (padded or not) or hex.
 */
final class WarcCheck {

    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private WarcCheck() {}

    static void check(String path, InputStream in, Report report) {
        int records = 0;
        int digests = 0;
        TreeSet<String> undigested = new TreeSet<>();
        boolean failed = false;
        try (WarcReader reader = new WarcReader(in)) {
            for (WarcRecord record : reader) {
                records++;
                byte[] block = record.body().stream().readAllBytes();
                Optional<String> blockDigest = record.headers().first("WARC-Block-Digest");
                Optional<String> payloadDigest = record.headers().first("WARC-Payload-Digest");
                if (blockDigest.isEmpty() && payloadDigest.isEmpty()) {
                    undigested.add(record.type());
                    continue;
                }
                if (blockDigest.isPresent()) {
                    digests++;
                    failed |= !holds(path, record, "block", blockDigest.get(), block, report);
                }
                if (payloadDigest.isPresent()) {
                    digests++;
                    failed |= !holds(path, record, "payload", payloadDigest.get(), payload(record, block), report);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged file can make the parser throw anything; the report says where reading stopped.
            report.failed(path, "cannot be read as WARC after " + records + " records: " + e.getMessage());
            return;
        }
        if (!failed) {
            report.proven(
                    path,
                    records + " WARC records; all " + digests
                            + " block and payload digests they carry match their bytes");
        }
        if (!undigested.isEmpty()) {
            report.notChecked(path, "records of type " + String.join(", ", undigested) + " carry no digest to check");
        }
    }

    private static boolean holds(
            String path, WarcRecord record, String which, String declared, byte[] bytes, Report report) {
        String subject = path + " " + describe(record);
        int colon = declared.indexOf(':');
        String algorithm = colon < 0 ? null : Digests.jdkAlgorithm(declared.substring(0, colon));
        if (algorithm == null) {
            report.notChecked(subject, which + " digest \"" + declared + "\" uses an algorithm not known here");
            return true;
        }
        MessageDigest digester = Digests.digester(algorithm);
        byte[] expected = Digests.decode(declared.substring(colon + 1), digester.getDigestLength());
        if (expected == null) {
            report.failed(subject, which + " digest \"" + declared + "\" is not a readable digest value");
            return false;
        }
        if (!Arrays.equals(expected, digester.digest(bytes))) {
            report.failed(subject, which + " digest " + declared + " does not match the record's bytes: changed");
            return false;
        }
        return true;
    }

    /** The HTTP entity of a request or response record; the whole block of any other record. */
    private static byte[] payload(WarcRecord record, byte[] block) {
        if (!record.contentType().base().toString().equals("application/http")) {
            return block;
        }
        for (int i = 0; i + END_OF_HEAD.length <= block.length; i++) {
            if (Arrays.equals(block, i, i + END_OF_HEAD.length, END_OF_HEAD, 0, END_OF_HEAD.length)) {
                return Arrays.copyOfRange(block, i + END_OF_HEAD.length, block.length);
            }
        }
        return block;
    }

    private static String describe(WarcRecord record) {
        String target = record instanceof WarcTargetRecord targeted ? " " + targeted.target() : "";
        return "record " + record.type() + target + " " + record.id();
    }
}
