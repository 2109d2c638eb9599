-- Who answered each kept fetch: the server's address and, over https, the TLS session and the certificate chain it
-- presented (PEM, leaf first). Null for captures made before this was recorded, and the TLS columns for plain http.
ALTER TABLE capture ADD COLUMN ip_address VARCHAR(64);
ALTER TABLE capture ADD COLUMN tls_protocol VARCHAR(32);
ALTER TABLE capture ADD COLUMN tls_cipher_suite VARCHAR(128);
ALTER TABLE capture ADD COLUMN tls_certificates VARCHAR;
