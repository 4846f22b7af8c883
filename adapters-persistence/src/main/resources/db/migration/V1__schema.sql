-- AdTarget Conversions: initial schema. Timestamps are timestamptz (microseconds); the services
-- truncate every instant to microseconds before it reaches the database.

CREATE TABLE accounts (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id),
    name        text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    mode        text        NOT NULL CHECK (mode IN ('live', 'test')),
    prefix      text        NOT NULL,
    key_hash    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    CONSTRAINT api_keys_hash_unique UNIQUE (key_hash)
);
CREATE INDEX api_keys_account ON api_keys (account_id);

CREATE TABLE sites (
    id                 uuid        PRIMARY KEY,
    account_id         uuid        NOT NULL REFERENCES accounts (id),
    name               text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    meta_pixel_id      text,
    meta_access_token  text,
    test_event_code    text,
    enabled            boolean     NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    -- target of the composite foreign keys below: a channel or conversion belongs to its site's account
    CONSTRAINT sites_id_account_unique UNIQUE (id, account_id)
);
CREATE INDEX sites_account ON sites (account_id);

CREATE TABLE channels (
    site_id     uuid   NOT NULL,
    account_id  uuid   NOT NULL,
    channel_id  text   NOT NULL,
    position    bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (site_id, channel_id),
    CONSTRAINT channels_account_channel_unique UNIQUE (account_id, channel_id),
    CONSTRAINT channels_site_fk FOREIGN KEY (site_id, account_id) REFERENCES sites (id, account_id) ON DELETE CASCADE
);

CREATE TABLE conversions (
    id                     uuid        PRIMARY KEY,
    account_id             uuid        NOT NULL,
    site_id                uuid        NOT NULL,
    key_mode               text        NOT NULL CHECK (key_mode IN ('live', 'test')),
    telegram_user_id       bigint      NOT NULL CHECK (telegram_user_id > 0),
    channel_id             text        NOT NULL,
    event_type             text        NOT NULL,
    client_event_id        text,
    value_amount           numeric(17, 4),
    value_currency         char(3),
    event_time             timestamptz NOT NULL,
    event_source_url       text,
    custom_data            jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status                 text        NOT NULL CHECK (status IN ('pending', 'failed', 'skipped', 'sent')),
    attempts               integer     NOT NULL CHECK (attempts >= 0),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    sent_at                timestamptz,
    fbtrace_id             text,
    last_error_code        text CHECK (last_error_code IN ('meta-unavailable', 'meta-rate-limited', 'meta-timeout',
                               'meta-rejected', 'meta-auth', 'attempts-exhausted', 'event-too-old')),
    last_error_message     text,
    last_error_retryable   boolean,
    last_error_meta_code   integer,
    last_error_fbtrace_id  text,
    skip_reason            text CHECK (skip_reason IN ('meta-not-configured', 'site-disabled', 'test-event-code-missing')),
    next_attempt_at        timestamptz,
    lease_until            timestamptz,
    version                bigint      NOT NULL CHECK (version >= 0),
    CONSTRAINT conversions_site_fk FOREIGN KEY (site_id, account_id) REFERENCES sites (id, account_id),
    CONSTRAINT conversions_value_complete CHECK ((value_amount IS NULL) = (value_currency IS NULL)),
    CONSTRAINT conversions_error_complete CHECK ((last_error_code IS NULL) = (last_error_message IS NULL)
                                                 AND (last_error_code IS NULL) = (last_error_retryable IS NULL)),
    CONSTRAINT conversions_sent_has_time CHECK (status <> 'sent' OR sent_at IS NOT NULL),
    CONSTRAINT conversions_skipped_has_reason CHECK ((status = 'skipped') = (skip_reason IS NOT NULL))
);
-- the upsert's look-up: latest conversion of one match key (client_event_id IS NULL uses it too)
CREATE INDEX conversions_match_key ON conversions
    (site_id, key_mode, telegram_user_id, channel_id, event_type, client_event_id, created_at DESC);
-- the account listing, newest first, with keyset pagination
CREATE INDEX conversions_account_listing ON conversions (account_id, created_at DESC, id DESC);
-- the retry worker: due retryable failures and unfinished deliveries (both small sets)
CREATE INDEX conversions_due_retries ON conversions (next_attempt_at)
    WHERE status = 'failed' AND last_error_retryable;
CREATE INDEX conversions_pending ON conversions (updated_at) WHERE status = 'pending';

-- No foreign key to api_keys: every request of a key would take a KEY SHARE lock on one hot
-- api_keys row; records are short-lived (purged after the retention) and scoped by id only.
CREATE TABLE idempotency_records (
    api_key_id             uuid        NOT NULL,
    idem_key               text        NOT NULL CHECK (char_length(idem_key) BETWEEN 1 AND 128),
    owner_token            text        NOT NULL,
    created_at             timestamptz NOT NULL,
    lease_until            timestamptz NOT NULL,
    response_status        integer     CHECK (response_status BETWEEN 100 AND 599),
    response_content_type  text,
    response_body          bytea,
    conversion_id          uuid,
    fingerprint            text,
    PRIMARY KEY (api_key_id, idem_key),
    CONSTRAINT idempotency_response_complete CHECK ((response_status IS NULL) = (response_body IS NULL)
                                                    AND (response_status IS NULL) = (response_content_type IS NULL))
);
-- the purge job deletes by age
CREATE INDEX idempotency_records_created ON idempotency_records (created_at);
