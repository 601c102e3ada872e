# legacy predates schemadiff: a serial key, adopted as-is
seed: CREATE TABLE legacy (id serial CONSTRAINT pk_legacy PRIMARY KEY, name text)
seed: INSERT INTO legacy (name) VALUES ('old')
rev!: legacy
base-left: public.legacy,public.legacy_id_seq,public.pk_legacy
q: SELECT pg_get_expr(adbin, adrelid), attidentity FROM pg_attrdef JOIN pg_attribute ON adrelid = attrelid AND adnum = attnum WHERE attrelid = 'legacy'::regclass => nextval('legacy_id_seq'::regclass)|
