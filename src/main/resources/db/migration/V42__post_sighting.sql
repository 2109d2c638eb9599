-- When each post was last seen, apart from the post: every poll notes it for every listed post, and a narrow row is
-- cheap to rewrite where the post's own row is not (H2 rewrites a changed row in each of the post table's indexes).
CREATE TABLE post_sighting (
    post_id      BIGINT PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO post_sighting (post_id, last_seen_at) SELECT id, last_seen_at FROM post;
ALTER TABLE post DROP COLUMN last_seen_at;
