-- Issue #15: a new conversion's upsert in one statement and one implicit transaction when no recent match
-- exists (the common case). The function takes the same transaction-scoped advisory lock on the match key as
-- the full upsert, then looks for a recent match; PL/pgSQL takes a fresh snapshot for each statement of a
-- VOLATILE function, so the look-up sees whatever the lock's previous holder committed, exactly as the full
-- upsert's SELECT after its lock does. With a recent match it writes nothing and returns no row: the caller
-- runs the full upsert (lock, SELECT ... FOR UPDATE, decide, write). The candidate comes as one JSON object
-- keyed by column name, so the function names no column list of its own.
CREATE FUNCTION conversions_insert_unless_matched(lock_key bigint, created_after timestamptz, candidate jsonb)
    RETURNS SETOF conversions
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    c conversions := jsonb_populate_record(NULL::conversions, candidate);
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    IF c.client_event_id IS NULL THEN
        PERFORM 1 FROM conversions
         WHERE site_id = c.site_id AND key_mode = c.key_mode AND telegram_user_id = c.telegram_user_id
           AND channel_id = c.channel_id AND event_type = c.event_type AND client_event_id IS NULL
           AND created_at > created_after
         LIMIT 1;
    ELSE
        PERFORM 1 FROM conversions
         WHERE site_id = c.site_id AND key_mode = c.key_mode AND telegram_user_id = c.telegram_user_id
           AND channel_id = c.channel_id AND event_type = c.event_type AND client_event_id = c.client_event_id
           AND created_at > created_after
         LIMIT 1;
    END IF;
    IF FOUND THEN
        RETURN;
    END IF;
    RETURN QUERY INSERT INTO conversions SELECT (c).* RETURNING *;
END
$$;
