CREATE TYPE mood AS ENUM ('calm', 'busy');
CREATE TYPE shade AS ENUM ('dark', 'light');
CREATE DOMAIN nonneg AS integer CHECK (VALUE >= 0);
CREATE DOMAIN label AS text NOT NULL;
CREATE TYPE pair AS (a integer, b text);
CREATE TABLE things (
    id integer PRIMARY KEY,
    name text,
    tags text[] NOT NULL,
    scores integer[] NOT NULL,
    host inet NOT NULL,
    net cidr NOT NULL,
    mac macaddr NOT NULL,
    at_tz time with time zone NOT NULL,
    stamp timestamp(3) without time zone NOT NULL,
    state mood NOT NULL,
    tone shade NOT NULL,
    span int4range NOT NULL,
    spans int8multirange NOT NULL,
    words tsvector NOT NULL,
    flags bit(3) NOT NULL,
    vflags bit varying(8) NOT NULL,
    price money NOT NULL,
    amount nonneg NOT NULL,
    title label NOT NULL,
    both_ pair NOT NULL,
    spot point NOT NULL,
    lsn pg_lsn NOT NULL,
    doc xml NOT NULL,
    ids uuid NOT NULL,
    body jsonb NOT NULL,
    raw bytea NOT NULL,
    took interval NOT NULL,
    day date NOT NULL
);
