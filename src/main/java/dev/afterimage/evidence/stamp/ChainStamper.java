package dev.afterimage.evidence.stamp;

import dev.afterimage.archive.ChainHead;
import dev.afterimage.archive.EvidenceChain;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Has the evidence chain's head dated by every configured time-stamping authority once the chain grew (after a poll
 * that archived something), at most every {@code stamp-every}. Runs beside archiving and never blocks it: a TSA that
 * is down or answers something that does not hold is logged, asked again after {@code retry-after}, and the chain
 * meanwhile shows as "pending" in {@link #status()}.
 */
@ApplicationScoped
public class ChainStamper {

    private static final Logger LOG = Logger.getLogger(ChainStamper.class);

    private final EvidenceChain chain;
    private final TimeStampAuthority authority;
    private final TimestampConfig config;
    private final Clock clock;
    private final Map<String, Instant> nextAttempt = new ConcurrentHashMap<>();
    private final Map<String, TsaStatus.Failure> lastFailure = new ConcurrentHashMap<>();

    ChainStamper(EvidenceChain chain, TimeStampAuthority authority, TimestampConfig config, Clock clock) {
        this.chain = chain;
        this.authority = authority;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${afterimage.evidence.check-every:15s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        stampDue();
    }

    /**
     * Asks every configured authority that has not dated the current head, and whose turn it is, to date it. Returns
     * the stamps stored (empty when nothing was due or every authority failed).
     */
    public synchronized List<TimeStamp> stampDue() {
        List<String> urls = config.tsaUrls().orElse(List.of());
        ChainHead head = chain.head();
        List<TimeStamp> stored = new ArrayList<>();
        if (urls.isEmpty() || head.seq() == 0) {
            return stored;
        }
        for (String url : urls) {
            Instant now = clock.instant();
            Optional<TimeStamp> newest = QuarkusTransaction.requiringNew().call(() -> TimeStamp.newestFrom(url));
            if (newest.isPresent() && newest.get().headSeq >= head.seq()) {
                continue;
            }
            if (nextAttempt.getOrDefault(url, Instant.MIN).isAfter(now)) {
                continue;
            }
            switch (authority.stamp(url, head.hash())) {
                case StampReply.Stamped stamped -> {
                    stored.add(store(url, head, stamped));
                    lastFailure.remove(url);
                    nextAttempt.put(url, now.plus(config.stampEvery()));
                }
                case StampReply.Failed failed -> {
                    LOG.warnf(
                            "time stamp of evidence chain head %d from %s failed, retrying after %s: %s",
                            head.seq(), url, config.retryAfter(), failed.reason());
                    lastFailure.put(url, new TsaStatus.Failure(failed.reason(), now));
                    nextAttempt.put(url, now.plus(config.retryAfter()));
                }
            }
        }
        return stored;
    }

    /** Per configured authority, how far it dated the chain; "pending" where the head is newer than its last stamp. */
    public StampStatus status() {
        ChainHead head = chain.head();
        List<String> urls = config.tsaUrls().orElse(List.of());
        List<TsaStatus> tsas = QuarkusTransaction.requiringNew().call(() -> urls.stream()
                .map(url -> TsaStatus.of(
                        url, TimeStamp.newestFrom(url), head.seq(), Optional.ofNullable(lastFailure.get(url))))
                .toList());
        return StampStatus.of(head, tsas);
    }

    /** Whether a trusted date covers chain entry {@code seq} (0: nothing to date), and from whom. */
    public StampCoverage coverage(long seq) {
        List<String> urls = config.tsaUrls().orElse(List.of());
        if (urls.isEmpty()) {
            return new StampCoverage("off", seq, List.of(), List.of());
        }
        if (seq <= 0) {
            return new StampCoverage("empty", seq, List.of(), List.of());
        }
        List<StampCoverage.Dated> dates = QuarkusTransaction.requiringNew().call(() -> TimeStamp.covering(seq).stream()
                .filter(stamp -> urls.contains(stamp.tsaUrl))
                .map(stamp -> new StampCoverage.Dated(stamp.tsaUrl, stamp.genTime, stamp.headSeq))
                .sorted(Comparator.comparing(StampCoverage.Dated::genTime))
                .toList());
        if (!dates.isEmpty()) {
            return new StampCoverage("stamped", seq, dates, List.of());
        }
        List<StampCoverage.Failed> failures = new ArrayList<>();
        for (String url : urls) {
            TsaStatus.Failure failure = lastFailure.get(url);
            if (failure != null) {
                failures.add(new StampCoverage.Failed(url, failure.reason(), failure.at()));
            }
        }
        return new StampCoverage("pending", seq, List.of(), failures);
    }

    private TimeStamp store(String url, ChainHead head, StampReply.Stamped stamped) {
        TimeStamp stamp = new TimeStamp();
        stamp.headSeq = head.seq();
        stamp.digest = head.hash();
        stamp.tsaUrl = url;
        stamp.genTime = stamped.genTime();
        stamp.response = stamped.response();
        stamp.receivedAt = clock.instant();
        QuarkusTransaction.requiringNew().run(stamp::persist);
        LOG.infof(
                "evidence chain head %d dated %s by %s (%s)", head.seq(), stamped.genTime(), url, stamped.tsaSubject());
        return stamp;
    }
}
