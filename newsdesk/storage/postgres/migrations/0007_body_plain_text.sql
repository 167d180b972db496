-- The body's visible text beside its HTML (one block a line), so an export does not
-- parse the HTML again for the page's description or the text page. Entries kept
-- before have none (NULL): the exporter derives it once and fills it in, the only
-- change ever made to an entry (roles.sql lets the web team set this column alone).
ALTER TABLE body_cache ADD COLUMN plain_text text;
