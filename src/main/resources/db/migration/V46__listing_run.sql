-- An account's listing run: the polls since started_at that listed the same posts, every one unchanged. Such a poll
-- writes only seen_through here, where it rewrote each listed post's sighting; a post whose own sighting is the run's
-- start is one of the run's and was last seen at seen_through (Post.lastSeenAt). post_ids (ascending, comma-separated)
-- is the set the run's polls listed, compared whole, and names the rows that take seen_through when the run ends.
CREATE TABLE listing_run (
    account_id   BIGINT PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_through TIMESTAMP WITH TIME ZONE NOT NULL,
    post_ids     VARCHAR(10000) NOT NULL
);
