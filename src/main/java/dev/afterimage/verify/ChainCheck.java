package dev.afterimage.verify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-hashes the evidence-chain entries in {@code chain/*.jsonl}: each entry's hash is SHA-256 of
 * {@code seq|kind|recordRef|recordHash|previousHash}, and each names the hash of the entry before it. An entry that
 * links, entry by entry, up to a head whose hash a trusted timestamp stamped existed before that stamp's time.
 */
final class ChainCheck {

    static final String FOLDER = "chain/";

    private ChainCheck() {}

    /** One chain entry as the package lists it. */
    record Entry(long seq, String kind, String recordRef, String recordHash, String previousHash, String entryHash) {

        String recomputed() {
            return Digests.sha256((seq + "|" + kind + "|" + recordRef + "|" + recordHash + "|" + previousHash)
                    .getBytes(StandardCharsets.UTF_8));
        }

        String describe() {
            return "chain entry " + seq + " (" + kind + " " + recordRef + ")";
        }
    }

    static void check(Map<String, byte[]> files, List<Stamp> stamps, Report report) {
        TreeMap<Long, Entry> chain = new TreeMap<>();
        boolean intact = true;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().startsWith(FOLDER) && file.getKey().endsWith(".jsonl")) {
                intact &= read(file.getKey(), file.getValue(), chain, report);
            }
        }
        if (chain.isEmpty()) {
            report.notChecked("chain", "the package lists no evidence-chain entries");
            return;
        }
        int links = 0;
        Entry before = null;
        for (Entry entry : chain.values()) {
            if (before != null && before.seq() + 1 == entry.seq()) {
                links++;
                if (!entry.previousHash().equals(before.entryHash())) {
                    report.failed(entry.describe(), "does not link to entry " + before.seq() + ": one was changed");
                    intact = false;
                }
            }
            before = entry;
        }
        if (intact) {
            report.proven(
                    "chain",
                    chain.size() + " entries re-hash to their recorded hashes, and all " + links
                            + " links between consecutive entries hold");
        }
        List<Long> covered = new ArrayList<>();
        for (Stamp stamp : stamps) {
            Entry head = chain.get(stamp.headSeq());
            if (head == null) {
                report.notChecked(
                        stamp.file(), "the stamped head, chain entry " + stamp.headSeq() + ", is not in the package");
                continue;
            }
            if (!head.entryHash().equals(stamp.digest())) {
                report.failed(
                        stamp.file(),
                        "stamps " + stamp.digest() + " but chain entry " + head.seq() + " hashes to "
                                + head.entryHash());
                continue;
            }
            for (Entry entry = head; entry != null; entry = linkedBefore(chain, entry)) {
                if (entry.kind().equals("VERSION") && !covered.contains(entry.seq())) {
                    covered.add(entry.seq());
                    report.proven(
                            entry.describe(),
                            "version " + entry.recordRef() + " was archived before " + stamp.genTime()
                                    + ": its entry links to head entry " + head.seq() + ", stamped by "
                                    + stamp.authority());
                }
            }
        }
        List<String> unstamped = chain.values().stream()
                .filter(entry -> entry.kind().equals("VERSION") && !covered.contains(entry.seq()))
                .map(entry -> String.valueOf(entry.seq()))
                .toList();
        if (!unstamped.isEmpty()) {
            report.notChecked(
                    "chain",
                    "version entries " + String.join(", ", unstamped)
                            + " do not link to a stamped head in this package: their time is the instance's word");
        }
    }

    private static Entry linkedBefore(TreeMap<Long, Entry> chain, Entry entry) {
        Entry before = chain.get(entry.seq() - 1);
        return before != null && entry.previousHash().equals(before.entryHash()) ? before : null;
    }

    private static boolean read(String path, byte[] bytes, TreeMap<Long, Entry> chain, Report report) {
        boolean intact = true;
        int lineNumber = 0;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Entry entry;
            try {
                entry = entry(Json.parse(line));
            } catch (IllegalArgumentException e) {
                report.failed(path + " line " + lineNumber, "is not a chain entry: " + e.getMessage());
                intact = false;
                continue;
            }
            if (!entry.recomputed().equals(entry.entryHash())) {
                report.failed(entry.describe() + " in " + path, "its hash does not match its contents: changed");
                intact = false;
            }
            Entry other = chain.putIfAbsent(entry.seq(), entry);
            if (other != null && !other.equals(entry)) {
                report.failed(entry.describe(), "is listed twice with different contents");
                intact = false;
            }
        }
        return intact;
    }

    private static Entry entry(Object json) {
        if (!(Json.member(json, "seq") instanceof BigDecimal seq)
                || seq.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("it has no whole seq number");
        }
        return new Entry(
                seq.longValue(),
                required(json, "kind"),
                required(json, "recordRef"),
                required(json, "recordHash"),
                required(json, "previousHash"),
                required(json, "entryHash"));
    }

    private static String required(Object json, String name) {
        String value = Json.string(json, name);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + name);
        }
        return value;
    }
}
