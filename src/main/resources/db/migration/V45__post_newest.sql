-- GET /api/posts over every account reads the newest posts, all or in one state, from these indexes and stops after
-- the page. Before, PostgreSQL sorted every post of the archive at each call: its only index on publication time is
-- ascending, and read backwards it gives the undated posts first, not last. That narrow index stays: the dashboard's
-- chart counts each day's posts over a range of it, which it reads faster than the wider newest-first one. The
-- account's ascending index goes: the account's newest-first index answers every query that used it.
DROP INDEX ix_post_account_published;
CREATE INDEX ix_post_newest ON post (published_at DESC NULLS LAST, id DESC);
CREATE INDEX ix_post_state_newest ON post (state, published_at DESC NULLS LAST, id DESC);
