-- Hot path (#15): two more look-ups of a new conversion are answered from each instance's memory,
-- through the same channel as V7 (adtarget_changes, payload: the table name).
--
-- pixel_throttle: whether Meta throttles the pixel is read before every send. A pause is rare (a
-- throttled answer from Meta) and every pause notifies, so each instance can hold the last answer
-- until it hears of a change.
CREATE TRIGGER pixel_throttle_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pixel_throttle
    FOR EACH STATEMENT EXECUTE FUNCTION adtarget_notify_change();

-- telegram_updates: an API conversion looks up the user's attributed join (enrichment) only in
-- accounts that have one. Only attributed joins notify (organic joins and leaves do not change the
-- answer; Postgres folds identical notifications of one transaction into one). Deleting rows can
-- only turn a "has attributed joins" into a stale yes, which costs a look-up, never an enrichment.
CREATE TRIGGER telegram_updates_attributed_join AFTER INSERT ON telegram_updates
    FOR EACH ROW WHEN (NEW.kind = 'join-attributed') EXECUTE FUNCTION adtarget_notify_change();
