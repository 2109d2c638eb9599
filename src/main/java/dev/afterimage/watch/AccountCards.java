package dev.afterimage.watch;

import dev.afterimage.alert.AccountCard;
import dev.afterimage.alert.AccountDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Tells alerts about watched accounts. */
@ApplicationScoped
class AccountCards implements AccountDirectory {

    @Override
    @Transactional
    public Optional<AccountCard> find(long accountId) {
        return Account.<Account>findByIdOptional(accountId)
                .map(account -> new AccountCard(
                        account.id, account.platform.apiName(), account.handle, account.label, account.canonicalUrl));
    }
}
