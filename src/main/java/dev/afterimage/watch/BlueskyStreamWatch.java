package dev.afterimage.watch;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.bluesky.BlueskyConfig;
import dev.afterimage.source.bluesky.BlueskySource;
import dev.afterimage.source.bluesky.JetstreamClient;
import dev.afterimage.source.bluesky.JetstreamEvent;
import dev.afterimage.source.http.WebClient;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Follows the watched Bluesky accounts on Jetstream and polls an account as soon as the stream says it created,
 * changed or deleted a post. The stream only says when to look: the poll's listing misses a deleted post, and the
 * AppView's own answer confirms the deletion, exactly as on a scheduled poll. While the stream is down, the scheduled
 * polls go on as if it did not exist.
 */
@ApplicationScoped
public class BlueskyStreamWatch {

    private static final Logger LOG = Logger.getLogger(BlueskyStreamWatch.class);

    private final BlueskyConfig config;
    private final BlueskySource source;
    private final Poller poller;
    private final WebClient web;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bluesky-stream-polls");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, Long> accountsByDid = Map.of();
    private JetstreamClient stream;

    BlueskyStreamWatch(BlueskyConfig config, BlueskySource source, Poller poller, WebClient web) {
        this.web = web;
        this.config = config;
        this.source = source;
        this.poller = poller;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.jetstreamEnabled()) {
            start(config.jetstreamUrl());
        }
    }

    /** Starts following the watched accounts on the Jetstream at this URL (the configured one, or a test's). */
    public synchronized void start(String jetstreamUrl) {
        stop();
        stream = new JetstreamClient(jetstreamUrl, web, this::heard);
        refresh();
    }

    public synchronized void stop() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    /** Makes the stream follow the accounts watched now; an account whose DID cannot be had now is tried next time. */
    @Scheduled(
            every = "${afterimage.platforms.bluesky.jetstream-check-every:30s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {
        if (stream == null) {
            return;
        }
        Map<String, Long> byDid = new HashMap<>();
        for (Map.Entry<Long, AccountRef> account : watchedAccounts().entrySet()) {
            AccountRef ref = account.getValue();
            Optional<String> did = ref.accountId() != null ? Optional.of(ref.accountId()) : source.did(ref.handle());
            did.ifPresent(value -> byDid.put(value, account.getKey()));
        }
        accountsByDid = Map.copyOf(byDid);
        stream.follow(byDid.keySet());
    }

    @PreDestroy
    void close() {
        stop();
        polls.shutdownNow();
    }

    /** The enabled Bluesky accounts, with the DID each was first read under where it is known. */
    @Transactional
    Map<Long, AccountRef> watchedAccounts() {
        List<Account> accounts = Account.list("platform = ?1 and enabled = true", Platform.BLUESKY);
        Map<Long, AccountRef> watched = new HashMap<>();
        accounts.forEach(account -> watched.put(account.id, account.ref()));
        return watched;
    }

    /** On the stream's thread: hands over at once; a burst of events for one account makes one poll. */
    private void heard(JetstreamEvent event) {
        Long accountId = accountsByDid.get(event.did());
        if (accountId == null || !pending.add(accountId)) {
            return;
        }
        polls.schedule(() -> poll(accountId), config.jetstreamPollDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(long accountId) {
        pending.remove(accountId);
        try {
            poller.poll(accountId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of account %d after a Jetstream event failed; the scheduled polls go on", accountId);
        }
    }
}
