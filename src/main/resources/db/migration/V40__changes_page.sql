-- The console's "Deletions and edits" page reads the newest events of a few types across every account, and searches
-- words across every account's posts: both need an index that does not start with the account.
CREATE INDEX ix_event_type_newest ON event (type, id);
CREATE INDEX ix_console_word_any_account ON console_word (word, post_id);
