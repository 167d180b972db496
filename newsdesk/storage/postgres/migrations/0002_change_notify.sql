-- Live updates: every audit entry is announced on the channel newsdesk_changes, from
-- inside the unit of work that writes it, so desks hear of it exactly when it commits
-- (a rolled-back unit announces nothing). The payload is the entry's id; a desk reads
-- what it has not seen yet from the audit log itself, so nothing is lost when a
-- notification is (a desk that reconnects reads on from where it left off).
CREATE FUNCTION newsdesk_notify_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM pg_notify('newsdesk_changes', NEW.id::text);
        RETURN NULL;
    END
    $$;
CREATE TRIGGER newsdesk_notify_change AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION newsdesk_notify_change();
