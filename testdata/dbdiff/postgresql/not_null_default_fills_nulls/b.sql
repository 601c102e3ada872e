CREATE TABLE orders (
	id integer PRIMARY KEY,
	status text NOT NULL DEFAULT 'new',
	qty integer NOT NULL DEFAULT 1,
	placed timestamptz NOT NULL DEFAULT now()
);
INSERT INTO orders VALUES (1, 'paid', 2, now());
