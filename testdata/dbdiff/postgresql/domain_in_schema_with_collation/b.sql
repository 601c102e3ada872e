CREATE SCHEMA common;
CREATE DOMAIN common.code AS text COLLATE "C" CHECK (VALUE = upper(VALUE));
CREATE TABLE public.lookups (code common.code PRIMARY KEY, label text);
