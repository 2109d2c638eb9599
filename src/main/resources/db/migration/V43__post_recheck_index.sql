-- Every poll asks for its account's posts due a re-check: without this index both databases read every post of the
-- account to answer, which an official account with years of posts makes tens of thousands of rows a poll.
CREATE INDEX ix_post_account_recheck ON post (account_id, next_recheck_at);
