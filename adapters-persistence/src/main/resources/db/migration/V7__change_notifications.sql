-- Hot path (#15): API keys and sites are cached in each instance's memory. Every committed change
-- to the tables they are read from notifies channel adtarget_changes (payload: the table name), and
-- each instance drops what it cached when it hears it. Statement-level, so a bulk change is one
-- notification; Postgres delivers it at commit, to every listening instance.
CREATE FUNCTION adtarget_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('adtarget_changes', TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

CREATE TRIGGER api_keys_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION adtarget_notify_change();
CREATE TRIGGER accounts_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION adtarget_notify_change();
CREATE TRIGGER sites_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
    FOR EACH STATEMENT EXECUTE FUNCTION adtarget_notify_change();
CREATE TRIGGER channels_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION adtarget_notify_change();
