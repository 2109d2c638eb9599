-- Settings a source needs for one account (for a web page, its CSS selectors), as a JSON object.
ALTER TABLE account ADD COLUMN options_json VARCHAR NOT NULL DEFAULT '{}';
-- Accounts of one publisher on several platforms share a group; the archive links their cross-posts.
ALTER TABLE account ADD COLUMN account_group VARCHAR(255);
CREATE INDEX ix_account_group ON account (account_group);

-- When the platform says a version was made (an edit's time), where it says so.
ALTER TABLE post_version ADD COLUMN platform_version_at TIMESTAMP WITH TIME ZONE;
-- SHA-256 of the version's normalised text, to find the same statement posted elsewhere.
ALTER TABLE post_version ADD COLUMN text_sha256 VARCHAR(64);
CREATE INDEX ix_post_version_text ON post_version (text_sha256);
