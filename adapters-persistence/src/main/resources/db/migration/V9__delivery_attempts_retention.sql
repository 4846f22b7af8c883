-- delivery_attempts are purged after DELIVERY_ATTEMPT_RETENTION (default 30 days) in bounded batches by
-- the purge tick: each batch finds its oldest rows through this index instead of scanning the table.
CREATE INDEX delivery_attempts_attempted_at ON delivery_attempts (attempted_at);
