package dev.afterimage.watch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.source.AccountRef;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies the watchlist file ({@code afterimage.watch.watchlist}) at start-up and whenever its content changes.
 * Accounts it names are created or updated; accounts it created and no longer names are disabled, never
 * deleted, since their archive must survive an edit of the file. Accounts added through the API are left alone.
 *
 * <p>The file is a YAML list; each entry has {@code url}, or {@code platform} and {@code handle}, and
 * optionally {@code label}, {@code group}, {@code pollInterval}, {@code enabled} and {@code options}.
 */
@ApplicationScoped
public class Watchlist {

    private static final Logger LOG = Logger.getLogger(Watchlist.class);

    private final WatchConfig config;
    private final AccountService accounts;
    private final ObjectMapper yaml =
            new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private volatile String appliedContent;

    Watchlist(WatchConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    /** A watchlist that cannot be applied must not keep the service, and every other account, from running. */
    void onStart(@Observes StartupEvent event) {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "watchlist %s could not be applied at start-up; retrying at the next check",
                    config.watchlist().orElse(null));
        }
    }

    /** Synchronised: the start-up apply and the first scheduled check may otherwise both create the same accounts. */
    @Scheduled(
            every = "${afterimage.watch.watchlist-check-every:10s}",
            executeWith = Scheduled.SIMPLE,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reloadIfChanged() {
        Path file = config.watchlist().orElse(null);
        if (file == null) {
            return;
        }
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            if (appliedContent == null || !appliedContent.isEmpty()) {
                LOG.warnf("watchlist %s cannot be read (%s); accounts stay as they are", file, e.toString());
            }
            appliedContent = "";
            return;
        }
        if (content.equals(appliedContent)) {
            return;
        }
        try {
            WatchlistEntry[] entries =
                    content.isBlank() ? new WatchlistEntry[0] : yaml.readValue(content, WatchlistEntry[].class);
            Applied applied = apply(Arrays.asList(entries));
            if (applied.skipped().isEmpty()) {
                LOG.infof("watchlist %s applied: %d accounts", file, applied.accounts());
            } else {
                LOG.warnf(
                        "watchlist %s applied: %d of %d accounts; skipped: %s",
                        file, applied.accounts(), entries.length, String.join("; ", applied.skipped()));
            }
        } catch (IOException e) {
            LOG.errorf(
                    "watchlist %s is not a YAML list of accounts (%s); accounts stay as they are",
                    file, e.getMessage());
        }
        appliedContent = content;
    }

    /**
     * Applies a list of entries, each in a transaction of its own: an invalid entry is logged and skipped, and
     * cannot undo the others.
     */
    public Applied apply(List<WatchlistEntry> entries) {
        Set<Long> named = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        for (WatchlistEntry entry : entries) {
            try {
                named.add(applyEntry(entry).id);
            } catch (InvalidFieldException | DuplicateAccountException e) {
                skipped.add(entry.describe() + ": " + e.getMessage());
            }
        }
        for (Account account : accounts.listFrom(AccountOrigin.WATCHLIST)) {
            if (!named.contains(account.id) && account.enabled) {
                accounts.update(account.id, new AccountPatch(null, null, false));
                LOG.infof(
                        "account %s/%s left the watchlist: disabled, archive kept",
                        account.platform.apiName(), account.handle);
            }
        }
        return new Applied(named.size(), skipped);
    }

    /**
     * What applying the file did.
     *
     * @param accounts the accounts the file now names, created or updated
     * @param skipped each entry that could not be applied, with the reason
     */
    public record Applied(int accounts, List<String> skipped) {}

    private Account applyEntry(WatchlistEntry entry) {
        AccountRequest request = entry.asRequest();
        AccountRef ref = accounts.resolve(request);
        return accounts.find(ref)
                .map(existing -> existing.origin == AccountOrigin.WATCHLIST
                        ? accounts.update(
                                existing.id,
                                new AccountPatch(
                                        request.label(),
                                        request.pollInterval(),
                                        entry.enabled() == null || entry.enabled(),
                                        request.group() == null ? "" : request.group(),
                                        ref.options()))
                        : existing)
                .orElseGet(() -> accounts.create(request, AccountOrigin.WATCHLIST));
    }

    /** One account of the watchlist file. */
    public record WatchlistEntry(
            String url,
            String platform,
            String handle,
            String label,
            String group,
            String pollInterval,
            Boolean enabled,
            Map<String, String> options) {
        AccountRequest asRequest() {
            return new AccountRequest(url, platform, handle, label, pollInterval, enabled, group, options);
        }

        /** The entry as its author wrote it: its URL, or its platform and handle. */
        String describe() {
            return url != null ? url : platform + " " + handle;
        }
    }
}
