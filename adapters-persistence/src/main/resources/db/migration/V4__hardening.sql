-- Hardening (#16).

-- Meta back-pressure: while Meta throttles a pixel, every instance holds its deliveries until
-- paused_until (one row per pixel; a past paused_until is no pause).
CREATE TABLE pixel_throttle (
    meta_pixel_id  text        PRIMARY KEY,
    paused_until   timestamptz NOT NULL
);

-- Secrets at rest: meta_access_token holds base64(nonce ‖ AES-256-GCM ciphertext ‖ tag), sealed
-- with the key meta_access_token_key names (an id of the SECRETS_KEY ring). A token with no key id
-- is a plaintext row from before V4: every start seals those before it serves a request.
ALTER TABLE sites ADD COLUMN meta_access_token_key text;
