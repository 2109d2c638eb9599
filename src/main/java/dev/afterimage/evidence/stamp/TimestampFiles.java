package dev.afterimage.evidence.stamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.archive.EvidenceChain;
import dev.afterimage.archive.EvidenceEntry;
import dev.afterimage.evidence.PackageContributor;
import dev.afterimage.evidence.PackageFile;
import dev.afterimage.evidence.PackageScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trusted-time part of an evidence package for some posts: each time stamp that dates one of their chain entries
 * ({@code timestamps/<n>.tsr}, the DER TimeStampResp as received), an index of them ({@code timestamps/index.json})
 * and the chain entries from each of the posts' entries up to the head its stamp covers ({@code chain/entries.jsonl}),
 * so anyone can re-hash the entries to the stamped digest and check the stamp with {@code openssl ts -verify}. An
 * entry is dated by the first stamp at or after it from each authority; entries no stamp covers yet are listed too,
 * without a stamp. docs/evidence.md gives the re-hash rule.
 */
@ApplicationScoped
public class TimestampFiles implements PackageContributor {

    public static final String INDEX = "timestamps/index.json";
    public static final String ENTRIES = "chain/entries.jsonl";

    private final EvidenceChain chain;
    private final ObjectMapper json;

    TimestampFiles(EvidenceChain chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    @Override
    public List<PackageFile> filesFor(PackageScope scope) {
        return forPosts(scope.postIds());
    }

    /** The files for one post: every version, media file and deletion of it. */
    public List<PackageFile> forPost(long postId) {
        return forPosts(List.of(postId));
    }

    /** The files for some posts (e.g. an account's over a time range). */
    @Transactional
    public List<PackageFile> forPosts(Collection<Long> postIds) {
        List<EvidenceEntry> own = chain.entriesOf(postIds);
        Map<Long, TimeStamp> stamps = new TreeMap<>();
        // Entry ranges to export, from an entry of the posts to the newest head that dates it; merged below.
        TreeMap<Long, Long> ranges = new TreeMap<>();
        for (EvidenceEntry entry : own) {
            long upTo = entry.seq;
            for (TimeStamp stamp : TimeStamp.covering(entry.seq)) {
                stamps.putIfAbsent(stamp.id, stamp);
                upTo = Math.max(upTo, stamp.headSeq);
            }
            ranges.merge(entry.seq, upTo, Math::max);
        }
        List<PackageFile> files = new ArrayList<>();
        List<Map<String, Object>> index = new ArrayList<>();
        int n = 0;
        for (TimeStamp stamp : stamps.values().stream()
                .sorted((a, b) ->
                        a.headSeq != b.headSeq ? Long.compare(a.headSeq, b.headSeq) : a.tsaUrl.compareTo(b.tsaUrl))
                .toList()) {
            String file = "timestamps/" + (++n) + ".tsr";
            files.add(new PackageFile(file, stamp.response));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", file);
            item.put("digest", stamp.digest);
            item.put("tsa", stamp.tsaUrl);
            item.put("stampedAt", stamp.genTime.toString());
            item.put("headSeq", stamp.headSeq);
            index.add(item);
        }
        files.add(new PackageFile(INDEX, write(index)));
        files.add(new PackageFile(ENTRIES, entries(ranges, own)));
        return files;
    }

    private byte[] entries(TreeMap<Long, Long> ranges, List<EvidenceEntry> own) {
        Set<Long> ownSeqs = new HashSet<>();
        own.forEach(entry -> ownSeqs.add(entry.seq));
        StringBuilder lines = new StringBuilder();
        long from = -1;
        long to = -1;
        List<long[]> merged = new ArrayList<>();
        for (Map.Entry<Long, Long> range : ranges.entrySet()) {
            if (from >= 0 && range.getKey() <= to + 1) {
                to = Math.max(to, range.getValue());
            } else {
                if (from >= 0) {
                    merged.add(new long[] {from, to});
                }
                from = range.getKey();
                to = range.getValue();
            }
        }
        if (from >= 0) {
            merged.add(new long[] {from, to});
        }
        for (long[] range : merged) {
            for (EvidenceEntry entry : chain.entriesBetween(range[0], range[1])) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("seq", entry.seq);
                line.put("kind", entry.kind.name());
                line.put("recordRef", entry.recordRef);
                line.put("recordHash", entry.recordHash);
                line.put("previousHash", entry.previousHash);
                line.put("entryHash", entry.entryHash);
                line.put("appendedAt", entry.appendedAt.toString());
                line.put("inPackage", ownSeqs.contains(entry.seq));
                lines.append(new String(write(line), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("time-stamp index cannot be written as JSON", e);
        }
    }
}
