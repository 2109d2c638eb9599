-- PDQ perceptual hashes of archived images (256 bits as 64 hex digits, and PDQ's quality 0-100). Null for files
-- that are not images Java decodes, and for images archived before this change until the start-up backfill runs.
ALTER TABLE media ADD COLUMN pdq_hash VARCHAR(64);
ALTER TABLE media ADD COLUMN pdq_quality INTEGER;
-- An index match names a hash; this finds the media (and, through them, the posts) that have it.
CREATE INDEX ix_media_pdq_hash ON media (pdq_hash);
