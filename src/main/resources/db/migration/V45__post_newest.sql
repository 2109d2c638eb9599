-- GET /api/posts over every account reads the newest posts, all or in one state, from these indexes and stops after
-- the page. Before, PostgreSQL sorted every post of the archive at each call: its only index on publication time was
-- ascending, which read backwards gives the undated posts first, not last. The ascending index is replaced (the
-- dashboard's chart counts a day's posts by a range of publication times, which the new one answers as well), and so
-- is the account's ascending one, which the account's newest-first index answers for every query that used it.
DROP INDEX ix_post_published;
DROP INDEX ix_post_account_published;
CREATE INDEX ix_post_newest ON post (published_at DESC NULLS LAST, id DESC);
CREATE INDEX ix_post_state_newest ON post (state, published_at DESC NULLS LAST, id DESC);
