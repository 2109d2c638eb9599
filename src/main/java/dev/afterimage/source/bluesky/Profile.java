package dev.afterimage.source.bluesky;

/** What {@code app.bsky.actor.getProfile} said about an account. */
sealed interface Profile {

    /** The account is there; {@code did} is its permanent id, which the handle may stop pointing to. */
    record Fine(String did) implements Profile {}

    /** The AppView says definitively that the account is deactivated, taken down or unknown. */
    record Gone(String evidence) implements Profile {}

    /** Anything else: no conclusion about the account, so none about its posts either. */
    record Unknown(String reason) implements Profile {}
}
