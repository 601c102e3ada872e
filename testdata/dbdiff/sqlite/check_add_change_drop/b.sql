CREATE TABLE pr (id INTEGER PRIMARY KEY, price NUMERIC, qty INTEGER, CONSTRAINT ck_price CHECK (price > 10 AND price < 1000), CONSTRAINT ck_both CHECK ((price IS NULL) = (qty IS NULL)));
