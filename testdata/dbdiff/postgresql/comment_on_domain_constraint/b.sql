CREATE DOMAIN pos AS integer CONSTRAINT pos_check CHECK (VALUE > 0);
COMMENT ON CONSTRAINT pos_check ON DOMAIN pos IS 'strictly positive';
