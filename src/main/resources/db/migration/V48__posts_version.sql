-- Counts the record transactions that wrote an account's posts (new posts and versions, states, re-check times): a
-- poll that planned its questions at one count may plan them the same way again, without reading the posts, while
-- the count stands and no re-check falls due (see docs/scheduling.md, "Plans kept").
ALTER TABLE account ADD COLUMN posts_version BIGINT DEFAULT 0 NOT NULL;
