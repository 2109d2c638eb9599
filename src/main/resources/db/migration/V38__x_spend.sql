-- What X billed per UTC day: reads are billed per post returned; Activity API events are counted beside them.
-- Kept in the database so a restart does not reset the month's spend or its budget.
CREATE TABLE x_spend_day (
    spend_day   DATE   NOT NULL PRIMARY KEY,
    requests    BIGINT NOT NULL,
    posts_read  BIGINT NOT NULL,
    events      BIGINT NOT NULL
);
