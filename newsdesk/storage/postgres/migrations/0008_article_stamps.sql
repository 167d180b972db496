-- Each article's stamp: a random value the database itself gives the row again at
-- every change of its stored state, so an export tells an unchanged article from the
-- folder's manifest without reading its body. Random, not a counter: a restored
-- backup brings back each row with the stamp it had then, never one another content
-- had. Existing rows get one here (the first export after the upgrade checks every
-- article once, and writes no file that did not change).
ALTER TABLE articles ADD COLUMN stamp uuid NOT NULL DEFAULT gen_random_uuid();

-- No one sets a stamp: an insert gets a new one, an update a new one when any column
-- but the approved digest (a record of the approved text, shown nowhere) changes,
-- and otherwise keeps its own, whatever the statement asked. Named to run after the
-- rules' own BEFORE trigger (newsdesk_guard_article, roles.sql), which may amend NEW.
CREATE FUNCTION newsdesk_stamp_article() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR (NEW.id, NEW.slug, NEW.kicker, NEW.headline, NEW.section,
                NEW.date, NEW.source, NEW.language, NEW.body, NEW.credits, NEW.images,
                NEW.summary, NEW.keywords, NEW.reporters, NEW.status, NEW.revision,
                NEW.approved_revision, NEW.created_by, NEW.created_at, NEW.updated_at,
                NEW.updated_by, NEW.content_updated_at, NEW.content_updated_by)
            IS DISTINCT FROM (OLD.id, OLD.slug, OLD.kicker, OLD.headline, OLD.section,
                OLD.date, OLD.source, OLD.language, OLD.body, OLD.credits, OLD.images,
                OLD.summary, OLD.keywords, OLD.reporters, OLD.status, OLD.revision,
                OLD.approved_revision, OLD.created_by, OLD.created_at, OLD.updated_at,
                OLD.updated_by, OLD.content_updated_at, OLD.content_updated_by) THEN
            NEW.stamp := gen_random_uuid();
        ELSE
            NEW.stamp := OLD.stamp;
        END IF;
        RETURN NEW;
    END
    $$;
CREATE TRIGGER newsdesk_stamp_article BEFORE INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsdesk_stamp_article();
