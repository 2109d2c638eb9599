package dev.afterimage.alert;

import java.util.Optional;

/**
 * Looks up the account an event is about. Implemented where accounts live (watch), so alerts can describe an
 * account without depending on how accounts are watched.
 */
public interface AccountDirectory {

    Optional<AccountCard> find(long accountId);
}
