-- Why a picture has no dHash although it is one (its header announced more pixels than the decoding budget).
ALTER TABLE media ADD COLUMN image_note VARCHAR(255);

-- A feed entry or web-page item that links another platform's post is archived under its feed's or page's URL with
-- the link after a '#', the link itself kept here; it is never stored as that platform's post.
ALTER TABLE post ADD COLUMN linked_url VARCHAR(2048);
CREATE INDEX ix_post_linked_url ON post (linked_url);

-- Entries archived before under a platform's canonical post URL are re-keyed. Any left (a URL too long to re-key)
-- are still never served as that platform's post: lookups check the platform of the account that served a copy.
UPDATE post SET linked_url = url,
    url = (SELECT a.handle FROM account a WHERE a.id = post.account_id) || '#' || url
WHERE account_id IN (SELECT a.id FROM account a WHERE a.platform IN ('RSS', 'WEB')
        AND LENGTH(a.handle) + 1 + LENGTH(post.url) <= 2048)
    AND (url LIKE 'https://t.me/%' OR url LIKE 'https://x.com/i/status/%' OR url LIKE 'https://bsky.app/profile/%'
        OR url LIKE 'https://www.facebook.com/%' OR url LIKE 'https://%/@%/%' OR url LIKE 'https://%/web/statuses/%');
