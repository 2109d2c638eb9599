-- Polls of an account are numbered when they start; an observation is applied unless a poll numbered later was
-- recorded first. Wall-clock times are not compared, so a clock that steps back never silences an account.
ALTER TABLE account ADD COLUMN poll_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN last_recorded_poll_seq BIGINT NOT NULL DEFAULT 0;
