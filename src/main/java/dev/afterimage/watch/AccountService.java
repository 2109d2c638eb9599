package dev.afterimage.watch;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Post;
import dev.afterimage.detect.Availability;
import dev.afterimage.source.AccountRef;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PlatformNaming;
import dev.afterimage.source.PlatformNamings;
import dev.afterimage.source.PostSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Adds, changes and removes watched accounts, keeping their poll schedule in step. */
@ApplicationScoped
public class AccountService {

    private static final int MAX_LABEL_LENGTH = 255;

    private final PostSources sources;
    private final PlatformNamings namings;
    private final PollScheduler scheduler;
    private final WatchConfig config;
    private final Clock clock;

    AccountService(
            PostSources sources, PlatformNamings namings, PollScheduler scheduler, WatchConfig config, Clock clock) {
        this.sources = sources;
        this.namings = namings;
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Account create(AccountRequest request, AccountOrigin origin) {
        AccountRef ref = resolve(request);
        Account.findByHandle(ref.platform(), ref.handle()).ifPresent(existing -> {
            throw new DuplicateAccountException(existing.id, ref.platform().apiName() + " account " + ref.handle());
        });
        Account account = new Account();
        account.platform = ref.platform();
        account.handle = ref.handle();
        account.setOptions(ref.options());
        PlatformNaming naming = namings.of(ref.platform());
        account.canonicalUrl = naming.canonicalAccountUrl(ref);
        account.label = label(request.label());
        account.groupName = group(request.group());
        account.pollIntervalSeconds = interval(request.pollInterval())
                .or(naming::defaultPollInterval)
                .orElse(config.defaultPollInterval())
                .toSeconds();
        account.enabled = request.enabled() == null || request.enabled();
        account.availability = Availability.ACTIVE;
        account.origin = origin;
        account.createdAt = clock.instant();
        account.persist();
        if (account.enabled) {
            scheduler.schedule(account.id, account.pollInterval());
        }
        return account;
    }

    @Transactional
    public Account update(long id, AccountPatch patch) {
        Account account = get(id);
        if (patch.label() != null) {
            account.label = label(patch.label());
        }
        if (patch.group() != null) {
            account.groupName = group(patch.group());
        }
        if (patch.options() != null) {
            account.setOptions(validOptions(namings.of(account.platform), patch.options()));
        }
        interval(patch.pollInterval()).ifPresent(interval -> account.pollIntervalSeconds = interval.toSeconds());
        if (patch.enabled() != null) {
            account.enabled = patch.enabled();
        }
        if (account.enabled) {
            scheduler.schedule(account.id, account.pollInterval());
        } else {
            scheduler.unschedule(account.id);
        }
        return account;
    }

    /**
     * Removes an account that has nothing archived. One with archived posts is refused: the archive is evidence, and
     * removing it would break the evidence chain; such an account is paused instead.
     */
    @Transactional
    public void delete(long id) {
        Account account = get(id);
        long archived = Post.count("accountId", id);
        if (archived > 0) {
            throw new AccountHasArchiveException(id, archived);
        }
        scheduler.unschedule(account.id);
        account.delete();
    }

    @Transactional
    public Account get(long id) {
        Account account = Account.findById(id);
        if (account == null) {
            throw new AccountNotFoundException(id);
        }
        return account;
    }

    @Transactional
    public List<Account> list() {
        return Account.list("order by id");
    }

    @Transactional
    public Optional<Account> find(AccountRef ref) {
        return Account.findByHandle(ref.platform(), ref.handle());
    }

    @Transactional
    public List<Account> listFrom(AccountOrigin origin) {
        return Account.list("origin = ?1 order by id", origin);
    }

    /** Which platform and handle a request names, with the source's options for it, validated. */
    public AccountRef resolve(AccountRequest request) {
        AccountRef named = named(request);
        sources.of(named.platform()).disabledReason().ifPresent(reason -> {
            throw new InvalidFieldException(
                    request.url() != null && !request.url().isBlank() ? "url" : "platform",
                    named.platform().apiName() + " accounts cannot be watched: " + reason);
        });
        return new AccountRef(
                named.platform(), named.handle(), validOptions(namings.of(named.platform()), request.options()));
    }

    private static Map<String, String> validOptions(PlatformNaming naming, Map<String, String> options) {
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getValue() == null) {
                throw new InvalidFieldException("options." + option.getKey(), "an option needs a value");
            }
        }
        return naming.validateOptions(Map.copyOf(options));
    }

    private AccountRef named(AccountRequest request) {
        if (request.url() != null && !request.url().isBlank()) {
            return fromUrl(request.url().strip());
        }
        if (request.platform() == null || request.platform().isBlank()) {
            throw new InvalidFieldException(
                    "url", "give either the profile URL (\"url\") or a \"platform\" and a \"handle\"");
        }
        Platform platform = Platform.fromApiName(request.platform().strip())
                .orElseThrow(() -> new InvalidFieldException(
                        "platform",
                        "unknown platform \"" + request.platform() + "\"; supported: "
                                + Arrays.stream(Platform.values())
                                        .map(Platform::apiName)
                                        .collect(Collectors.joining(", "))));
        if (request.handle() == null || request.handle().isBlank()) {
            throw new InvalidFieldException("handle", "a handle is required with \"platform\"");
        }
        String handle = namings.of(platform)
                .normaliseHandle(request.handle().strip())
                .orElseThrow(() -> new InvalidFieldException(
                        "handle", "\"" + request.handle() + "\" is not a valid " + platform.apiName() + " handle"));
        return new AccountRef(platform, handle);
    }

    private AccountRef fromUrl(String url) {
        URI uri;
        try {
            String withScheme = url.contains("://") ? url : "https://" + url;
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "\"" + url + "\" is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidFieldException("url", "\"" + url + "\" is not an http(s) URL");
        }
        Optional<AccountRef> ref = namings.fromProfileUrl(uri);
        return ref.orElseThrow(() -> new InvalidFieldException(
                "url",
                "\"" + url + "\" is not a profile URL Afterimage recognises (e.g. https://t.me/<channel>); for a feed"
                        + " give {\"platform\": \"rss\", \"handle\": \"<feed URL>\"}, for a news page"
                        + " {\"platform\": \"web\", \"handle\": \"<listing URL>\", \"options\": {...}}"));
    }

    private Optional<Duration> interval(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Duration interval = PollIntervals.parse(text)
                .orElseThrow(() -> new InvalidFieldException(
                        "pollInterval", "\"" + text + "\" is not a duration such as 60s, 5m, 1h or PT60S"));
        if (interval.compareTo(config.minPollInterval()) < 0 || interval.compareTo(config.maxPollInterval()) > 0) {
            throw new InvalidFieldException(
                    "pollInterval",
                    "the poll interval must be from " + config.minPollInterval() + " to " + config.maxPollInterval());
        }
        return Optional.of(interval);
    }

    private static String group(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        if (group.length() > MAX_LABEL_LENGTH) {
            throw new InvalidFieldException("group", "the group must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        return group.strip();
    }

    private static String label(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidFieldException("label", "the label must be at most " + MAX_LABEL_LENGTH + " characters");
        }
        return label.strip();
    }
}
