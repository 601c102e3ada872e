seed: INSERT INTO skus (code) VALUES ('K1'); INSERT INTO stock (sku_code) VALUES ('K1')
q: SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint WHERE contype IN ('u', 'f') AND connamespace = 'public'::regnamespace => fk_stock_sku_code_skus FOREIGN KEY (sku_code) REFERENCES skus(code) ON UPDATE CASCADE; uq_skus_code UNIQUE (code)
