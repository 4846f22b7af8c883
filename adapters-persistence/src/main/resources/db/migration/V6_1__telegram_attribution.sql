-- Telegram attribution (#14): browser keys, bot connections, visits with their invite links, and the
-- Telegram updates each site processed. Applies on its own on top of V1–V4.

-- Where a conversion came from: the API, or a Telegram join attributed to a visit.
ALTER TABLE conversions ADD COLUMN source text NOT NULL DEFAULT 'api'
    CHECK (source IN ('api', 'telegram-join'));
ALTER TABLE conversions ADD COLUMN visit_id uuid;

-- Publishable keys (atk_pub_…): only the SHA-256 of the secret is kept.
CREATE TABLE publishable_keys (
    id               uuid        PRIMARY KEY,
    account_id       uuid        NOT NULL REFERENCES accounts (id),
    site_id          uuid        NOT NULL REFERENCES sites (id),
    prefix           text        NOT NULL,
    key_hash         text        NOT NULL UNIQUE,
    allowed_origins  text[]      NOT NULL,
    created_at       timestamptz NOT NULL,
    revoked_at       timestamptz
);

-- One bot per site. bot_token is sealed by SecretBox (base64 nonce ‖ ciphertext ‖ tag, key id in
-- bot_token_key, context telegram_connections.bot_token:<site id>); webhook_secret_hash is the SHA-256 of
-- the secret_token Telegram sends back.
CREATE TABLE telegram_connections (
    site_id              uuid        PRIMARY KEY REFERENCES sites (id),
    bot_token            text        NOT NULL,
    bot_token_key        text        NOT NULL,
    bot_username         text        NOT NULL,
    webhook_secret_hash  text        NOT NULL,
    invite_mode          text        NOT NULL CHECK (invite_mode IN ('member-limit', 'join-request')),
    connected_at         timestamptz NOT NULL
);

-- Landing-page visits; purged after VISIT_RETENTION.
CREATE TABLE visits (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL,
    site_id      uuid        NOT NULL,
    channel_id   text        NOT NULL,
    fbc          text,
    fbp          text,
    client_ip    text,
    user_agent   text,
    landing_url  text,
    referrer     text,
    utm          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    invite_link  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX visits_invite_link ON visits (site_id, invite_link);
CREATE INDEX visits_created ON visits (created_at);
CREATE INDEX visits_channel ON visits (account_id, channel_id, created_at);

-- Each processed update once per (site, update_id): Telegram re-sends until it gets a 2xx.
CREATE TABLE telegram_updates (
    site_id           uuid        NOT NULL,
    update_id         bigint      NOT NULL,
    account_id        uuid        NOT NULL,
    channel_id        text        NOT NULL,
    telegram_user_id  bigint      NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('join-attributed', 'join-organic', 'leave')),
    visit_id          uuid,
    received_at       timestamptz NOT NULL,
    PRIMARY KEY (site_id, update_id)
);
CREATE INDEX telegram_updates_attributed ON telegram_updates (account_id, telegram_user_id, received_at DESC)
    WHERE kind = 'join-attributed';
CREATE INDEX telegram_updates_channel ON telegram_updates (account_id, channel_id, received_at);
