-- cms v1: a content management system that keeps its logic in the database:
-- slugs and search vectors maintained by triggers, revision numbering,
-- a publishing procedure, materialized popularity figures.
CREATE SCHEMA cms;
SET search_path = cms, public;

CREATE TYPE cms.page_state AS ENUM ('draft', 'review', 'published', 'archived');
CREATE TYPE cms.seo_meta AS (title text, description text, noindex boolean);

CREATE FUNCTION cms.slugify(input text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT trim(both '-' from regexp_replace(lower(input), '[^a-z0-9]+', '-', 'g')) $$;

CREATE FUNCTION cms.set_slug() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.slug IS NULL OR NEW.slug = '' THEN
        NEW.slug := cms.slugify(NEW.title);
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION cms.next_revision() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    SELECT coalesce(max(number), 0) + 1 INTO NEW.number FROM cms.page_revisions WHERE page_id = NEW.page_id;
    RETURN NEW;
END
$$;

CREATE FUNCTION cms.refresh_search() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
               || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'B');
    RETURN NEW;
END
$$;

CREATE TABLE cms.sites (
    id serial PRIMARY KEY,
    host text NOT NULL UNIQUE,
    name text NOT NULL,
    default_locale varchar(5) NOT NULL DEFAULT 'en'
);

CREATE TABLE cms.authors (
    id serial PRIMARY KEY,
    display_name text NOT NULL,
    email text NOT NULL UNIQUE,
    bio text,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE cms.pages (
    id bigserial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    parent_id bigint REFERENCES cms.pages (id) ON DELETE SET NULL,
    author_id integer REFERENCES cms.authors (id),
    title text NOT NULL,
    slug text NOT NULL,
    body text,
    state cms.page_state NOT NULL DEFAULT 'draft',
    seo cms.seo_meta,
    search tsvector,
    published_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pages_site_slug_key UNIQUE (site_id, parent_id, slug),
    CONSTRAINT pages_published_has_date CHECK (state <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX pages_search_idx ON cms.pages USING gin (search);
CREATE INDEX pages_published_idx ON cms.pages (site_id, published_at DESC) WHERE state = 'published';
CREATE TRIGGER pages_slug BEFORE INSERT OR UPDATE OF title, slug ON cms.pages FOR EACH ROW EXECUTE FUNCTION cms.set_slug();
CREATE TRIGGER pages_search BEFORE INSERT OR UPDATE OF title, body ON cms.pages FOR EACH ROW EXECUTE FUNCTION cms.refresh_search();

CREATE TABLE cms.page_revisions (
    page_id bigint NOT NULL REFERENCES cms.pages (id) ON DELETE CASCADE,
    number integer NOT NULL,
    title text NOT NULL,
    body text,
    author_id integer REFERENCES cms.authors (id),
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (page_id, number)
);
CREATE TRIGGER page_revisions_number BEFORE INSERT ON cms.page_revisions FOR EACH ROW EXECUTE FUNCTION cms.next_revision();

CREATE TABLE cms.media (
    id bigserial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    path text NOT NULL,
    mime_type text NOT NULL,
    bytes bigint NOT NULL CHECK (bytes >= 0),
    width integer,
    height integer,
    alt_text text,
    CONSTRAINT media_site_path_key UNIQUE (site_id, path),
    CONSTRAINT media_image_has_size CHECK (mime_type NOT LIKE 'image/%' OR (width IS NOT NULL AND height IS NOT NULL))
);

CREATE TABLE cms.tags (
    id serial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    name text NOT NULL,
    CONSTRAINT tags_site_name_key UNIQUE (site_id, name)
);
CREATE UNIQUE INDEX tags_site_lower_name_key ON cms.tags (site_id, lower(name));

CREATE TABLE cms.page_tags (
    page_id bigint NOT NULL REFERENCES cms.pages (id) ON DELETE CASCADE,
    tag_id integer NOT NULL REFERENCES cms.tags (id) ON DELETE CASCADE,
    PRIMARY KEY (page_id, tag_id)
);
CREATE INDEX page_tags_tag_idx ON cms.page_tags (tag_id);

CREATE TABLE cms.comments (
    id bigserial PRIMARY KEY,
    page_id bigint NOT NULL REFERENCES cms.pages (id) ON DELETE CASCADE,
    parent_id bigint REFERENCES cms.comments (id) ON DELETE CASCADE,
    author_name text NOT NULL,
    body text NOT NULL,
    approved boolean NOT NULL DEFAULT false,
    spam_score real,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_page_idx ON cms.comments (page_id, created_at) WHERE approved;
CREATE INDEX comments_moderation_idx ON cms.comments (created_at) WHERE NOT approved;

CREATE TABLE cms.menus (
    id serial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    name text NOT NULL,
    items jsonb NOT NULL DEFAULT '[]',
    CONSTRAINT menus_items_array CHECK (jsonb_typeof(items) = 'array')
);

CREATE TABLE cms.redirects (
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    from_path text NOT NULL,
    to_path text NOT NULL,
    permanent boolean NOT NULL DEFAULT true,
    hits bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, from_path),
    CONSTRAINT redirects_not_self CHECK (from_path <> to_path)
);

CREATE TABLE cms.page_views (
    page_id bigint NOT NULL REFERENCES cms.pages (id) ON DELETE CASCADE,
    day date NOT NULL,
    views integer NOT NULL DEFAULT 0,
    PRIMARY KEY (page_id, day)
);

CREATE TABLE cms.roles (
    id smallint PRIMARY KEY,
    name text NOT NULL UNIQUE,
    can_publish boolean NOT NULL DEFAULT false
);
CREATE TABLE cms.author_roles (
    author_id integer NOT NULL REFERENCES cms.authors (id) ON DELETE CASCADE,
    role_id smallint NOT NULL REFERENCES cms.roles (id),
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, role_id, site_id)
);
CREATE TABLE cms.page_locks (
    page_id bigint PRIMARY KEY REFERENCES cms.pages (id) ON DELETE CASCADE,
    author_id integer NOT NULL REFERENCES cms.authors (id),
    locked_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '15 minutes'
);
CREATE TABLE cms.forms (
    id serial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    name text NOT NULL,
    fields jsonb NOT NULL DEFAULT '[]',
    notify_email text
);
CREATE TABLE cms.form_submissions (
    id bigserial PRIMARY KEY,
    form_id integer NOT NULL REFERENCES cms.forms (id) ON DELETE CASCADE,
    data jsonb NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    ip inet
);
CREATE INDEX form_submissions_form_idx ON cms.form_submissions (form_id, submitted_at DESC);
CREATE TABLE cms.search_synonyms (
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    term text NOT NULL,
    synonyms text[] NOT NULL,
    PRIMARY KEY (site_id, term)
);
CREATE TABLE cms.webhooks (
    id serial PRIMARY KEY,
    site_id integer NOT NULL REFERENCES cms.sites (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (url LIKE 'https://%'),
    on_publish boolean NOT NULL DEFAULT true
);

CREATE VIEW cms.published_pages AS
    SELECT p.id, s.host, p.slug, p.title, p.published_at, a.display_name AS author
    FROM cms.pages p
    JOIN cms.sites s ON s.id = p.site_id
    LEFT JOIN cms.authors a ON a.id = p.author_id
    WHERE p.state = 'published';

CREATE VIEW cms.moderation_queue AS
    SELECT c.id, c.page_id, c.author_name, left(c.body, 80) AS excerpt, c.spam_score
    FROM cms.comments c
    WHERE NOT c.approved
    ORDER BY c.spam_score NULLS FIRST, c.created_at;

CREATE MATERIALIZED VIEW cms.popular_pages AS
    SELECT page_id, sum(views) AS views_30d
    FROM cms.page_views
    WHERE day > current_date - 30
    GROUP BY page_id
WITH NO DATA;
CREATE UNIQUE INDEX popular_pages_page_key ON cms.popular_pages (page_id);

CREATE FUNCTION cms.page_url(p_page bigint) RETURNS text
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT 'https://' || s.host || '/' || p.slug FROM cms.pages p JOIN cms.sites s ON s.id = p.site_id WHERE p.id = p_page;
    END;

COMMENT ON FUNCTION cms.slugify(text) IS 'lower-case, dashes between words';
COMMENT ON TYPE cms.seo_meta IS 'search engine hints of a page';

RESET search_path;

INSERT INTO cms.sites (host, name) VALUES ('blog.example.test', 'Example Blog'), ('docs.example.test', 'Docs');
INSERT INTO cms.authors (display_name, email) VALUES ('Ada', 'ada@example.test'), ('Linus', 'linus@example.test');
INSERT INTO cms.pages (site_id, author_id, title, body, state, published_at, seo) VALUES
    (1, 1, 'Hello World', 'First post.', 'published', '2026-01-01', ROW('Hello', 'A first post', false)),
    (1, 2, 'Draft Ideas', 'Not yet.', 'draft', NULL, NULL),
    (2, 1, 'Getting Started', 'Install it.', 'published', '2026-01-05', NULL);
INSERT INTO cms.page_revisions (page_id, title, body, author_id) VALUES (1, 'Hello World', 'First post', 1), (1, 'Hello World', 'First post.', 1);
INSERT INTO cms.media (site_id, path, mime_type, bytes, width, height) VALUES (1, '/img/hello.png', 'image/png', 20480, 640, 480);
INSERT INTO cms.tags (site_id, name) VALUES (1, 'News'), (1, 'Meta');
INSERT INTO cms.page_tags VALUES (1, 1), (1, 2);
INSERT INTO cms.comments (page_id, author_name, body, approved, spam_score) VALUES (1, 'Reader', 'Nice!', true, 0.01), (1, 'Spammer', 'Buy now', false, 0.98);
INSERT INTO cms.menus (site_id, name, items) VALUES (1, 'main', '[{"title": "Home", "path": "/"}]');
INSERT INTO cms.redirects (site_id, from_path, to_path) VALUES (1, '/hello', '/hello-world');
INSERT INTO cms.roles VALUES (1, 'editor', true), (2, 'writer', false);
INSERT INTO cms.author_roles VALUES (1, 1, 1), (2, 2, 1);
INSERT INTO cms.forms (site_id, name) VALUES (1, 'contact');
INSERT INTO cms.form_submissions (form_id, data) VALUES (1, '{"email": "x@example.test"}');
INSERT INTO cms.page_views VALUES (1, current_date - 1, 42), (3, current_date - 2, 7);
