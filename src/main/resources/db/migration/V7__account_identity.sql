-- The platform's own stable id of an account (a Bluesky DID, an X user id), learnt at its first good poll. A handle
-- is only a name that can pass to someone else; the id says whether it still names the account that was watched.
ALTER TABLE account ADD COLUMN platform_account_id VARCHAR(255);
