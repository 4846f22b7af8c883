-- Hardening (#16): an account's own rate limit, used by every API key of the account instead of the
-- service's RATE_LIMIT_PER_SECOND default (NULL: the default applies). Read with the key at
-- authentication, so it costs no extra query.
ALTER TABLE accounts ADD COLUMN rate_limit_per_second integer
    CHECK (rate_limit_per_second BETWEEN 1 AND 1000000);
