-- Polls are numbered from one sequence for all accounts, not by a counter in each account's row: numbering a poll
-- then writes no row (a claim used to lock and rewrite every claimed account's row to number its poll). Polls of an
-- account are still ordered as they start, and the numbers start again here, so the newest recorded goes back to 0.
-- Dropping the counter also makes an instance still running the code before this fail to record, rather than record
-- with a number from the old series.
CREATE SEQUENCE poll_number;
UPDATE account SET last_recorded_poll_seq = 0;
ALTER TABLE account DROP COLUMN poll_seq;
