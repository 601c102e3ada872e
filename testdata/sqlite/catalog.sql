-- Hand-written DDL for the SQLite introspection golden test.
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    name VARCHAR(120) NOT NULL COLLATE NOCASE,
    CONSTRAINT uq_orgs_name UNIQUE (name)
);
CREATE TABLE "all types" (
    c_int INT, c_integer INTEGER, c_bigint BIGINT, c_small SMALLINT,
    c_bool BOOLEAN, c_varchar VARCHAR(120), c_nvarchar NVARCHAR(40),
    c_string varchar, c_char CHAR(3), c_text TEXT, c_clob CLOB, c_blob BLOB,
    c_real REAL, c_float FLOAT, c_double DOUBLE PRECISION,
    c_numeric NUMERIC(10,2), c_decimal DECIMAL(8), c_date DATE,
    c_time TIME, c_ts TIMESTAMP, c_dt DATETIME, c_tstz TIMESTAMPTZ,
    c_interval INTERVAL, c_json JSON, c_jsonb JSONB, c_uuid UUID,
    c_geo geometry, c_varying character  varying(9), c_none,
    c_named INTEGER CONSTRAINT nn_c NOT NULL DEFAULT 1
        CONSTRAINT ck_c_named_pos CHECK (c_named > 0),
    c_nn INT CONSTRAINT nn_d NOT NULL DEFAULT 2 CHECK (c_nn < 5),
    c_gen INTEGER GENERATED ALWAYS AS (c_int * 2) STORED
);
CREATE TABLE memberships (
    org_id INTEGER NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member'
        CHECK (role IN ('member', 'admin', 'it''s (odd)')),
    since DATETIME DEFAULT CURRENT_TIMESTAMP,
    note TEXT DEFAULT (lower('X')),  -- a comment, with (parens
    ref2 INTEGER REFERENCES orgs (id) ON UPDATE SET DEFAULT
        NOT DEFERRABLE CONSTRAINT ck_ref2 CHECK (ref2 <> 0) DEFAULT 1
        NOT NULL,
    /* block comment, CONSTRAINT fake CHECK (fake) */
    CONSTRAINT pk_memberships PRIMARY KEY (org_id, user_id),
    CONSTRAINT "ck_memberships_nested" CHECK (((length(role) > 2)
        AND (role <> ')')) OR role = '"'),
    CHECK (user_id > 0),
    CONSTRAINT fk_memberships_user FOREIGN KEY (user_id)
        REFERENCES users (id) ON UPDATE SET NULL
        DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (user_id, role)
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(120),
    status TEXT DEFAULT 'active',
    org_id INTEGER CONSTRAINT fk_users_org REFERENCES orgs ON DELETE SET NULL
);
CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email))
    WHERE email IS NOT NULL;
CREATE INDEX ix_users_status_desc ON users (status COLLATE NOCASE DESC, id);
CREATE TRIGGER tr_users_touch AFTER UPDATE OF email ON users
BEGIN
    UPDATE users SET status = 'changed' WHERE id = NEW.id;
END;
CREATE VIEW active_users AS SELECT * FROM users WHERE status = 'active';
CREATE TABLE "we""ird [name]" (
    "col ""q""" TEXT,
    [sp ace] INTEGER,
    `b``t` REAL,
    "ünï" TEXT UNIQUE
);
CREATE INDEX "ix ""hostile""" ON "we""ird [name]" ("col ""q""");
CREATE TABLE keyed (code TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE schemadiff_version (revision TEXT PRIMARY KEY);
CREATE TABLE schemadiff_version_log (x);
CREATE TABLE legacy_stuff (x);
CREATE TRIGGER tr_legacy AFTER INSERT ON legacy_stuff BEGIN SELECT 1; END;
