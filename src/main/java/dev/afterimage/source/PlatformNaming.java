package dev.afterimage.source;

import dev.afterimage.InvalidFieldException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One platform's names for its accounts and posts: which handles and profile URLs name an account, the canonical
 * URLs of accounts and posts, and the settings an account of the platform takes.
 *
 * <p>Contract: pure answers from the names themselves and the platform's configuration, never from the network, so
 * an account can be added, resolved or described while its platform does not answer.
 */
public interface PlatformNaming {

    Platform platform();

    /** The handle as this platform treats it (e.g. lower case), or empty when it is not a valid handle here. */
    Optional<String> normaliseHandle(String handle);

    /** The handle named by one of this platform's profile URLs, or empty when the URL is not one. */
    Optional<String> handleFromProfileUrl(URI url);

    /** The canonical public URL of an account, e.g. {@code https://t.me/durov}. */
    String canonicalAccountUrl(AccountRef account);

    /** The canonical public URL of a post, e.g. {@code https://t.me/durov/523}. */
    String canonicalPostUrl(AccountRef account, String platformPostId);

    /**
     * The account settings this platform's source needs, checked and normalised.
     *
     * @throws InvalidFieldException naming the option ({@code options.<name>}) that is wrong or missing
     */
    default Map<String, String> validateOptions(Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new InvalidFieldException(
                    "options", platform().apiName() + " accounts take no options; got " + options.keySet());
        }
        return Map.of();
    }

    /**
     * The poll interval of this platform's accounts when the user names none, where the platform's request quota
     * calls for a longer one than {@code afterimage.watch.default-poll-interval}.
     */
    default Optional<Duration> defaultPollInterval() {
        return Optional.empty();
    }
}
