package dev.afterimage.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Capture;
import dev.afterimage.archive.EvidenceEntry;
import dev.afterimage.archive.Media;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.archive.VersionMedia;
import dev.afterimage.archive.WarcExport;
import dev.afterimage.watch.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Evidence packages: a post, or an account over a time range, as a signed WACZ file that anyone can replay
 * (ReplayWeb.page) and check ({@code afterimage-verify.jar}, standard tools) without trusting this instance. The
 * package is staged in a temporary folder, so memory stays bounded however large its media.
 */
@ApplicationScoped
public class EvidencePackages {

    static final String WARC_PATH = "archive/data.warc.gz";
    static final String CHAIN_PATH = "chain/records.jsonl";

    private final WarcExport warc;
    private final InstanceKey key;
    private final Instance<PackageContributor> contributors;
    private final EvidenceConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ProvenancePage provenancePage;
    private final String software;

    EvidencePackages(
            WarcExport warc,
            InstanceKey key,
            Instance<PackageContributor> contributors,
            EvidenceConfig config,
            ObjectMapper json,
            Clock clock,
            ProvenancePage provenancePage,
            Config quarkus) {
        this.warc = warc;
        this.key = key;
        this.contributors = contributors;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.provenancePage = provenancePage;
        this.software = "Afterimage "
                + quarkus.getOptionalValue("quarkus.application.version", String.class)
                        .orElse("unknown");
    }

    /**
     * The posts of an account first seen in {@code [from, to)}, oldest first; a 400 naming {@code from} when there
     * are more than one package may hold.
     */
    public List<Long> postsOfAccount(long accountId, Instant from, Instant to) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Long> ids = Post.<Post>find(
                            "accountId = ?1 and firstSeenAt >= ?2 and firstSeenAt < ?3 order by firstSeenAt, id",
                            accountId,
                            from,
                            to)
                    .page(0, config.maxPosts() + 1)
                    .stream()
                    .map(post -> post.id)
                    .toList();
            if (ids.size() > config.maxPosts()) {
                throw new InvalidFieldException(
                        "from",
                        "more than " + config.maxPosts() + " posts were first seen between " + from + " and " + to
                                + ": narrow the range and download it in parts");
            }
            return ids;
        });
    }

    /** Writes the package of these posts; the title is what replay tools show for it. */
    public void write(String title, List<Long> postIds, OutputStream out) throws IOException {
        Path staged = Files.createTempDirectory("afterimage-wacz");
        try {
            Instant created = clock.instant();
            Path warcFile = create(staged.resolve(WARC_PATH));
            try (OutputStream warcOut = Files.newOutputStream(warcFile)) {
                warc.writePosts(postIds, warcOut);
            }
            WarcIndex index = WarcIndex.of(warcFile);
            Files.writeString(create(staged.resolve("indexes/index.cdxj")), index.cdxj(), StandardCharsets.UTF_8);
            Gathered gathered = QuarkusTransaction.requiringNew().call(() -> gather(postIds, index));
            Files.writeString(create(staged.resolve("pages/pages.jsonl")), pages(gathered), StandardCharsets.UTF_8);
            Files.writeString(create(staged.resolve(CHAIN_PATH)), chain(gathered.chain()), StandardCharsets.UTF_8);
            for (PackageFile file : gathered.contributed()) {
                Path target = staged.resolve(file.path());
                if (Files.exists(target)) {
                    throw new IllegalStateException("two parts of the package claim " + file.path());
                }
                Files.write(create(target), file.bytes());
            }
            Provenance provenance = new Provenance(
                    title,
                    software,
                    created.toString(),
                    key.published().fingerprint(),
                    gathered.posts(),
                    gathered.chain(),
                    stamps(staged),
                    files(staged));
            Files.writeString(
                    create(staged.resolve("provenance.html")),
                    provenancePage.render(provenance),
                    StandardCharsets.UTF_8);
            Page main = gathered.pages().isEmpty() ? null : gathered.pages().getLast();
            new WaczWriter(json, key)
                    .write(
                            staged,
                            new WaczWriter.Description(
                                    title,
                                    software,
                                    created,
                                    main == null ? null : main.url(),
                                    main == null ? null : main.at()),
                            out);
        } finally {
            deleteTree(staged);
        }
    }

    /** A page replay tools offer: a fetch a post version was read from. */
    private record Page(String url, Instant at, String title) {}

    private record Gathered(
            List<Provenance.PostFacts> posts,
            List<Page> pages,
            List<Provenance.ChainFact> chain,
            List<PackageFile> contributed) {}

    private Gathered gather(List<Long> postIds, WarcIndex index) {
        List<Provenance.PostFacts> posts = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        Set<String> versionRefs = new LinkedHashSet<>();
        Set<String> mediaRefs = new LinkedHashSet<>();
        Set<String> postRefs = new LinkedHashSet<>();
        Map<Long, String> accounts = new HashMap<>();
        for (Long postId : postIds) {
            Post post = Post.findById(postId);
            postRefs.add(String.valueOf(post.id));
            List<Provenance.VersionFacts> versions = new ArrayList<>();
            int number = 0;
            for (PostVersion version : PostVersion.ofPost(post.id)) {
                number++;
                versionRefs.add(String.valueOf(version.id));
                List<Provenance.CaptureFacts> captures = new ArrayList<>();
                if (version.captureId != null) {
                    Capture capture = Capture.findById(version.captureId);
                    captures.add(facts(capture, index));
                    pages.add(new Page(capture.url, capture.fetchedAt, pageTitle(post, version, number)));
                }
                List<Provenance.MediaFacts> media = new ArrayList<>();
                for (VersionMedia link : VersionMedia.ofVersion(version.id)) {
                    Media stored = link.mediaSha256 == null ? null : Media.findById(link.mediaSha256);
                    if (stored != null) {
                        mediaRefs.add(stored.sha256);
                    }
                    media.add(new Provenance.MediaFacts(
                            link.position,
                            link.kind.name(),
                            link.mediaSha256,
                            stored == null ? null : stored.contentType,
                            stored == null ? 0 : stored.sizeBytes,
                            link.sourceUrl));
                }
                versions.add(new Provenance.VersionFacts(
                        number,
                        text(version.observedAt),
                        version.text,
                        version.rawSha256,
                        version.contentHash,
                        captures,
                        media));
            }
            List<Provenance.CaptureFacts> deletionProof = post.deletionCaptureId == null
                    ? List.of()
                    : List.of(facts(Capture.findById(post.deletionCaptureId), index));
            posts.add(new Provenance.PostFacts(
                    post.id,
                    post.url,
                    accounts.computeIfAbsent(post.accountId, EvidencePackages::accountName),
                    text(post.publishedAt),
                    text(post.firstSeenAt),
                    text(post.lastSeenAt),
                    post.state.name(),
                    deletionWindow(post),
                    versions,
                    deletionProof));
        }
        List<EvidenceEntry> entries = entriesAbout(versionRefs, mediaRefs, postRefs);
        List<Provenance.ChainFact> chain = entries.stream()
                .map(entry -> new Provenance.ChainFact(
                        entry.seq,
                        entry.kind.name(),
                        entry.recordRef,
                        entry.recordHash,
                        entry.previousHash,
                        entry.entryHash,
                        text(entry.appendedAt)))
                .toList();
        PackageScope scope = new PackageScope(
                postIds, entries.stream().map(entry -> entry.seq).toList());
        List<PackageFile> contributed = contributors.stream()
                .flatMap(contributor -> contributor.filesFor(scope).stream())
                .toList();
        pages.sort(Comparator.comparing(Page::at));
        return new Gathered(posts, pages, chain, contributed);
    }

    private static Provenance.CaptureFacts facts(Capture capture, WarcIndex index) {
        Optional<Provenance.CaptureFacts> network = index.networkOf(capture.url, capture.fetchedAt);
        return new Provenance.CaptureFacts(
                capture.url,
                text(capture.fetchedAt),
                capture.bodySha256,
                network.map(Provenance.CaptureFacts::ipAddress).orElse(null),
                network.map(Provenance.CaptureFacts::certificates).orElse(List.of()));
    }

    /** The chain entries that vouch for the packaged versions, their media and the posts' deletions, in order. */
    private static List<EvidenceEntry> entriesAbout(Set<String> versions, Set<String> media, Set<String> posts) {
        List<EvidenceEntry> entries = new ArrayList<>();
        if (!versions.isEmpty()) {
            entries.addAll(EvidenceEntry.list(
                    "kind in ?1 and recordRef in ?2",
                    List.of(EvidenceEntry.Kind.VERSION, EvidenceEntry.Kind.MEDIA_LINKS),
                    versions));
        }
        if (!media.isEmpty()) {
            entries.addAll(EvidenceEntry.list("kind = ?1 and recordRef in ?2", EvidenceEntry.Kind.MEDIA, media));
        }
        if (!posts.isEmpty()) {
            entries.addAll(EvidenceEntry.list(
                    "kind in ?1 and recordRef in ?2",
                    List.of(EvidenceEntry.Kind.DELETION, EvidenceEntry.Kind.RESTORATION),
                    posts));
        }
        entries.sort(Comparator.comparing(entry -> entry.seq));
        return entries;
    }

    private static String accountName(Long accountId) {
        Account account = Account.findById(accountId);
        return account == null ? "account " + accountId : account.platform + " " + account.handle;
    }

    private static String deletionWindow(Post post) {
        if (post.deletedAt == null) {
            return null;
        }
        return "last seen " + post.lastSeenAt
                + (post.missingSince == null ? "" : ", missing since " + post.missingSince) + ", confirmed gone "
                + post.deletedAt;
    }

    private static String pageTitle(Post post, PostVersion version, int number) {
        String text = version.text.strip().replaceAll("\\s+", " ");
        String start = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return (start.isEmpty() ? post.url : start) + " (version " + number + ")";
    }

    private String pages(Gathered gathered) throws IOException {
        StringBuilder lines = new StringBuilder();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "Archived posts");
        lines.append(json.writeValueAsString(header)).append('\n');
        int id = 0;
        for (Page page : gathered.pages()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "page-" + ++id);
            line.put("url", page.url());
            line.put("ts", page.at().toString());
            line.put("title", page.title());
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        return lines.toString();
    }

    private String chain(List<Provenance.ChainFact> entries) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Provenance.ChainFact fact : entries) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", fact.seq());
            line.put("kind", fact.kind());
            line.put("recordRef", fact.recordRef());
            line.put("recordHash", fact.recordHash());
            line.put("previousHash", fact.previousHash());
            line.put("entryHash", fact.entryHash());
            line.put("appendedAt", fact.appendedAt());
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        return lines.toString();
    }

    /** What {@code timestamps/index.json} lists, when a contributor added trusted timestamps. */
    private List<Provenance.StampFact> stamps(Path staged) throws IOException {
        Path index = staged.resolve("timestamps/index.json");
        if (!Files.exists(index)) {
            return List.of();
        }
        List<Provenance.StampFact> stamps = new ArrayList<>();
        for (JsonNode stamp : json.readTree(index.toFile())) {
            stamps.add(new Provenance.StampFact(
                    stamp.path("file").asText(),
                    stamp.path("digest").asText(),
                    stamp.path("tsa").asText(),
                    stamp.path("stampedAt").asText(),
                    stamp.path("headSeq").asText()));
        }
        return stamps;
    }

    private static List<Provenance.FileFact> files(Path staged) throws IOException {
        return WaczWriter.StagedFile.all(staged).stream()
                .map(file -> new Provenance.FileFact(file.path(), file.sha256(), file.size()))
                .toList();
    }

    private static Path create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the staged package " + root + " could not be removed", e);
        }
    }
}
