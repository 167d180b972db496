-- Rendered article bodies, by the SHA-256 of the renderer's version and the Markdown,
-- so that every export (any desk, any folder) converts a body once per content.
-- Insert-only for desks: a key names its content, an entry is never changed.
CREATE TABLE body_cache (
    key text PRIMARY KEY,
    html text NOT NULL
);
