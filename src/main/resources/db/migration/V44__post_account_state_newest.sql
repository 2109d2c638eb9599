-- An account page filtered to its live or deleted posts reads them newest first from this index and stops after a
-- page, instead of reading every post of the account to find the few deleted ones.
CREATE INDEX ix_post_account_state_newest ON post (account_id, state, published_at DESC NULLS LAST, id DESC);
