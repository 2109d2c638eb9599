-- The console. Written for H2 2.x and PostgreSQL 15 alike.

-- Account pages list posts newest first: this index hands them over in that order, so a page reads 50 rows, not
-- all of the account's.
CREATE INDEX ix_post_account_newest ON post (account_id, published_at DESC NULLS LAST, id DESC);

-- Full-text search over archived text: each distinct word of every version of a post, once per post. A search
-- reads the posts holding a word straight from the unique index, newest archived first, instead of scanning every
-- version's text. Filled by the console's indexer from post_version (see console_word_mark).
CREATE TABLE console_word (
    account_id BIGINT      NOT NULL,
    word       VARCHAR(40) NOT NULL,
    post_id    BIGINT      NOT NULL REFERENCES post (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_console_word ON console_word (account_id, word, post_id DESC);
CREATE INDEX ix_console_word_post ON console_word (post_id);

-- How far the indexer has read post_version, by id; the row is locked while it indexes, so instances of a
-- cluster take turns.
CREATE TABLE console_word_mark (
    name            VARCHAR(32) PRIMARY KEY,
    last_version_id BIGINT      NOT NULL
);
INSERT INTO console_word_mark (name, last_version_id) VALUES ('post_version', 0);
