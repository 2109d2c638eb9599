package dev.afterimage.source.telegram;

/**
 * What the landing page {@code t.me/<name>} says about an account. Telegram redirects {@code /s/<name>} there when a
 * name has no public channel preview, so this page tells a vanished account from one that merely isn't public.
 */
public sealed interface LandingResult {

    /** The "Telegram: Contact @name" page with no account title: no account has this name. */
    record NoSuchAccount(String evidence) implements LandingResult {}

    /**
     * An account with this name exists (the page has its title) but offers no public preview: a user, a group or a
     * channel without a preview.
     */
    record NotPublic(String evidence) implements LandingResult {}

    /** Anything else, including a landing page that does offer a public preview. */
    record Unrecognised(String why) implements LandingResult {}
}
