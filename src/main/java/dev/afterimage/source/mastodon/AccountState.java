package dev.afterimage.source.mastodon;

/** What the instance's account lookup said about the watched account. */
sealed interface AccountState {

    /** The account is there and public; its posts are read by its instance-local id. */
    record Active(String id) implements AccountState {}

    /** The instance says definitively that the account is no longer there as it was: unknown, suspended, moved. */
    record Gone(String evidence) implements AccountState {}

    /** No usable answer. */
    record Unknown(String reason) implements AccountState {}
}
