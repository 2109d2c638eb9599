-- The tamper-evident log: every archived version and media file, each entry's hash covering the previous one's.

CREATE TABLE evidence_entry (
    seq           BIGINT      PRIMARY KEY,
    kind          VARCHAR(16) NOT NULL,
    record_ref    VARCHAR(80) NOT NULL,
    record_hash   VARCHAR(64) NOT NULL,
    previous_hash VARCHAR(64) NOT NULL,
    entry_hash    VARCHAR(64) NOT NULL,
    appended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The chain's head, locked by every append until its transaction ends: entries are numbered and linked in commit
-- order, and a truncated chain no longer matches its head.
CREATE TABLE evidence_head (
    name      VARCHAR(16) PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO evidence_head (name, last_seq, last_hash)
VALUES ('chain', 0, '0000000000000000000000000000000000000000000000000000000000000000');
