-- Console (issue #18): one row per call to Meta, written after the call and off the delivery's
-- transaction (asynchronous commit), read by the console. Observability: no foreign keys, so that
-- writing a row never locks or waits on the conversion it describes.
CREATE TABLE delivery_attempts (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversion_id   uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    site_id         uuid        NOT NULL,
    attempt_number  integer     NOT NULL CHECK (attempt_number >= 0),
    attempted_at    timestamptz NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('sent', 'meta-unavailable', 'meta-rate-limited',
                        'meta-timeout', 'meta-rejected', 'meta-auth', 'attempts-exhausted', 'event-too-old')),
    http_status     integer     CHECK (http_status BETWEEN 100 AND 599),
    meta_code       integer,
    meta_subcode    integer,
    fbtrace_id      text        CHECK (char_length(fbtrace_id) <= 64),
    latency_ms      integer     NOT NULL CHECK (latency_ms >= 0)
);
CREATE INDEX delivery_attempts_conversion ON delivery_attempts (conversion_id, attempted_at);
-- the console's delivery health of an account: its attempts of the last 24 h
CREATE INDEX delivery_attempts_account_time ON delivery_attempts (account_id, attempted_at);
