-- Media downloads owed, per URL: when they failed first and last, when they may be tried again (backing off), and
-- when the source said the file is gone (404/410).
CREATE TABLE media_attempt (
    url_sha256       VARCHAR(64)  PRIMARY KEY,
    url              VARCHAR      NOT NULL,
    attempts         INT          NOT NULL,
    first_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_reason      VARCHAR(1000) NOT NULL,
    gone_at          TIMESTAMP WITH TIME ZONE,
    gone_status      INT
);
