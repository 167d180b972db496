-- The rules the database itself enforces, applied by `newsdesk server init` (again on
-- every run: every statement here may be repeated). The newsroom's Python rules
-- (domain/workflow.py) decide first; this is the second wall, for anyone who writes
-- SQL with a desk's login.
--
-- {reporter}, {producer} and {web} are this newsroom's group roles (newsdesk_meta
-- holds their names). The table owner and superusers bypass row-level security, so
-- desks never connect as the owner; the functions below let the owner pass too.
--
-- A refusal names its rule: "newsdesk rule RULE: what was refused", SQLSTATE 42501.

CREATE OR REPLACE FUNCTION newsdesk_person() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT name FROM people WHERE login = session_user $$;

CREATE OR REPLACE FUNCTION newsdesk_is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
        SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
            OR coalesce(pg_has_role(session_user,
                                    (SELECT relowner FROM pg_class
                                     WHERE oid = 'articles'::regclass),
                                    'MEMBER'), false)
    $$;

CREATE OR REPLACE FUNCTION newsdesk_in_group(kind text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
        SELECT coalesce(pg_has_role(session_user,
                                    (SELECT value FROM newsdesk_meta
                                     WHERE key = kind || '_role'),
                                    'MEMBER'), false)
    $$;

CREATE OR REPLACE FUNCTION newsdesk_refuse(rule text, message text) RETURNS void
    LANGUAGE plpgsql
    AS $$
    BEGIN
        RAISE EXCEPTION 'newsdesk rule %: %', rule, message
            USING ERRCODE = 'insufficient_privilege';
    END
    $$;

-- The chain head, locked for the rest of the caller's transaction. SECURITY DEFINER:
-- desks may lock the head without any right to change it.
CREATE OR REPLACE FUNCTION newsdesk_lock_audit_head(OUT id bigint, OUT hash text)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path FROM CURRENT
    AS $$ SELECT h.id, h.hash FROM audit_head h FOR UPDATE $$;

-- Every audit entry extends the head, and moves it.
CREATE OR REPLACE FUNCTION newsdesk_audit_append() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
    DECLARE
        head record;
    BEGIN
        SELECT h.id, h.hash INTO head FROM audit_head h FOR UPDATE;
        IF NEW.id <> head.id + 1 OR NEW.prev_hash <> head.hash THEN
            PERFORM newsdesk_refuse('audit-appends-to-its-head',
                format('audit entry %s does not follow entry %s, the newest', NEW.id, head.id));
        END IF;
        UPDATE audit_head SET id = NEW.id, hash = NEW.hash;
        RETURN NEW;
    END
    $$;
DROP TRIGGER IF EXISTS newsdesk_audit_append ON audit;
CREATE TRIGGER newsdesk_audit_append BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION newsdesk_audit_append();

-- What may change in an article row, and who may move it through the workflow: the
-- same transitions as domain/workflow.py, rule names included.
CREATE OR REPLACE FUNCTION newsdesk_guard_article() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
    DECLARE
        me text := newsdesk_person();
        editor boolean;
        content_changed boolean;
        was_published boolean;
        restoring boolean := false;
        move text := OLD.status || '>' || NEW.status;
    BEGIN
        -- The digest of the approved text follows the approved revision, for everyone;
        -- only the owner sets it otherwise (server init fills in older articles').
        IF NEW.status IN ('approved', 'published') AND NEW.approved_revision = NEW.revision THEN
            NEW.approved_digest := newsdesk_content_digest(NEW);
        ELSIF NOT newsdesk_is_admin() THEN
            NEW.approved_digest := OLD.approved_digest;
        END IF;
        IF newsdesk_is_admin() THEN
            RETURN NEW;
        END IF;
        editor := newsdesk_in_group('reporter') OR newsdesk_in_group('producer');
        IF EXISTS (SELECT 1 FROM deleted_articles d WHERE d.article_id = OLD.id) THEN
            PERFORM newsdesk_refuse('deleted-is-gone',
                format('article %s was deleted', OLD.id));
        END IF;
        IF OLD.status = 'archived' THEN
            PERFORM newsdesk_refuse('archived-is-read-only',
                format('article %s is archived and cannot be changed', OLD.id));
        END IF;
        IF (NEW.id, NEW.created_by, NEW.created_at)
                IS DISTINCT FROM (OLD.id, OLD.created_by, OLD.created_at) THEN
            PERFORM newsdesk_refuse('article-identity-is-fixed',
                format('the id and creator of article %s never change', OLD.id));
        END IF;
        IF NEW.slug IS DISTINCT FROM OLD.slug THEN
            -- Until the article is first published its address is the newsroom's own;
            -- after, links point at it: producers and the web team only, and the former
            -- address is kept (a redirect), written first in the same transaction.
            was_published := EXISTS (SELECT 1 FROM audit e
                                     WHERE e.article_id = OLD.id AND e.action = 'publish');
            IF was_published AND NOT (newsdesk_in_group('producer') OR newsdesk_in_group('web')) THEN
                PERFORM newsdesk_refuse('published-slug-change-needs-producer-or-web',
                    format('%s may not change the address of published article %s', me, OLD.id));
            ELSIF NOT was_published AND NOT editor THEN
                PERFORM newsdesk_refuse('slug-change-needs-reporter-or-producer',
                    format('%s may not change the address of article %s', me, OLD.id));
            END IF;
            IF NOT EXISTS (SELECT 1 FROM former_slugs f WHERE f.article_id = OLD.id
                           AND f.slug = OLD.slug AND f.published = was_published) THEN
                PERFORM newsdesk_refuse('a-slug-change-keeps-the-former-slug',
                    format('the former address %s of article %s is not kept', OLD.slug, OLD.id));
            END IF;
        END IF;
        content_changed := (NEW.kicker, NEW.headline, NEW.section, NEW.date, NEW.source,
                            NEW.language, NEW.body, NEW.credits, NEW.images, NEW.summary,
                            NEW.keywords, NEW.reporters)
            IS DISTINCT FROM (OLD.kicker, OLD.headline, OLD.section, OLD.date, OLD.source,
                              OLD.language, OLD.body, OLD.credits, OLD.images, OLD.summary,
                              OLD.keywords, OLD.reporters);
        IF content_changed THEN
            IF NOT editor THEN
                PERFORM newsdesk_refuse('web-cannot-edit',
                    format('%s may not edit articles: only a reporter or producer may', me));
            END IF;
            IF NEW.revision <> OLD.revision + 1 THEN
                PERFORM newsdesk_refuse('every-save-is-a-new-revision',
                    format('a change of article %s must be its revision %s', OLD.id,
                           OLD.revision + 1));
            END IF;
            IF NEW.content_updated_by IS DISTINCT FROM me THEN
                PERFORM newsdesk_refuse('write-under-your-own-name',
                    format('%s may not save under the name %s', me, NEW.content_updated_by));
            END IF;
            IF OLD.status IN ('approved', 'published') AND NEW.status <> 'submitted' THEN
                PERFORM newsdesk_refuse('edit-withdraws-approval',
                    format('an edit of %s article %s sends it back to submitted',
                           OLD.status, OLD.id));
            END IF;
            -- A save that gives the approved text back while the approval is withdrawn
            -- returns the article to approved (or published, if it was): only with
            -- exactly that text, as its new approved revision.
            restoring := OLD.status = 'submitted' AND NEW.status IN ('approved', 'published');
            IF restoring AND (OLD.approved_digest IS NULL
                    OR newsdesk_content_digest(NEW) <> OLD.approved_digest
                    OR NEW.approved_revision IS DISTINCT FROM NEW.revision
                    OR (NEW.status = 'published' AND NOT EXISTS (SELECT 1 FROM audit e
                        WHERE e.article_id = OLD.id AND e.action = 'publish'
                        AND e.revision = OLD.approved_revision))) THEN
                PERFORM newsdesk_refuse('restore-needs-the-approved-text',
                    format('article %s goes back to %s only with its approved text',
                           OLD.id, NEW.status));
            END IF;
        ELSIF NEW.revision <> OLD.revision
                OR (NEW.content_updated_at, NEW.content_updated_by)
                   IS DISTINCT FROM (OLD.content_updated_at, OLD.content_updated_by) THEN
            PERFORM newsdesk_refuse('every-save-is-a-new-revision',
                format('the revision of article %s changes only with its content', OLD.id));
        END IF;
        IF restoring THEN
            RETURN NEW;  -- checked above: the approved text, as the approved revision
        END IF;
        IF NEW.approved_revision IS DISTINCT FROM OLD.approved_revision
                AND NOT (move = 'submitted>approved'
                         AND NEW.approved_revision = NEW.revision) THEN
            PERFORM newsdesk_refuse('approval-is-an-approve',
                format('the approved revision of article %s is set by approving it', OLD.id));
        END IF;
        IF NEW.status = OLD.status THEN
            RETURN NEW;
        END IF;
        IF move = 'draft>submitted' THEN
            IF NOT editor THEN
                PERFORM newsdesk_refuse('submit-needs-producer-or-reporter',
                    format('%s may not submit articles: only a producer or reporter may', me));
            END IF;
        ELSIF move IN ('submitted>draft', 'approved>draft') THEN
            IF NOT newsdesk_in_group('producer') THEN
                PERFORM newsdesk_refuse('return-needs-producer',
                    format('%s may not return articles: only a producer may', me));
            END IF;
        ELSIF move = 'submitted>approved' THEN
            IF NOT newsdesk_in_group('producer') THEN
                PERFORM newsdesk_refuse('approve-needs-producer',
                    format('%s may not approve articles: only a producer may', me));
            END IF;
            IF OLD.created_by = me THEN
                PERFORM newsdesk_refuse('no-self-approval',
                    format('%s created article %s and so may not approve it', me, OLD.id));
            END IF;
        ELSIF move = 'approved>published' THEN
            IF NOT newsdesk_in_group('web') THEN
                PERFORM newsdesk_refuse('publish-needs-web',
                    format('%s may not publish articles: only a web may', me));
            END IF;
        ELSIF NEW.status = 'archived' THEN
            IF NOT (newsdesk_in_group('producer') OR OLD.created_by = me) THEN
                PERFORM newsdesk_refuse('archive-needs-producer-or-creator',
                    format('%s may not archive article %s: only a producer or its creator may',
                           me, OLD.id));
            END IF;
        ELSIF move IN ('approved>submitted', 'published>submitted') AND content_changed THEN
            NULL;  -- an edit after approval withdraws it (checked above)
        ELSE
            PERFORM newsdesk_refuse(
                format('%s-not-from-%s', NEW.status, OLD.status),
                format('article %s cannot go from %s to %s', OLD.id, OLD.status, NEW.status));
        END IF;
        RETURN NEW;
    END
    $$;
DROP TRIGGER IF EXISTS newsdesk_guard_article ON articles;
CREATE TRIGGER newsdesk_guard_article BEFORE UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsdesk_guard_article();

-- Deleting a junk draft: a row here, by its creator, of a draft never submitted; the
-- article leaves the search at once. Nothing is ever removed from articles.
CREATE OR REPLACE FUNCTION newsdesk_guard_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
    DECLARE
        me text := newsdesk_person();
        article record;
    BEGIN
        SELECT a.status, a.created_by INTO article FROM articles a WHERE a.id = NEW.article_id;
        IF NOT newsdesk_is_admin() THEN
            IF article.status IS DISTINCT FROM 'draft' OR EXISTS (SELECT 1 FROM audit e
                    WHERE e.article_id = NEW.article_id AND e.action = 'submit') THEN
                PERFORM newsdesk_refuse('delete-only-unsubmitted-drafts',
                    format('article %s was submitted once, so it stays in the newsroom',
                           NEW.article_id));
            END IF;
            IF article.created_by IS DISTINCT FROM me OR NEW.deleted_by IS DISTINCT FROM me THEN
                PERFORM newsdesk_refuse('delete-needs-creator',
                    format('%s may not delete article %s: only its creator may',
                           me, NEW.article_id));
            END IF;
        END IF;
        DELETE FROM article_search WHERE article_id = NEW.article_id;
        RETURN NEW;
    END
    $$;
DROP TRIGGER IF EXISTS newsdesk_guard_delete ON deleted_articles;
CREATE TRIGGER newsdesk_guard_delete BEFORE INSERT ON deleted_articles
    FOR EACH ROW EXECUTE FUNCTION newsdesk_guard_delete();

-- The search index of an article, replaced whole. Desks may not delete rows, so they
-- call this instead, and only in the transaction that wrote the article itself (its
-- row's xmin is this transaction): the index follows a save, never stands alone.
CREATE OR REPLACE FUNCTION newsdesk_set_search(article bigint, docs tsvector[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
    AS $$
    BEGIN
        IF NOT newsdesk_is_admin() AND NOT EXISTS (
                SELECT 1 FROM articles a
                WHERE a.id = article AND a.xmin = pg_current_xact_id()::xid) THEN
            PERFORM newsdesk_refuse('search-follows-a-save',
                format('the search index of article %s changes only with its text', article));
        END IF;
        DELETE FROM article_search WHERE article_id = article;
        INSERT INTO article_search (article_id, part, doc)
            SELECT article, n - 1, d FROM unnest(docs) WITH ORDINALITY AS u (d, n);
    END
    $$;

-- Row-level security: every row a desk writes carries its own person's name.
ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON articles;
CREATE POLICY newsdesk_read ON articles FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON articles;
CREATE POLICY newsdesk_insert ON articles FOR INSERT WITH CHECK (
    created_by = newsdesk_person() AND updated_by = created_by
    AND content_updated_by = created_by AND status = 'draft' AND revision = 1
    AND approved_revision IS NULL);
DROP POLICY IF EXISTS newsdesk_update ON articles;
CREATE POLICY newsdesk_update ON articles FOR UPDATE USING (true)
    WITH CHECK (updated_by = newsdesk_person());

ALTER TABLE revisions ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON revisions;
CREATE POLICY newsdesk_read ON revisions FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON revisions;
CREATE POLICY newsdesk_insert ON revisions FOR INSERT WITH CHECK (saved_by = newsdesk_person());

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON audit;
CREATE POLICY newsdesk_read ON audit FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON audit;
CREATE POLICY newsdesk_insert ON audit FOR INSERT WITH CHECK (actor = newsdesk_person());

ALTER TABLE former_slugs ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON former_slugs;
CREATE POLICY newsdesk_read ON former_slugs FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON former_slugs;
CREATE POLICY newsdesk_insert ON former_slugs FOR INSERT
    WITH CHECK (replaced_by = newsdesk_person());

ALTER TABLE deleted_articles ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON deleted_articles;
CREATE POLICY newsdesk_read ON deleted_articles FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON deleted_articles;
CREATE POLICY newsdesk_insert ON deleted_articles FOR INSERT
    WITH CHECK (deleted_by = newsdesk_person());

ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS newsdesk_read ON comments;
CREATE POLICY newsdesk_read ON comments FOR SELECT USING (true);
DROP POLICY IF EXISTS newsdesk_insert ON comments;
CREATE POLICY newsdesk_insert ON comments FOR INSERT WITH CHECK (author = newsdesk_person());

-- Privileges: reading for every desk; writing only what each role's work needs; no
-- DELETE, TRUNCATE or UPDATE of history for anyone but the owner.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {reporter}, {producer}, {web};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {reporter}, {producer}, {web};
REVOKE EXECUTE ON FUNCTION newsdesk_lock_audit_head(), newsdesk_set_search(bigint, tsvector[])
    FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {reporter}, {producer}, {web};
GRANT SELECT ON newsdesk_meta, newsdesk_schema, people, articles, revisions, audit,
    audit_head, settings, credit_roles, images, comments, article_search, former_slugs,
    deleted_articles, body_cache TO {reporter}, {producer}, {web};
-- Only those who export (the web team) fill the body cache the exports read.
GRANT INSERT ON body_cache TO {web};
-- ... and fill in the plain text of an entry kept without it (migration 0007).
GRANT UPDATE (plain_text) ON body_cache TO {web};
GRANT INSERT, UPDATE ON articles TO {reporter}, {producer};
GRANT UPDATE (status, approved_revision, updated_at, updated_by, slug) ON articles TO {web};
GRANT INSERT ON former_slugs TO {reporter}, {producer}, {web};
GRANT INSERT ON deleted_articles TO {reporter}, {producer};
GRANT USAGE ON SEQUENCE former_slugs_id_seq TO {reporter}, {producer}, {web};
GRANT INSERT ON revisions, images TO {reporter}, {producer};
GRANT INSERT ON audit, comments TO {reporter}, {producer}, {web};
GRANT INSERT, UPDATE ON settings TO {producer}, {web};
GRANT USAGE ON SEQUENCE articles_id_seq TO {reporter}, {producer};
GRANT USAGE ON SEQUENCE comments_id_seq TO {reporter}, {producer}, {web};
GRANT EXECUTE ON FUNCTION newsdesk_lock_audit_head() TO {reporter}, {producer}, {web};
GRANT EXECUTE ON FUNCTION newsdesk_set_search(bigint, tsvector[]) TO {reporter}, {producer};
