-- The console's "Deletions and edits" page reads the newest events of a few types across every account, and searches
-- words across every account's posts; its charts count posts and events per day over every account. Each needs an
-- index that does not start with the account.
CREATE INDEX ix_event_type_newest ON event (type, id);
CREATE INDEX ix_event_type_detected ON event (type, detected_at);
CREATE INDEX ix_console_word_any_account ON console_word (word, post_id);
CREATE INDEX ix_post_published ON post (published_at);
-- Media still owed (no file yet) are counted for the first archive's progress without reading every media row.
CREATE INDEX ix_version_media_file ON version_media (media_sha256);
-- A post's events are read for its page, its JSON and every archive lookup: by post, not by scanning the log.
CREATE INDEX ix_event_post ON event (post_id, id);
