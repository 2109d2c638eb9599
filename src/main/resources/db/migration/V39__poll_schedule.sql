-- When each enabled account is next due, and which instance has claimed its poll until when. Claimers take due rows
-- in batches (FOR UPDATE SKIP LOCKED), so one stored Quartz trigger per account firing every minute is not needed.
CREATE TABLE poll_schedule (
    account_id     BIGINT                   NOT NULL PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    next_poll_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by     VARCHAR(200),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    -- The newest post the account was seen to publish: an account quiet for days is polled less often.
    last_posted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX poll_schedule_due ON poll_schedule (next_poll_at);

INSERT INTO poll_schedule (account_id, next_poll_at)
SELECT id, CURRENT_TIMESTAMP FROM account WHERE enabled = TRUE;

-- The per-account Quartz jobs this table replaces.
DELETE FROM qrtz_fired_triggers WHERE trigger_group = 'account-polls';
DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'account-polls';
DELETE FROM qrtz_triggers WHERE trigger_group = 'account-polls';
DELETE FROM qrtz_job_details WHERE job_group = 'account-polls';
