CREATE TABLE t (id integer PRIMARY KEY, v integer CONSTRAINT ck_t_v CHECK (v > 0));
COMMENT ON CONSTRAINT ck_t_v ON t IS 'v counts something';
COMMENT ON CONSTRAINT t_pkey ON t IS 'surrogate key';
